/**
 * One-way data flow: data → pure engine → pages and islands → form schemas → endpoint → outbox.
 * The domain (schemas, engine, estimator and form logic) imports no Astro, Preact or Node and
 * nothing downstream of it, so the same engine runs in the browser, the server and the CLI;
 * components and islands import nothing from the server; and the import graph of src/ has no
 * cycle. The graph covers .ts, .tsx, .mjs and the frontmatter and <script> tags of .astro files,
 * type-only imports included (a type import still ties two modules together).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, localEdges, rel, ROOT, scanFile, scanSource, scanTree, unusedExports } from './support/imports.ts';

const modules = scanTree('src');
const edges = [...modules.values()].flatMap((m) =>
  m.imports.map((e) => ({ from: rel(m.file), to: e.target ? rel(e.target) : e.spec, typeOnly: e.typeOnly })),
);

const isPlatform = (spec: string) =>
  /^(astro|astro:.*|astro\/.*|@astrojs\/.*|preact|preact\/.*|node:.*)$/.test(spec) ||
  ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'process', 'http', 'https', 'net', 'stream'].includes(spec);

describe('the import scanner', () => {
  it('sees every import form, and which ones are type-only', () => {
    const m = scanSource(
      '/virtual/a.ts',
      [
        `import a from 'x';`,
        `import { b } from "y";`,
        `export * from 'z';`,
        `export { c as d } from 'w';`,
        `import 'side';`,
        `const m = await import('dyn');`,
        `import type { T } from 'node:fs';`,
        `import { type U, type V } from 'types-only';`,
        `import { type P, q } from 'mixed';`,
        `let t: import('in-type').Name;`,
        `// import { commented } from 'comment';`,
      ].join('\n'),
    );
    expect(m.imports.map((e) => [e.spec, e.typeOnly])).toEqual(
      expect.arrayContaining([
        ['x', false],
        ['y', false],
        ['z', false],
        ['w', false],
        ['side', false],
        ['dyn', false],
        ['node:fs', true],
        ['types-only', true],
        ['mixed', false],
        ['in-type', true],
      ]),
    );
    expect(m.imports.map((e) => e.spec)).not.toContain('comment');
  });

  it('reads the frontmatter and the <script> tags of an .astro file', () => {
    const m = scanSource(
      '/virtual/A.astro',
      `---\nimport Page from 'layout';\nimport type { T } from 'types';\n---\n<Page><p>import x from 'text'</p></Page>\n<script>\n  import { enhance } from 'client';\n</script>\n`,
    );
    expect(m.imports.map((e) => e.spec).sort()).toEqual(['client', 'layout', 'types']);
  });

  it('finds exports nobody imports, following re-exports', () => {
    const byName = (spec: string) => (spec.startsWith('./') ? `/r/${spec.slice(2)}` : undefined);
    const a = scanSource('/r/a.ts', `export const used = 1; export const unused = 2; export type T = 1;`, byName);
    const index = scanSource('/r/index.ts', `export * from './a.ts';`, byName);
    const user = scanSource('/r/user.ts', `import { used } from './index.ts';`, byName);
    const modules = new Map([a, index, user].map((m) => [m.file, m]));
    expect(unusedExports(modules, (f) => f === '/r/a.ts').map((s) => s.split(': ')[1])).toEqual(['T', 'unused']);
  });

  it('finds a cycle and prints it as a path', () => {
    const g = new Map([
      ['/r/a', ['/r/b']],
      ['/r/b', ['/r/c']],
      ['/r/c', ['/r/a', '/r/d']],
      ['/r/d', []],
    ]);
    const [cycle] = findCycles(g);
    expect(cycle?.map((f) => f.split('/').pop())).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycles(new Map([['/r/a', ['/r/b']]]))).toEqual([]);
  });
});

describe('architecture', () => {
  it('scans the whole of src/, .astro files included', () => {
    expect(modules.size).toBeGreaterThan(150);
    expect([...modules.keys()].some((f) => f.endsWith('.astro'))).toBe(true);
    expect(edges.length).toBeGreaterThan(500);
  });

  it('the import graph of src/ has no cycle (type-only imports included)', () => {
    expect(findCycles(localEdges(modules)).map((c) => c.join(' → '))).toEqual([]);
  });

  it('nothing under src/domain imports astro, preact or node (type-only imports included)', () => {
    const domain = edges.filter((e) => e.from.startsWith('src/domain/'));
    expect(domain.length).toBeGreaterThan(50);
    expect(domain.filter((e) => isPlatform(e.to)).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  // src/i18n is not downstream: its locale and string types are shared vocabulary (a type of the
  // island's strings may be named by the estimator's domain); the no-cycle test keeps it one-way.
  it('src/domain imports nothing downstream: no components, pages, layouts, server or data loading', () => {
    const offenders = edges
      .filter(
        (e) =>
          e.from.startsWith('src/domain/') && /^src\/(components|pages|layouts|server|data|integrations)\//.test(e.to),
      )
      .map((e) => `${e.from} → ${e.to}`);
    expect(offenders).toEqual([]);
  });

  it('components, layouts and islands import nothing from src/server', () => {
    const offenders = edges
      .filter((e) => /^src\/(components|layouts)\//.test(e.from) && e.to.startsWith('src/server/'))
      .map((e) => `${e.from} → ${e.to}`);
    expect(offenders).toEqual([]);
  });

  it('the engine reads no clock and no locale', () => {
    const files = [...modules.keys()].filter((f) => rel(f).startsWith('src/domain/engine/'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files
      .filter((f) => /\bDate\.now\(|new Date\(|Intl\.|toLocale/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('src/ exports only what something imports (`node scripts/unused-exports.ts` lists offenders)', () => {
    const all = scanTree('src', 'test', 'scripts', 'bench');
    for (const config of ['astro.config.mjs', 'vitest.config.ts', 'vitest.e2e.config.ts'])
      all.set(join(ROOT, config), scanFile(join(ROOT, config)));
    // Astro reads the exports of pages and .astro components itself (getStaticPaths, prerender,
    // GET/POST, Props), so nothing in the tree imports them.
    const frameworkRead = (f: string) => rel(f).startsWith('src/pages/') || f.endsWith('.astro');
    const owners = (f: string) => rel(f).startsWith('src/') && !frameworkRead(f);
    expect([...all.keys()].filter(owners).length).toBeGreaterThan(150);
    // Known unused exports that may stay for now, as `file: name`. Keep it empty: an entry needs a
    // reason beside it and is removed together with the export.
    const allowed: string[] = [];
    expect(unusedExports(all, owners).filter((e) => !allowed.includes(e))).toEqual([]);
  });
});

describe('test/ mirrors src/', () => {
  // Folders organised by something other than a src/ folder: shared test code, the built site
  // (pages, size, e2e), the docs, and the case tables that social workers read by path.
  const STAY = [
    'test/support/',
    'test/helpers/',
    'test/fixtures/',
    'test/e2e/',
    'test/rules/',
    'test/docs/',
    'test/size/',
  ];
  const testFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return /\.test\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
    });

  it('every test outside the shared folders sits in a folder that exists under src/', () => {
    const files = testFiles(join(ROOT, 'test'));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((f) => !STAY.some((s) => f.startsWith(s)))
      .map((f) => dirname(f))
      .filter((dir) => dir !== 'test' && !existsSync(join(ROOT, 'src', relative('test', dir))));
    expect([...new Set(offenders)]).toEqual([]);
  });
});

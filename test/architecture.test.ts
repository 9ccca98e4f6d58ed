/**
 * One-way data flow (DESIGN.md): the domain (schemas + engine) imports no Astro, Preact or Node,
 * so the same engine runs in the browser, the server and the CLI; islands import nothing from
 * the server. Scans the import statements of the source files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function filesUnder(dir: string, test: (f: string) => boolean): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = join(abs, name);
    return statSync(p).isDirectory() ? filesUnder(relative(root, p), test) : test(p) ? [p] : [];
  });
}

/** Every module specifier of `import … from`, `export … from`, `import(…)` and bare `import '…'`. */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

/** The file a relative or `#src/` specifier names; undefined for a package. */
function resolveSpec(from: string, spec: string): string | undefined {
  if (spec.startsWith('#src/')) return join(root, 'src', spec.slice(5));
  if (spec.startsWith('.')) return resolve(from, '..', spec);
  return undefined;
}

const forbiddenInDomain = (spec: string) =>
  spec === 'astro' ||
  spec.startsWith('astro:') ||
  spec.startsWith('astro/') ||
  spec.startsWith('@astrojs/') ||
  spec === 'preact' ||
  spec.startsWith('preact/') ||
  spec.startsWith('node:') ||
  ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'process', 'http', 'https', 'net'].includes(spec);

describe('architecture', () => {
  it('the import scanner sees every import form', () => {
    expect(
      importsOf(
        `import a from 'x';\nimport { b } from "y";\nexport * from './z.ts';\nimport 'side';\nconst m = await import('dyn');\nimport type { T } from 'node:fs';`,
      ),
    ).toEqual(expect.arrayContaining(['x', 'y', './z.ts', 'side', 'dyn', 'node:fs']));
  });

  it('nothing under src/domain imports astro, preact or node', () => {
    const files = filesUnder('src/domain', (f) => /\.(ts|tsx|js|mjs)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter(forbiddenInDomain)
        .map((s) => `${relative(root, f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the engine reads no clock and no locale', () => {
    const files = filesUnder('src/domain/engine', (f) => f.endsWith('.ts'));
    const offenders = files
      .filter((f) => /\bDate\.now\(|new Date\(|Intl\.|toLocale/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('islands import nothing from src/server', () => {
    const islands = [
      ...filesUnder('src/islands', (f) => /\.(ts|tsx)$/.test(f)),
      ...filesUnder('src/components', (f) => f.endsWith('.tsx')),
    ];
    const offenders = islands.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((s) => resolveSpec(f, s)?.startsWith(join(root, 'src/server')))
        .map((s) => `${relative(root, f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});

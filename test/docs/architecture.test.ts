/**
 * docs/architecture.md cannot rot: every repository path it names (`src/…`, `test/…`, `docs/…`,
 * `scripts/…`, `locales/…`, `bench/…`, `examples/…`) must exist, and so must every file name it
 * mentions on its own (`Estimator.tsx`). Placeholders match any name: `<id>` one path segment,
 * `{lv,ru}` one of the listed names, `*` any part of a segment.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');

const SKIP = new Set(['node_modules', '.git', 'dist', '.build', '.astro', 'var', 'test-results']);
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? [`${relative(root, p)}/`, ...walk(p)] : [relative(root, p)];
  });
}
const entries = walk(root).map((p) => p.split('\\').join('/'));

/** A path as written in the doc → a regular expression over repository paths. */
export function pathPattern(written: string): RegExp {
  let re = '';
  for (const part of written.match(/<[^>]+>|\{[^}]+\}|\*|[^<{*]+/g) ?? []) {
    if (part.startsWith('<')) re += '[^/]+';
    else if (part.startsWith('{'))
      re += `(?:${part
        .slice(1, -1)
        .split(',')
        .map((a) => a.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
        .join('|')})`;
    else if (part === '*') re += '[^/]*';
    else re += part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const PATH = /(?<![\w/#.-])(?:src|test|docs|scripts|locales|bench|examples)\/(?:\{[^}\s]*\}|[^\s`'"),|{])*/g;
const named = [...new Set([...doc.matchAll(PATH)].map((m) => m[0].replace(/[.,:;]+$/, '')))];
const FILE = /`([A-Za-z][\w.-]*\.(?:ts|tsx|astro|mjs|md|yaml|json|css))`/g;
/** Files the server writes at run time, named in the doc but not in the repository. */
const WRITTEN_AT_RUN_TIME = ['application.json'];
const fileNames = [...new Set([...doc.matchAll(FILE)].map((m) => m[1]!))].filter(
  (f) => !WRITTEN_AT_RUN_TIME.includes(f),
);

describe('docs/architecture.md names only what exists', () => {
  it('finds the paths in the text (the check itself works)', () => {
    expect(named.length).toBeGreaterThan(60);
    expect(named).toContain('src/domain/engine/gmi.ts');
    expect(named).toContain('src/server/outbox/worker.ts');
    expect(pathPattern('locales/{lv,ru}/<ns>.json').test('locales/ru/mail.json')).toBe(true);
    expect(pathPattern('src/pages/[locale]/index.astro').test('src/pages/[locale]/index.astro')).toBe(true);
    expect(pathPattern('src/data/*.yaml').test('src/data/national/catalogue.yaml')).toBe(false);
  });

  it('every path it names exists', () => {
    const missing = named.filter((p) => !entries.some((e) => pathPattern(p).test(e)));
    expect(missing).toEqual([]);
  });

  it('every file name it mentions exists somewhere in the repository', () => {
    expect(fileNames.length).toBeGreaterThan(10);
    const missing = fileNames.filter((f) => !entries.some((e) => e === f || e.endsWith(`/${f}`)));
    expect(missing).toEqual([]);
  });

  it('README links to it', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('(docs/architecture.md)');
  });
});

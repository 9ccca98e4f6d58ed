/**
 * What the island may load: its whole import graph (type-only imports excluded) reaches neither
 * zod, i18next, server code nor node:* — the page's JavaScript budget is 35 KB gzip and islands
 * never import server code (it would pull server modules into the browser bundle).
 * Also: both languages' estimator strings are complete.
 */
import { describe, expect, it } from 'vitest';
import { resourcesFor } from '#src/i18n/i18n.ts';
import type { Strings } from '#src/i18n/tiny-t.ts';
import { reachable, ROOT, scanFile } from '../../support/imports.ts';

/** Runtime imports of a module (type-only imports are erased and load nothing). */
const runtimeImports = (file: string): string[] =>
  scanFile(`${ROOT}/${file}`)
    .imports.filter((e) => !e.typeOnly)
    .map((e) => e.spec);

describe('the estimator island stays small and client-only', () => {
  const g = reachable('src/components/estimator/Estimator.tsx', { types: false });

  it('imports only preact from packages', () => {
    expect(g.packages).toEqual(['preact/hooks']);
  });

  it('never reaches schemas (zod), i18next setup, data loading or server code', () => {
    // schemas/vocabulary.ts holds the closed lists as plain constants (no zod) for exactly this reason.
    const banned = g.files.filter(
      (f) =>
        /^src\/(domain\/schemas|data|server)\/|^src\/i18n\/(i18n|locales|index|island-strings)\.ts$/.test(f) &&
        f !== 'src/domain/schemas/vocabulary.ts',
    );
    expect(banned).toEqual([]);
  });

  it('the engine and the estimator domain never import Astro, Preact or Node', () => {
    const domain = g.files.filter((f) => f.startsWith('src/domain/'));
    expect(domain.length).toBeGreaterThan(10);
    for (const f of domain) for (const spec of runtimeImports(f)) expect(spec, f).not.toMatch(/^(astro|preact|node:)/);
  });
});

function flatten(o: Strings, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v as Strings, `${prefix}${k}.`),
  );
}

describe('estimator strings', () => {
  const lv = new Map(flatten(resourcesFor('lv').estimator as Strings));
  const ru = new Map(flatten(resourcesFor('ru').estimator as Strings));
  const base = (k: string) => k.replace(/_(zero|one|few|many|other)$/, '');
  const placeholders = (s: string) =>
    [...s.matchAll(/\{\{(\w+)\}\}/g)]
      .map((m) => m[1])
      .sort()
      .join(',');

  it('same keys in both languages, plural forms as each language needs', () => {
    expect([...new Set([...lv.keys()].map(base))].sort()).toEqual([...new Set([...ru.keys()].map(base))].sort());
    for (const k of new Set([...lv.keys()].filter((x) => x !== base(x)).map(base))) {
      expect([...lv.keys()].filter((x) => base(x) === k && x !== k).sort(), k).toEqual([
        `${k}_one`,
        `${k}_other`,
        `${k}_zero`,
      ]);
      expect([...ru.keys()].filter((x) => base(x) === k && x !== k).sort(), k).toEqual([
        `${k}_few`,
        `${k}_many`,
        `${k}_one`,
        `${k}_other`,
      ]);
    }
  });

  it('same placeholders in both languages; no HTML; nothing empty', () => {
    const byBase = (m: Map<string, string>) => {
      const out = new Map<string, string>();
      for (const [k, v] of m) out.set(base(k), placeholders(v));
      return out;
    };
    const l = byBase(lv);
    const r = byBase(ru);
    for (const [k, p] of l) expect(r.get(k), k).toBe(p);
    for (const v of [...lv.values(), ...ru.values()]) {
      expect(v.trim()).not.toBe('');
      expect(v).not.toMatch(/<[a-z]/i);
    }
  });
});

/**
 * Every UI string exists in Latvian and Russian with the same keys, the right plural forms for
 * each language (lv zero/one/other, ru one/few/many/other), the same {{placeholders}}, and no HTML
 * (strings are text; markup belongs to the components). Failures name the file and the key.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../locales');
const LANGS = ['lv', 'ru'] as const;
const PLURALS: Record<(typeof LANGS)[number], string[]> = {
  lv: ['zero', 'one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};
const ALL_SUFFIXES = /_(zero|one|two|few|many|other)$/;

function flatten(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj))
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, obj);
  return out;
}

const namespaces = (lang: string) =>
  readdirSync(join(ROOT, lang))
    .filter((f) => f.endsWith('.json'))
    .sort();
const load = (lang: string, file: string) => flatten(JSON.parse(readFileSync(join(ROOT, lang, file), 'utf8')));
const base = (key: string) => key.replace(ALL_SUFFIXES, '');
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.-]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('both languages have the same namespaces', () => {
    expect(namespaces('ru')).toEqual(namespaces('lv'));
  });

  for (const file of namespaces('lv')) {
    describe(file, () => {
      const maps = { lv: load('lv', file), ru: load('ru', file) };

      it('has the same keys in lv and ru (plural suffixes aside)', () => {
        const keys = { lv: new Set([...maps.lv.keys()].map(base)), ru: new Set([...maps.ru.keys()].map(base)) };
        const missingInRu = [...keys.lv].filter((k) => !keys.ru.has(k));
        const missingInLv = [...keys.ru].filter((k) => !keys.lv.has(k));
        expect({ missingInRu, missingInLv }).toEqual({ missingInRu: [], missingInLv: [] });
      });

      it('every value is a non-empty string without HTML', () => {
        const bad: string[] = [];
        for (const lang of LANGS)
          for (const [k, v] of maps[lang]) {
            if (typeof v !== 'string' || v.trim() === '') bad.push(`${lang}/${file} ${k}: not a non-empty string`);
            else if (/<\/?[a-z][^>]*>|&[a-z]+;/i.test(v)) bad.push(`${lang}/${file} ${k}: contains HTML`);
          }
        expect(bad).toEqual([]);
      });

      it('plural keys have exactly the forms of each language', () => {
        const problems: string[] = [];
        for (const lang of LANGS) {
          const pluralBases = new Set([...maps[lang].keys()].filter((k) => ALL_SUFFIXES.test(k)).map(base));
          for (const b of pluralBases) {
            const forms = [...maps[lang].keys()]
              .filter((k) => base(k) === b && ALL_SUFFIXES.test(k))
              .map((k) => k.match(ALL_SUFFIXES)![1]!)
              .sort();
            const want = [...PLURALS[lang]].sort();
            if (forms.join() !== want.join())
              problems.push(`${lang}/${file} ${b}: has _${forms.join(', _')}; needs _${want.join(', _')}`);
            if (maps[lang].has(b)) problems.push(`${lang}/${file} ${b}: both a plain and a plural key`);
          }
        }
        // A key that is plural in one language must be plural in the other.
        const pl = (lang: 'lv' | 'ru') => new Set([...maps[lang].keys()].filter((k) => ALL_SUFFIXES.test(k)).map(base));
        for (const b of pl('lv')) if (!pl('ru').has(b)) problems.push(`ru/${file} ${b}: plural in lv but not in ru`);
        for (const b of pl('ru')) if (!pl('lv').has(b)) problems.push(`lv/${file} ${b}: plural in ru but not in lv`);
        expect(problems).toEqual([]);
      });

      it('lv and ru use the same {{placeholders}}', () => {
        const byBase = (lang: 'lv' | 'ru') => {
          const m = new Map<string, Set<string>>();
          for (const [k, v] of maps[lang])
            if (typeof v === 'string') {
              const s = m.get(base(k)) ?? new Set<string>();
              placeholders(v).forEach((p) => s.add(p!));
              m.set(base(k), s);
            }
          return m;
        };
        const lv = byBase('lv');
        const ru = byBase('ru');
        const diff: string[] = [];
        for (const [k, s] of lv) {
          const r = ru.get(k);
          if (r && [...s].sort().join() !== [...r].sort().join())
            diff.push(`${file} ${k}: lv {{${[...s].join('}}, {{')}}} ≠ ru {{${[...r].join('}}, {{')}}}`);
        }
        expect(diff).toEqual([]);
      });

      it('each plural form uses {{count}}', () => {
        const bad: string[] = [];
        for (const lang of LANGS)
          for (const [k, v] of maps[lang])
            if (ALL_SUFFIXES.test(k) && typeof v === 'string' && !v.includes('{{count}}'))
              bad.push(`${lang}/${file} ${k}`);
        expect(bad).toEqual([]);
      });
    });
  }
});

describe('optional prose files (src/content/items)', () => {
  it('exist in both languages for the same ids', () => {
    const dir = join(import.meta.dirname, '../../src/content/items');
    const list = (lang: string) => {
      try {
        return readdirSync(join(dir, lang))
          .filter((f) => f.endsWith('.md'))
          .sort();
      } catch {
        return [];
      }
    };
    expect(list('ru')).toEqual(list('lv'));
  });
});

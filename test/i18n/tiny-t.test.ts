/**
 * The islands' tiny translator gives exactly what i18next gives, for every key of the namespaces
 * islands ship (estimator, rules, forms) in both languages: plurals (lv zero/one/other,
 * ru one/few/many/other), interpolation and nesting ($t(rules:situation.{{situation}})).
 */
import { describe, expect, it } from 'vitest';
import { i18nFor, resourcesFor } from '#src/i18n/i18n.ts';
import { createTinyT, type Strings } from '#src/i18n/tiny-t.ts';
import { LOCALES } from '#src/i18n/locales.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const COUNTS = [0, 1, 2, 3, 5, 10, 11, 12, 21, 22, 25, 101, 111];

function flatten(o: Strings, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v as Strings, `${prefix}${k}.`),
  );
}

/** Parameter sets for a key: every id of a nested dictionary, numbers and words otherwise. */
function paramSets(texts: string[], ns: Record<string, Strings>): Record<string, unknown>[] {
  const names = new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!)));
  const base: Record<string, unknown> = {};
  for (const n of names)
    base[n] = n === 'count' ? 1 : /Cents|amount|date/i.test(n) ? '12,50 €' : n === 'type' ? 'salary' : 3;
  const sets: Record<string, unknown>[] = [base];
  for (const t of texts) {
    for (const m of t.matchAll(/\$t\((\w+):([\w.]+)\.\{\{(\w+)\}\}\)/g)) {
      const dict = m[2]!.split('.').reduce<unknown>((o, k) => (o as Strings)?.[k], ns[m[1]!]) as Strings;
      for (const id of Object.keys(dict)) sets.push({ ...base, [m[3]!]: id });
    }
  }
  if (names.has('count')) for (const count of COUNTS) sets.push({ ...base, count });
  return sets;
}

describe.each(LOCALES)('tiny translator matches i18next (%s)', (locale) => {
  const res = resourcesFor(locale) as Record<string, Strings>;
  const tiny = createTinyT(locale, res, 'common');
  const i18n = i18nFor(locale).t;

  it.each(['estimator', 'rules', 'forms'])('every key of %s', (ns) => {
    const byKey = new Map<string, string[]>();
    for (const [key, text] of flatten(res[ns]!)) {
      const base = key.replace(PLURAL, '');
      byKey.set(base, [...(byKey.get(base) ?? []), text]);
    }
    let checked = 0;
    for (const [key, texts] of byKey) {
      for (const params of paramSets(texts, res)) {
        const full = `${ns}:${key}`;
        expect(tiny(full, params), `${full} ${JSON.stringify(params)}`).toBe(i18n(full, params as never));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(byKey.size);
  });

  it('picks the right plural forms', () => {
    const t = createTinyT(locale, { estimator: res.estimator! }, 'estimator');
    const forms = [1, 2, 5, 10, 21].map((count) => t('check.person', { person: 2, count }));
    expect(forms).toEqual(
      locale === 'lv'
        ? [
            '2. persona: 1 gads',
            '2. persona: 2 gadi',
            '2. persona: 5 gadi',
            '2. persona: 10 gadu',
            '2. persona: 21 gads',
          ]
        : ['Человек 2: 1 год', 'Человек 2: 2 года', 'Человек 2: 5 лет', 'Человек 2: 10 лет', 'Человек 2: 21 год'],
    );
  });
});

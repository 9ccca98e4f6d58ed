/**
 * Every reason the engine can give has its text in Latvian and Russian with the same
 * placeholders as its declared params (reasons.ts), renders without a leftover placeholder or
 * key, and the params the engine actually emits are the declared ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatReasonParams, REASON_PARAMS, type Estimate, type Reason } from '#src/domain/engine/index.ts';
import { HOUSEHOLD_SITUATIONS, LIFE_SITUATIONS, ASSESSMENTS } from '#src/domain/schemas/index.ts';
import { formatMoney } from '#src/i18n/format.ts';
import { adult, child, pensioner, run } from './fixtures.ts';

const root = join(import.meta.dirname, '../../..');
const load = (lang: string) =>
  JSON.parse(readFileSync(join(root, `locales/${lang}/rules.json`), 'utf8')) as Record<string, unknown>;
const flat = (o: unknown, p = ''): Record<string, string> =>
  o && typeof o === 'object'
    ? Object.assign({}, ...Object.entries(o).map(([k, v]) => flat(v, p ? `${p}.${k}` : k)))
    : { [p]: String(o) };
const files = { lv: flat(load('lv')), ru: flat(load('ru')) };
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))].sort();

const sample = (name: string): string | number =>
  name === 'situation'
    ? 'crisis'
    : name === 'about'
      ? 'declared-residence'
      : name === 'what'
        ? 'thresholds'
        : name.endsWith('Date')
          ? '2026-04-30'
          : name.endsWith('Cents')
            ? 12345
            : name === 'groups' || name === 'ages'
              ? 'I, II'
              : 2;

describe('reason texts (rules namespace)', () => {
  for (const lang of ['lv', 'ru'] as const) {
    it(`${lang}: every reason key has a text with exactly its declared placeholders`, () => {
      const problems: string[] = [];
      for (const [key, params] of Object.entries(REASON_PARAMS)) {
        const text = files[lang][key];
        if (!text) problems.push(`${key}: missing`);
        else if (placeholders(text).join() !== [...params].sort().join())
          problems.push(`${key}: has {{${placeholders(text).join(', ')}}}, declared ${params.join(', ')}`);
      }
      expect(problems).toEqual([]);
    });

    it(`${lang}: every reason renders through i18next without leftovers`, async () => {
      const i18n = i18next.createInstance();
      await i18n.init({
        lng: lang,
        resources: { [lang]: { rules: load(lang) } },
        defaultNS: 'rules',
        interpolation: { escapeValue: false },
      });
      const bad: string[] = [];
      for (const [key, names] of Object.entries(REASON_PARAMS)) {
        const params = Object.fromEntries(names.map((n) => [n, sample(n)]));
        const out = i18n.t(
          `rules:${key}`,
          formatReasonParams(params, (c) => formatMoney(c, lang)),
        );
        if (/\{\{|\$t\(|rules:|^[a-z]+\.[a-zA-Z.-]+$/.test(out)) bad.push(`${key}: ${out}`);
      }
      expect(bad).toEqual([]);
    });

    it(`${lang}: labels exist for every situation, life situation and assessment`, () => {
      const missing = [
        ...HOUSEHOLD_SITUATIONS.map((s) => `situation.${s}`),
        ...LIFE_SITUATIONS.map((s) => `lifeSituation.${s}`),
        ...ASSESSMENTS.map((s) => `assessment.${s}`),
      ].filter((k) => !files[lang][k]);
      expect(missing).toEqual([]);
    });
  }

  it('the Latvian status sentence reads as the brief asks', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'lv', resources: { lv: { rules: load('lv') } }, interpolation: { escapeValue: false } });
    // Intl writes a no-break space before € and between thousands; compare with plain spaces.
    const text = (r: Reason) =>
      i18n
        .t(
          `rules:${r.key}`,
          formatReasonParams(r.params, (c) => formatMoney(c, 'lv')),
        )
        .replace(/\s/g, ' ');
    const e = run({ date: '2026-03-01', members: [adult(612), adult()] });
    expect(text(e.statusReasons[0]!)).toBe(
      'Mājsaimniecības ienākumi 612,00 € nepārsniedz trūcīgas mājsaimniecības slieksni 723,00 €.',
    );
    expect(text(e.thresholds.reasons[1]!)).toBe(
      'Trūcīgas mājsaimniecības ienākumu slieksnis: 425,00 € pirmajai personai + 1 × 298,00 € pārējām personām = 723,00 €.',
    );
  });

  it('formatReasonParams formats money, dates and numbers and leaves ids alone', () => {
    const out = formatReasonParams(
      { amountCents: 26750, toDate: '2026-04-30', coefficient: 2.5, situation: 'crisis' },
      (c) => `${c / 100} €`,
      (d) => `[${d}]`,
      (n) => `#${n}`,
    );
    expect(out).toEqual({ amountCents: '267.5 €', toDate: '[2026-04-30]', coefficient: '#2.5', situation: 'crisis' });
  });

  it('the params the engine emits are exactly the declared ones', () => {
    const estimates: Estimate[] = [
      run({ date: '2026-03-01', members: [pensioner(500)], costs: 300, situations: ['crisis', 'district-heating'] }),
      run({
        date: '2026-03-01',
        members: [adult(100), child(0), child(8)],
        costs: 900,
        situations: ['new-baby'],
        savings: null,
      }),
      run({
        date: '2027-02-01',
        members: [adult(2200), adult(), child(3), child(5), child(16, { incomes: [{ type: 'salary', monthly: 50 }] })],
        costs: 1100,
        vehicles: 3,
      }),
      run({
        date: '2026-03-01',
        municipality: 'fixture-none',
        members: [adult(500, { incomes: undefined })],
        costs: null,
        situations: null,
      }),
    ];
    const all: Reason[] = estimates.flatMap((e) => [
      ...e.notes,
      ...e.thresholds.reasons,
      ...e.income.reasons,
      ...e.statusReasons,
      ...e.assets.checks.map((c) => c.reason),
      ...e.gmi.reasons,
      ...e.housing.reasons,
      ...e.crisis.reasons,
      ...e.benefits.flatMap((b) => b.reasons),
      ...e.services.flatMap((s) => s.reasons),
    ]);
    expect(all.length).toBeGreaterThan(50);
    const wrong = all
      .filter((r) => Object.keys(r.params).sort().join() !== [...REASON_PARAMS[r.key]].sort().join())
      .map((r) => `${r.key}: ${Object.keys(r.params).join(', ')}`);
    expect(wrong).toEqual([]);
  });
});

/**
 * "When the law changes": the 1 January 2027 drill. Next year's thresholds are one entry in
 * src/data/national/parameters.yaml; with it (here in a copy, in memory) the engine, the
 * estimator and the catalogue data the pages and the PDF read all use it from 1.1.2027, with no
 * code change. Without it, 2027 dates compute with the 2026 values and say so in one sentence.
 * The 2027 figures below are invented for the drill only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedItemsFor } from '#src/data/build-catalogue.ts';
import { buildParameters } from '#src/data/build-parameters.ts';
import { loadCatalogueFromDisk } from '#src/data/load-from-disk.ts';
import { amountsOn } from '#src/domain/engine/amounts.ts';
import { evaluate, parseHousehold, type Estimate } from '#src/domain/engine/index.ts';
import type { NationalParameters } from '#src/domain/schemas/index.ts';
import { euros } from '#src/data/with-parameters.ts';

const root = join(import.meta.dirname, '../..');
const path = 'src/data/national/parameters.yaml';
const real = readFileSync(join(root, path), 'utf8');

/** The one data entry an administrator adds on 1 January 2027 (README "When the law changes"). */
const ENTRY_2027 = `  - from: "2027-01-01"
    to: "2027-12-31"
    gmi: { firstCents: 20000, othersCents: 14000 }
    needy: { firstCents: 45000, othersCents: 31500 }
    lowIncomeMax: { firstCents: 72000, othersCents: 50400 }
    status: verified
    sources: [S10]
    note: Drill figures, not the law.
`;
/** The thresholds list with the 2027 entry appended after the 2026 one. */
const withEntry = real.replace(
  /(note: 22 % \/ 50 % \/ 80 % of the median 850\.02 €; thresholds are reviewed every 1 January\.\n)/,
  `$1${ENTRY_2027}`,
);

const sources = loadCatalogueFromDisk(root).sources;
const today = buildParameters({ path, text: real }, sources);
const drill = buildParameters({ path, text: withEntry }, sources);

function estimate(p: NationalParameters, date: string, household: object): Estimate {
  const catalogue = loadCatalogueFromDisk(root, p);
  const municipality = catalogue.municipalities.find((m) => m.id === 'daugavpils')!;
  const parsed = parseHousehold({
    date,
    municipality: 'daugavpils',
    assets: { savings: 0, otherRealEstate: false, vehicles: 0 },
    situations: [],
    ...household,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return evaluate(parsed.value, { municipality, items: publishedItemsFor(catalogue, municipality), parameters: p });
}
const single = { members: [{ age: 40, disability: null, incomes: [] }] };
const gmiOf = (e: Estimate) => e.benefits.find((b) => b.id === 'gmi')!.amount?.cents;

describe('1 January 2027 drill: one data entry, everything follows', () => {
  it('the drill adds exactly one entry (the rest of the file is unchanged)', () => {
    expect(withEntry).not.toBe(real);
    expect(withEntry.replace(ENTRY_2027, '')).toBe(real);
    expect(drill.thresholds.at(-1)!.from).toBe('2027-01-01');
  });

  it('engine: from 1.1.2027 a single adult without income gets the 2027 GMI 200 €, computed with known figures', () => {
    const e = estimate(drill, '2027-01-01', single);
    expect(e.thresholds.needy.firstCents).toBe(45000);
    expect(gmiOf(e)).toBe(20000);
    expect(e.basis).toMatchObject({ latestKnownFrom: '2027-01-01', beyondKnownPeriod: false, reason: null });
  });

  it('engine: on 31.12.2026 the same household still gets 187 € (history is unchanged)', () => {
    expect(gmiOf(estimate(drill, '2026-12-31', single))).toBe(18700);
  });

  it('engine: a 2027 household at 450 € is needy with the new entry, and was not with the 2026 values', () => {
    const h = { members: [{ age: 40, disability: null, incomes: [{ type: 'salary', monthly: 450 }] }] };
    expect(estimate(drill, '2027-03-01', h).status).toBe('needy');
    expect(estimate(today, '2027-03-01', h).status).not.toBe('needy');
  });

  it('without the entry, 2027 dates use the 2026 values and say so in one sentence', () => {
    const e = estimate(today, '2027-03-01', single);
    expect(gmiOf(e)).toBe(18700);
    expect(e.provisional).toBe(true);
    expect(e.basis).toEqual({
      latestKnownFrom: '2026-01-01',
      latestKnownTo: '2026-12-31',
      beyondKnownPeriod: true,
      reason: { key: 'basis.beyondKnown', params: { year: '2027', knownYear: '2026' } },
    });
    const lv = JSON.parse(readFileSync(join(root, 'locales/lv/rules.json'), 'utf8')).basis.beyondKnown as string;
    expect(lv.replace('{{year}}', '2027').replace('{{knownYear}}', '2026')).toBe(
      '2027. gada summas vēl nav publicētas; aprēķinā izmantotas 2026. gada summas.',
    );
  });

  it('catalogue (pages and PDF): the status and GMI items get a 2027 amount made from the entry', () => {
    const catalogue = loadCatalogueFromDisk(root, drill);
    const item = (id: string) => catalogue.national.find((i) => i.id === id)!;
    const on2027 = (id: string) => amountsOn(item(id).amounts, '2027-03-01').entry!;
    expect(on2027('needy-status')).toMatchObject({ year: 2027, from: '2027-01-01', certainty: 'verified' });
    expect(on2027('needy-status').text.lv).toBe(
      'Ienākumi mēnesī ne vairāk kā 450 € pirmajai vai vienīgajai personai un 315 € katrai nākamajai personai.',
    );
    expect(on2027('needy-status').text.ru).toContain('450 €');
    expect(on2027('gmi').text.lv).toContain('200 € pirmajai vai vienīgajai personai + 140 €');
    expect(on2027('gmi').rule).toEqual({ type: 'formula', formula: 'gmi' });
    expect(on2027('low-income-status').text.lv).toContain('720 €');
    expect(on2027('housing-benefit').text.lv).toBe(
      '(200 € + 140 € × pārējo personu skaits) × koeficients + mājokļa izdevumi − ienākumi.',
    );
    // The 2026 amount is untouched.
    expect(amountsOn(item('needy-status').amounts, '2026-03-01').entry!.text.lv).toContain('425 €');
  });

  it('catalogue: without the entry there is no 2027 amount (the page shows 2026 as the latest)', () => {
    const catalogue = loadCatalogueFromDisk(root);
    const needy = catalogue.national.find((i) => i.id === 'needy-status')!;
    expect(needy.amounts.map((a) => a.year)).not.toContain(2027);
  });
});

describe('the hand-written threshold amounts agree with the parameters', () => {
  const catalogue = loadCatalogueFromDisk(root);
  for (const spec of today.thresholdAmounts) {
    const item = catalogue.national.find((i) => i.id === spec.item)!;
    for (const t of today.thresholds) {
      const a = item.amounts.find((x) => x.from === t.from);
      if (!a) continue;
      const first = `${euros(t[spec.threshold].firstCents)} €`;
      const others = `${euros(t[spec.threshold].othersCents)} €`;
      it(`${spec.item} from ${t.from}: the text names ${first} and ${others}`, () => {
        for (const text of [a.text.lv, a.text.ru]) {
          expect(text).toContain(first);
          expect(text).toContain(others);
        }
      });
    }
  }
});

describe('thresholdBasis: the same fact for pages without a household', () => {
  it('2026 dates are within the published period; 2027 dates are beyond it (until the entry is added)', async () => {
    const { thresholdBasis } = await import('#src/domain/engine/index.ts');
    expect(thresholdBasis(today, '2026-06-01')).toMatchObject({
      latestKnownFrom: '2026-01-01',
      beyondKnownPeriod: false,
      reason: null,
    });
    expect(thresholdBasis(today, '2027-06-01')).toMatchObject({
      latestKnownFrom: '2026-01-01',
      beyondKnownPeriod: true,
      reason: { key: 'basis.beyondKnown', params: { year: '2027', knownYear: '2026' } },
    });
    expect(thresholdBasis(drill, '2027-06-01')).toMatchObject({
      latestKnownFrom: '2027-01-01',
      beyondKnownPeriod: false,
    });
  });
});

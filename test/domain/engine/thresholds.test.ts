/**
 * Thresholds as a social worker checks them: each threshold at, 1 cent below and 1 cent above,
 * for every period of the law, and household sums for 1–8 persons (SPSPL Art. 33; MK 809).
 */
import { describe, expect, it } from 'vitest';
import { adult, cents, child, pensioner, run, type CaseHousehold } from './fixtures.ts';

interface Row {
  says: string;
  household: CaseHousehold;
  status: string;
  gmi?: number | null;
}

// Single adult, salary as the only income, in each period: needy threshold of the first person.
const periods = [
  { period: '2021–6/2023', date: '2022-05-01', needy: 272 },
  { period: '7–12/2023', date: '2023-09-01', needy: 313 },
  { period: '2024', date: '2024-06-01', needy: 343 },
  { period: '2025', date: '2025-06-01', needy: 377 },
  { period: '2026', date: '2026-03-01', needy: 425 },
];

// A municipality at 80 % of the median: one person above the needy threshold is low-income.
const needyRows: Row[] = periods.flatMap(({ period, date, needy }) => [
  {
    says: `${period}: single adult earning exactly the needy threshold ${needy} € is needy`,
    household: { date, members: [adult(needy)] },
    status: 'needy',
  },
  {
    says: `${period}: single adult earning 1 cent less than ${needy} € is needy`,
    household: { date, members: [adult(needy - 0.01)] },
    status: 'needy',
  },
  {
    says: `${period}: single adult earning 1 cent more than ${needy} € is not needy`,
    household: { date, members: [adult(needy + 0.01)] },
    status: period === '2021–6/2023' ? 'unknown' : 'low-income',
  },
]);

const lowIncomeRows: Row[] = [
  {
    says: '2026: single pensioner with 680 € pension (the Daugavpils-type threshold 680 €) is low-income',
    household: { date: '2026-03-01', members: [pensioner(680)] },
    status: 'low-income',
  },
  {
    says: '2026: single pensioner with 679,99 € is low-income',
    household: { date: '2026-03-01', members: [pensioner(679.99)] },
    status: 'low-income',
  },
  {
    says: '2026: single pensioner with 680,01 € has no status',
    household: { date: '2026-03-01', members: [pensioner(680.01)] },
    status: 'none',
  },
  {
    says: '2024: couple earning 549 + 384 = 933 € together is low-income',
    household: { date: '2024-06-01', members: [adult(500), adult(433)] },
    status: 'low-income',
  },
  {
    says: '2024: couple earning 933,01 € together has no status',
    household: { date: '2024-06-01', members: [adult(500), adult(433.01)] },
    status: 'none',
  },
  {
    says: '2025: family of 3 at 604 + 2 × 423 = 1 450 € is low-income',
    household: { date: '2025-06-01', members: [adult(1450), adult(), child(5)] },
    status: 'low-income',
  },
  {
    says: '2025: family of 3 at 1 450,01 € has no status',
    household: { date: '2025-06-01', members: [adult(1450.01), adult(), child(5)] },
    status: 'none',
  },
  // Municipality without a known threshold: the national ceiling (80 %) still decides "above".
  {
    says: 'No municipal threshold: 500 € single is possibly low-income (unknown)',
    household: { date: '2026-03-01', municipality: 'fixture-none', members: [adult(500)] },
    status: 'unknown',
  },
  {
    says: 'No municipal threshold: exactly the 680 € ceiling is still unknown',
    household: { date: '2026-03-01', municipality: 'fixture-none', members: [adult(680)] },
    status: 'unknown',
  },
  {
    says: 'No municipal threshold: 680,01 € is above any possible threshold',
    household: { date: '2026-03-01', municipality: 'fixture-none', members: [adult(680.01)] },
    status: 'none',
  },
  {
    says: 'No municipal threshold: needy status does not need it (425 €)',
    household: { date: '2026-03-01', municipality: 'fixture-none', members: [adult(425)] },
    status: 'needy',
  },
];

const gmiRows: Row[] = [
  {
    says: '2026: single adult with no income gets the full GMI 187 €',
    household: { date: '2026-03-01', members: [adult(0)] },
    status: 'needy',
    gmi: 187,
  },
  {
    says: '2026: single adult earning 186,99 € gets 0,01 € GMI',
    household: { date: '2026-03-01', members: [adult(186.99)] },
    status: 'needy',
    gmi: 0.01,
  },
  {
    says: '2026: single adult earning exactly 187 € gets no GMI',
    household: { date: '2026-03-01', members: [adult(187)] },
    status: 'needy',
    gmi: 0,
  },
  {
    says: '2026: single adult earning 187,01 € gets no GMI (never below 0)',
    household: { date: '2026-03-01', members: [adult(187.01)] },
    status: 'needy',
    gmi: 0,
  },
  {
    says: '2026: two adults and two children with 450 € get 580 − 450 = 130 € (reference example)',
    household: { date: '2026-03-01', members: [adult(450), adult(), child(4), child(9)] },
    status: 'needy',
    gmi: 130,
  },
  {
    says: '7–12/2023: the unrounded 87,50 € for others: couple with no income gets 212,50 €',
    household: { date: '2023-09-01', members: [adult(), adult()] },
    status: 'needy',
    gmi: 212.5,
  },
  {
    says: '2024: single adult with 37 € income gets 137 − 37 = 100 €',
    household: { date: '2024-06-01', members: [adult(37)] },
    status: 'needy',
    gmi: 100,
  },
  {
    says: '2025: single adult with 66 € income gets 166 − 66 = 100 €',
    household: { date: '2025-06-01', members: [adult(66)] },
    status: 'needy',
    gmi: 100,
  },
  {
    says: '2026: low-income household gets no GMI',
    household: { date: '2026-03-01', members: [pensioner(500)] },
    status: 'low-income',
    gmi: 0,
  },
];

function check(r: Row) {
  const e = run(r.household);
  expect(e.status).toBe(r.status);
  if (r.gmi !== undefined) expect(e.gmi.amountCents).toBe(r.gmi === null ? null : cents(r.gmi));
}

describe('needy threshold in every period: at, 1 cent below, 1 cent above', () => {
  for (const r of needyRows) it(r.says, () => check(r));
});
describe('municipal low-income threshold and the national ceiling', () => {
  for (const r of lowIncomeRows) it(r.says, () => check(r));
});
describe('GMI benefit = GMI sum − counted income, never below 0 (MK 809)', () => {
  for (const r of gmiRows) it(r.says, () => check(r));
});

// Households of 1–8 persons in 2026: GMI 187 + 131 × others; needy 425 + 298 × others.
const sizes = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ n, gmi: 187 + 131 * (n - 1), needy: 425 + 298 * (n - 1) }));
const family = (n: number, income: number) => [
  adult(income),
  ...Array.from({ length: n - 1 }, (_, i) => (i === 0 ? adult() : child(2 + i))),
];

describe('households of 1–8 persons (2026)', () => {
  for (const { n, gmi, needy } of sizes) {
    it(`${n} person(s), no income: GMI sum ${gmi} € paid in full, needy threshold ${needy} €`, () => {
      const e = run({ date: '2026-03-01', members: family(n, 0) });
      expect(e.thresholds.gmi.totalCents).toBe(cents(gmi));
      expect(e.thresholds.needy.totalCents).toBe(cents(needy));
      expect(e.gmi.amountCents).toBe(cents(gmi));
      expect(e.status).toBe('needy');
    });
    it(`${n} person(s): income exactly ${needy} € is needy, ${needy},01 € is not`, () => {
      expect(run({ date: '2026-03-01', members: family(n, needy) }).status).toBe('needy');
      expect(run({ date: '2026-03-01', members: family(n, needy + 0.01) }).status).toBe('low-income');
    });
  }
});

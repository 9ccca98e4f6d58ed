/**
 * Each date change of the law, the day before and the day of: thresholds every 1 January,
 * 1.7.2023 (median method), the housing coefficients (1.1.2025 assumed, 1.1.2026 temporary,
 * 1.5.2026 back), households with children from 28.02.2026, and dates past the last verified year.
 */
import { describe, expect, it } from 'vitest';
import { adult, cents, child, expectationsOf, pensioner, run, type CaseHousehold } from './fixtures.ts';

interface Row {
  says: string;
  household: CaseHousehold;
  expect: {
    status?: string;
    housing?: number | null;
    k?: number | null;
    housingVerdict?: string;
    provisional?: boolean;
    housingProvisional?: boolean;
    needy?: number;
  };
}

const single = (date: string, salary: number): CaseHousehold => ({ date, members: [adult(salary)] });
// The worked example the press published with the 2026 coefficients [S34][S37]: single pensioner,
// 500 € pension, 300 € housing costs (192 € with K 2.1, 267 € with K 2.5).
const workedExample = (date: string): CaseHousehold => ({ date, members: [pensioner(500)], costs: 300 });
// Two working parents and two children, 1 500 € income, 400 € costs: above needy, below low-income.
const family = (date: string, income = 1500, costs = 400): CaseHousehold => ({
  date,
  members: [adult(income), adult(), child(6), child(10)],
  costs,
});

const rows: Row[] = [
  {
    says: '30.6.2023: needy threshold still 272 € (300 € is not needy)',
    household: single('2023-06-30', 300),
    expect: { needy: 272, status: 'unknown' },
  },
  {
    says: '1.7.2023: needy threshold 313 € (300 € is needy)',
    household: single('2023-07-01', 300),
    expect: { needy: 313, status: 'needy' },
  },
  {
    says: '31.12.2023: needy threshold 313 € (320 € is not needy)',
    household: single('2023-12-31', 320),
    expect: { needy: 313, status: 'low-income' },
  },
  {
    says: '1.1.2024: needy threshold 343 € (320 € is needy)',
    household: single('2024-01-01', 320),
    expect: { needy: 343, status: 'needy' },
  },
  {
    says: '31.12.2024: needy threshold 343 € (360 € is not needy)',
    household: single('2024-12-31', 360),
    expect: { needy: 343, status: 'low-income' },
  },
  {
    says: '1.1.2025: needy threshold 377 € (360 € is needy)',
    household: single('2025-01-01', 360),
    expect: { needy: 377, status: 'needy' },
  },
  {
    says: '31.12.2025: needy threshold 377 € (400 € is not needy)',
    household: single('2025-12-31', 400),
    expect: { needy: 377, status: 'low-income' },
  },
  {
    says: '1.1.2026: needy threshold 425 € (400 € is needy)',
    household: single('2026-01-01', 400),
    expect: { needy: 425, status: 'needy' },
  },
  // Housing coefficients for the worked example.
  {
    says: '31.12.2024: K 2.5 (from 1.6.2023; its end date is assumed → provisional): 137 × 2.5 + 300 − 500 = 142,50 → 142 €',
    household: workedExample('2024-12-31'),
    expect: { k: 2.5, housing: 142, housingProvisional: true },
  },
  {
    says: '1.1.2025: K 2.1 (start date not confirmed → provisional): 166 × 2.1 + 300 − 500 = 148,60 → 148 €',
    household: workedExample('2025-01-01'),
    expect: { k: 2.1, housing: 148, housingProvisional: true },
  },
  {
    says: '31.12.2025: K 2.1, provisional: 148 €',
    household: workedExample('2025-12-31'),
    expect: { k: 2.1, housing: 148, housingProvisional: true },
  },
  {
    says: '1.1.2026: temporary K 2.5: 187 × 2.5 + 300 − 500 = 267,50 → 267 € (reference; the rounding down is unconfirmed → provisional)',
    household: workedExample('2026-01-01'),
    expect: { k: 2.5, housing: 267, housingProvisional: true },
  },
  {
    says: '30.4.2026: last day of the temporary K 2.5: 267 €',
    household: workedExample('2026-04-30'),
    expect: { k: 2.5, housing: 267, housingProvisional: true },
  },
  {
    says: '1.3.2026: costs 300,50 €: 467,50 + 300,50 − 500 = 268 € exactly, no rounding needed and K verified → not provisional',
    household: { date: '2026-03-01', members: [pensioner(500)], costs: 300.5 },
    expect: { k: 2.5, housing: 268, housingProvisional: false },
  },
  {
    says: '1.5.2026: K back to 2.1 (presumed → provisional): 187 × 2.1 + 300 − 500 = 192,70 → 192 € (reference)',
    household: workedExample('2026-05-01'),
    expect: { k: 2.1, housing: 192, housingProvisional: true, provisional: true },
  },
  // Households with children (permanent change from 28.02.2026).
  {
    says: '27.2.2026: low-income family with children counts as "other" (K 1.7): 580 × 1.7 + 400 − 1 500 < 0 → 0 €',
    household: family('2026-02-27'),
    expect: { status: 'low-income', k: 1.7, housing: 0, housingVerdict: 'unlikely' },
  },
  {
    says: '28.2.2026: the same family counts with children (K 2, provisional): 1 160 + 400 − 1 500 = 60 €',
    household: family('2026-02-28'),
    expect: { status: 'low-income', k: 2, housing: 60, housingVerdict: 'likely', housingProvisional: true },
  },
  {
    says: '27.2.2026: family above the low-income threshold cannot claim housing benefit',
    household: family('2026-02-27', 2200, 1100),
    expect: { status: 'none', housing: 0, housingVerdict: 'unlikely' },
  },
  {
    says: '28.2.2026: the same family may claim (children rule): 1 160 + 1 100 − 2 200 = 60 €, possible',
    household: family('2026-02-28', 2200, 1100),
    expect: { status: 'none', housing: 60, housingVerdict: 'possible', housingProvisional: true },
  },
  {
    says: '1.5.2026: family with children after the temporary period: K 1.7 (provisional): 986 + 400 − 1 500 < 0 → 0 €',
    household: family('2026-05-01'),
    expect: { k: 1.7, housing: 0, housingProvisional: true },
  },
  // Past the last verified period: latest values, marked provisional.
  {
    says: '31.12.2026: last verified day, result not provisional for thresholds',
    household: single('2026-12-31', 400),
    expect: { needy: 425, status: 'needy' },
  },
  {
    says: '1.1.2027: thresholds not yet confirmed: 2026 values used and the result is provisional',
    household: single('2027-01-01', 400),
    expect: { needy: 425, status: 'needy', provisional: true },
  },
];

describe('date changes of the law', () => {
  for (const r of rows) {
    it(r.says, () => {
      const x = expectationsOf(r.says, r.expect);
      const e = run(r.household);
      if (x.needy !== undefined) expect(e.thresholds.needy.firstCents).toBe(cents(x.needy));
      if (x.status !== undefined) expect(e.status).toBe(x.status);
      if (x.k !== undefined) expect(e.housing.coefficient).toBe(x.k);
      if (x.housing !== undefined) expect(e.housing.amountCents).toBe(x.housing === null ? null : cents(x.housing));
      if (x.housingVerdict !== undefined) expect(e.housing.verdict).toBe(x.housingVerdict);
      if (x.housingProvisional !== undefined) expect(e.housing.provisional).toBe(x.housingProvisional);
      if (x.provisional !== undefined) expect(e.provisional).toBe(x.provisional);
    });
  }

  it('15.5.2023: no housing coefficient is stored for May 2023 → housing benefit unknown, and it says why', () => {
    const e = run({ date: '2023-05-15', members: [pensioner(400)], costs: 300 });
    expect(e.housing.verdict).toBe('unknown');
    expect(e.housing.amountCents).toBeNull();
    expect(e.housing.reasons.map((r) => r.key)).toContain('housing.noCoefficient');
  });

  it('1.10.2022: the flat energy-crisis coefficient 3 applies to a pensioner with 400 €: 109 × 3 + 300 − 400 = 227 € (possible: no municipal threshold in the fixture)', () => {
    expect(run({ date: '2022-10-01', members: [pensioner(400)], costs: 300 }).housing).toMatchObject({
      coefficient: 3,
      amountCents: 22700,
      verdict: 'possible',
    });
  });

  it('1.1.2027: the result says in one sentence that the 2026 amounts were used', () => {
    const e = run(single('2027-01-01', 400));
    expect(e.basis).toEqual({
      latestKnownFrom: '2026-01-01',
      latestKnownTo: '2026-12-31',
      beyondKnownPeriod: true,
      reason: { key: 'basis.beyondKnown', params: { year: '2027', knownYear: '2026' } },
    });
  });

  it('31.12.2026: within the known period, no such sentence', () => {
    expect(run(single('2026-12-31', 400)).basis).toEqual({
      latestKnownFrom: '2026-01-01',
      latestKnownTo: '2026-12-31',
      beyondKnownPeriod: false,
      reason: null,
    });
  });

  it('27.2.2026: the reason tells a family above the threshold when the children rule starts', () => {
    const e = run(family('2026-02-27', 2200, 1100));
    expect(e.housing.reasons).toContainEqual({ key: 'housing.children.notYet', params: { fromDate: '2026-02-28' } });
  });

  it('1.1–30.4.2026: the reason says the raised coefficients are temporary until 30.4.2026', () => {
    expect(run(workedExample('2026-03-01')).housing.reasons).toContainEqual({
      key: 'housing.temporaryUntil',
      params: { toDate: '2026-04-30' },
    });
  });
});

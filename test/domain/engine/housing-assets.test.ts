/**
 * Housing benefit (SPSPL Art. 35): (GMI sum × K) + costs − (income + GMI paid), never below 0 and
 * not capped at the costs,
 * K by household type; and the asset test (SPSPL Art. 36: savings cap, other property, vehicles).
 * All on 1.3.2026 (temporary K 2.5 / 2 / 2 / 1.7) unless the sentence says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, parseHousehold } from '#src/domain/engine/index.ts';
import type { NationalParameters } from '#src/domain/schemas/index.ts';
import {
  adult,
  cents,
  child,
  expectationsOf,
  fixtureItems,
  householdInput,
  parameters,
  pensioner,
  run,
  withThreshold,
  type CaseHousehold,
} from './fixtures.ts';

interface Row {
  says: string;
  household: Omit<CaseHousehold, 'date'> & { date?: string };
  expect: {
    status?: string;
    k?: number;
    type?: string;
    housing?: number | null;
    verdict?: string;
    gmi?: number | null;
    gmiVerdict?: string;
    assets?: string;
    reason?: string;
  };
}

const rows: Row[] = [
  {
    says: 'single pensioner, 500 € pension, 300 € costs: 187 × 2.5 + 300 − 500 = 267 € (reference example)',
    household: { members: [pensioner(500)], costs: 300 },
    expect: { status: 'low-income', k: 2.5, type: 'pensionerOrDisabledAlone', housing: 267, verdict: 'likely' },
  },
  {
    says: 'single adult (not pensioner), 400 € salary, 200 € costs: 187 × 1.7 + 200 − 400 = 117,90 → 117 €',
    household: { members: [adult(400)], costs: 200 },
    expect: { status: 'needy', k: 1.7, type: 'other', housing: 117, gmi: 0 },
  },
  {
    says: 'pensioner couple, 800 € together, 350 € costs: 318 × 2 + 350 − 800 = 186 €',
    household: { members: [pensioner(400), pensioner(400)], costs: 350 },
    expect: { status: 'low-income', k: 2, type: 'pensionerOrDisabledOnly', housing: 186 },
  },
  {
    says: 'grandmother (pensioner) with grandchild on 1.2.2026, 700 € pension, 300 € costs: 318 × 2 + 300 − 700 = 236 €',
    household: { date: '2026-02-01', members: [pensioner(700), child(10)], costs: 300 },
    expect: { status: 'needy', k: 2, type: 'pensionerOrDisabledWithChildren', housing: 236, gmi: 0 },
  },
  {
    says: 'adult with group II disability living alone, 500 € disability pension, 250 € costs: 187 × 2.5 + 250 − 500 = 217,50 → 217 €',
    household: {
      members: [adult(0, { disability: 'II', incomes: [{ type: 'disability-pension', monthly: 500 }] })],
      costs: 250,
    },
    expect: { status: 'low-income', k: 2.5, type: 'pensionerOrDisabledAlone', housing: 217 },
  },
  {
    says: 'pensioner and adult with group III disability, 800 €, 300 € costs: "only pensioners or disabled" K 2: 636 + 300 − 800 = 136 €',
    household: {
      members: [
        pensioner(500),
        adult(0, { disability: 'III', incomes: [{ type: 'disability-pension', monthly: 300 }] }),
      ],
      costs: 300,
    },
    expect: { k: 2, type: 'pensionerOrDisabledOnly', housing: 136 },
  },
  {
    says: 'working couple, 900 €, 350 € costs: 318 × 1.7 + 350 − 900 < 0 → no housing benefit',
    household: { members: [adult(900), adult()], costs: 350 },
    expect: { status: 'low-income', k: 1.7, housing: 0, verdict: 'unlikely' },
  },
  {
    says: 'needy single pensioner, 300 € pension, 200 € costs: 187 × 2.5 + 200 − 300 = 367,50 → 367 €, more than the costs (the formula has no cap at the costs)',
    household: { members: [pensioner(300)], costs: 200 },
    expect: { status: 'needy', housing: 367, verdict: 'likely' },
  },
  {
    says: 'needy single pensioner, 300 € pension, 100 € costs: 187 × 2.5 + 100 − 300 = 267,50 → 267 €, although the costs are only 100 €',
    household: { members: [pensioner(300)], costs: 100 },
    expect: { status: 'needy', housing: 267, verdict: 'likely' },
  },
  {
    says: 'needy pensioner couple, 500 € together, 150 € costs: (187 + 131) × 2 + 150 − 500 = 286 €, almost twice the costs',
    household: { members: [pensioner(250), pensioner(250)], costs: 150 },
    expect: { status: 'needy', k: 2, housing: 286, gmi: 0 },
  },
  {
    says: 'no housing costs: 187 × 2.5 + 0 − 500 < 0 → 0 €',
    household: { members: [pensioner(500)], costs: 0 },
    expect: { housing: 0, verdict: 'unlikely' },
  },
  {
    says: 'needy adult with 100 € income and 1 000 € costs: GMI 187 − 100 = 87 € counts as income: 187 × 1.7 + 1 000 − (100 + 87) = 1 130,90 → 1 130 €',
    household: { members: [adult(100)], costs: 1000 },
    expect: { status: 'needy', gmi: 87, housing: 1130, reason: 'housing.incomeIncludesGmi' },
  },
  {
    says: 'needy adult with no income and 50 € costs: GMI 187 €; 187 × 1.7 + 50 − 187 = 180,90 → 180 €, more than the costs',
    household: { members: [adult(0)], costs: 50 },
    expect: { status: 'needy', gmi: 187, housing: 180 },
  },
  {
    says: 'housing costs not answered: housing benefit unknown',
    household: { members: [pensioner(500)], costs: null },
    expect: { housing: null, verdict: 'unknown', reason: 'housing.costsUnknown' },
  },
  {
    says: 'household above the low-income threshold without children: no housing benefit',
    household: { members: [pensioner(700)], costs: 600 },
    expect: { status: 'none', housing: 0, verdict: 'unlikely' },
  },
  {
    says: 'municipality without a known low-income threshold: possible, with the amount',
    household: { municipality: 'fixture-none', members: [pensioner(500)], costs: 300 },
    expect: { status: 'unknown', housing: 267, verdict: 'possible' },
  },
  // Asset test
  {
    says: 'savings exactly 272 € pass the asset test',
    household: { members: [adult(100)], savings: 272 },
    expect: { assets: 'pass', status: 'needy', gmi: 87, gmiVerdict: 'likely' },
  },
  {
    says: 'savings 272,01 € fail: no needy status, no GMI',
    household: { members: [adult(100)], savings: 272.01 },
    expect: { assets: 'fail', status: 'none', gmi: 0, gmiVerdict: 'unlikely' },
  },
  {
    says: 'savings not answered: GMI only possible, amount still shown',
    household: { members: [adult(100)], savings: null },
    expect: { assets: 'unknown', status: 'needy', gmi: 87, gmiVerdict: 'possible' },
  },
  {
    says: 'a second property the household does not live in fails the asset test',
    household: { members: [adult(100)], otherRealEstate: true },
    expect: { assets: 'fail', status: 'none' },
  },
  {
    says: 'two cars without children fail the asset test',
    household: { members: [adult(100)], vehicles: 2 },
    expect: { assets: 'fail', status: 'none' },
  },
  {
    says: 'two cars with children pass the asset test',
    household: { members: [adult(100), child(5)], vehicles: 2 },
    expect: { assets: 'pass', status: 'needy' },
  },
  {
    says: 'assets over the limit also stop the housing benefit',
    household: { members: [pensioner(500)], costs: 300, savings: 5000 },
    expect: { assets: 'fail', housing: 0, verdict: 'unlikely' },
  },
];

describe('housing benefit and asset test', () => {
  for (const r of rows) {
    it(r.says, () => {
      const x = expectationsOf(r.says, r.expect);
      const e = run({ date: '2026-03-01', ...r.household });
      if (x.status !== undefined) expect(e.status).toBe(x.status);
      if (x.k !== undefined) expect(e.housing.coefficient).toBe(x.k);
      if (x.type !== undefined) expect(e.housing.householdType).toBe(x.type);
      if (x.housing !== undefined) expect(e.housing.amountCents).toBe(x.housing === null ? null : cents(x.housing));
      if (x.verdict !== undefined) expect(e.housing.verdict).toBe(x.verdict);
      if (x.gmi !== undefined) expect(e.gmi.amountCents).toBe(x.gmi === null ? null : cents(x.gmi));
      if (x.gmiVerdict !== undefined) expect(e.gmi.verdict).toBe(x.gmiVerdict);
      if (x.assets !== undefined) expect(e.assets.result).toBe(x.assets);
      if (x.reason !== undefined)
        expect([...e.housing.reasons, ...e.gmi.reasons].map((r) => r.key)).toContain(x.reason);
    });
  }

  it('a row without an expectation is refused, not passed', () => {
    expect(() => expectationsOf('empty', {})).toThrow(/row "empty" has no expectation/);
    expect(() => expectationsOf('undefined only', { housing: undefined })).toThrow(/no expectation/);
    expect(expectationsOf('one', { housing: 0 })).toEqual({ housing: 0 });
  });

  it('no reason claims a cap at the housing costs: the amount above the costs is the formula itself', () => {
    const e = run({ date: '2026-03-01', members: [pensioner(300)], costs: 100 });
    expect(e.housing.amountCents).toBeGreaterThan(10000);
    expect(e.housing.reasons).toContainEqual({
      key: 'housing.amount',
      params: { gmiSumCents: 18700, coefficient: 2.5, costsCents: 10000, incomeCents: 30000, amountCents: 26750 },
    });
    expect(e.housing.reasons.map((r) => r.key).filter((k) => /cap/i.test(k))).toEqual([]);
  });

  it('the housing reason carries the whole formula with the numbers', () => {
    const e = run({ date: '2026-03-01', members: [pensioner(500)], costs: 300 });
    expect(e.housing.reasons).toContainEqual({
      key: 'housing.amount',
      params: { gmiSumCents: 18700, coefficient: 2.5, costsCents: 30000, incomeCents: 50000, amountCents: 26750 },
    });
    expect(e.housing.reasons).toContainEqual({ key: 'housing.rounded', params: { amountCents: 26700 } });
    expect(e.housing.reasons.map((r) => r.key)).toContain('housing.costNorms');
  });
});

describe('the children rule takes its ages from the parameters (childMaxAge, studentMaxAge)', () => {
  // Two working parents and a 16-year-old who has left school, 2 200 € income (above the low-income threshold), 1 100 € costs, 1.3.2026.
  const family = { date: '2026-03-01', members: [adult(2200), adult(), child(16, { student: false })], costs: 1100 };
  const withAges = (childMaxAge: number, studentMaxAge: number): NationalParameters => ({
    ...parameters,
    housingChildrenRule: parameters.housingChildrenRule.map((e) => ({ ...e, childMaxAge, studentMaxAge })),
  });
  const runWith = (p: NationalParameters, members = family.members) => {
    const parsed = parseHousehold(householdInput({ ...family, members }));
    if (!parsed.ok) throw new Error('invalid');
    return evaluate(parsed.value, { municipality: withThreshold, items: fixtureItems, parameters: p });
  };

  it('with the published ages (under 18), the 16-year-old puts the family in the "with children" category (K 2)', () => {
    const e = runWith(parameters);
    expect(e.housing.householdType).toBe('pensionerOrDisabledWithChildren');
    expect(e.housing.reasons.map((r) => r.key)).toContain('housing.children.eligible');
  });

  it('if the data said children up to 15 only, the same family would be "other" and not eligible — no constant in the code', () => {
    const e = runWith(withAges(15, 23));
    expect(e.housing.householdType).toBe('other');
    expect(e.housing.verdict).toBe('unlikely');
  });

  it('a 22-year-old student counts under studentMaxAge 23, not under studentMaxAge 21', () => {
    const members = [adult(2200), adult(), child(22, { student: true })];
    expect(runWith(parameters, members).housing.householdType).toBe('pensionerOrDisabledWithChildren');
    expect(runWith(withAges(17, 21), members).housing.householdType).toBe('other');
  });
});

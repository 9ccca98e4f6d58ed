/**
 * What income counts (SPSPL Art. 5): excluded types are left out and the reason says so.
 * Stipends and a child's earnings are not counted up to the minimum monthly wage in force on the
 * date (a dated parameter: 700 € in 2024, 740 € in 2025, 780 € in 2026); the part above counts.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, parseHousehold } from '#src/domain/engine/index.ts';
import { INCOME_TYPES } from '#src/domain/schemas/vocabulary.ts';
import {
  adult,
  cents,
  child,
  fixtureItems,
  householdInput,
  parameters,
  pensioner,
  run,
  withIncomes,
  withThreshold,
} from './fixtures.ts';

interface Row {
  says: string;
  members: Parameters<typeof run>[0]['members'];
  counted: number;
  excluded: number;
  reason?: string;
  status?: string;
}

const rows: Row[] = [
  {
    says: 'state family benefit 50 € is not counted',
    members: [withIncomes(adult(500), { type: 'state-family-benefit', monthly: 50 }), child(5)],
    counted: 500,
    excluded: 50,
    reason: 'income.excluded.state-family-benefit',
  },
  {
    says: 'disability care benefit 213,43 € is not counted',
    members: [
      withIncomes(adult(300), { type: 'disability-care-benefit', monthly: 213.43 }),
      child(9, { disability: 'I' }),
    ],
    counted: 300,
    excluded: 213.43,
    reason: 'income.excluded.disability-care-benefit',
  },
  {
    says: 'childbirth benefit 421,17 € is not counted',
    members: [withIncomes(adult(600), { type: 'childbirth-benefit', monthly: 421.17 }), child(0)],
    counted: 600,
    excluded: 421.17,
    reason: 'income.excluded.childbirth-benefit',
  },
  {
    says: 'charity 100 € is not counted, so 425 € salary stays needy',
    members: [withIncomes(adult(425), { type: 'charity', monthly: 100 })],
    counted: 425,
    excluded: 100,
    reason: 'income.excluded.charity',
    status: 'needy',
  },
  {
    says: "a student's stipend 150 € is not counted (below the minimum wage 780 €)",
    members: [adult(300), child(19, { student: true, incomes: [{ type: 'stipend', monthly: 150 }] })],
    counted: 300,
    excluded: 150,
    reason: 'income.excluded.stipend-up-to',
  },
  {
    says: 'a stipend of exactly 780 € (the 2026 minimum wage) is not counted at all',
    members: [child(20, { student: true, incomes: [{ type: 'stipend', monthly: 780 }] })],
    counted: 0,
    excluded: 780,
    reason: 'income.excluded.stipend-up-to',
  },
  {
    says: 'a stipend of 780,01 €: only the 0,01 € above the minimum wage counts',
    members: [child(20, { student: true, incomes: [{ type: 'stipend', monthly: 780.01 }] })],
    counted: 0.01,
    excluded: 780,
    reason: 'income.partly-counted',
  },
  {
    says: 'a stipend of 900 €: 900 − 780 = 120 € counts',
    members: [adult(300), child(21, { student: true, incomes: [{ type: 'stipend', monthly: 900 }] })],
    counted: 420,
    excluded: 780,
    reason: 'income.partly-counted',
  },
  {
    says: "a 16-year-old's earnings 200 € are not counted (below the minimum wage)",
    members: [adult(400), child(16, { incomes: [{ type: 'salary', monthly: 200 }] })],
    counted: 400,
    excluded: 200,
    reason: 'income.excluded.child-earnings-up-to',
  },
  {
    says: "a 17-year-old's earnings 1 000 €: 1 000 − 780 = 220 € count",
    members: [adult(400), child(17, { incomes: [{ type: 'salary', monthly: 1000 }] })],
    counted: 620,
    excluded: 780,
    reason: 'income.partly-counted',
  },
  {
    says: 'assistant allowance 300 € is not counted',
    members: [withIncomes(adult(200), { type: 'assistant-allowance', monthly: 300 })],
    counted: 200,
    excluded: 300,
    reason: 'income.excluded.assistant-allowance',
  },
  {
    says: 'transport benefit for reduced mobility 80 € is not counted',
    members: [withIncomes(pensioner(400), { type: 'mobility-transport-benefit', monthly: 80 })],
    counted: 400,
    excluded: 80,
    reason: 'income.excluded.mobility-transport-benefit',
  },
  {
    says: 'coeliac-child benefit 106,72 € is not counted',
    members: [adult(500), child(6, { incomes: [{ type: 'coeliac-child-benefit', monthly: 106.72 }] })],
    counted: 500,
    excluded: 106.72,
    reason: 'income.excluded.coeliac-child-benefit',
  },
  {
    says: "orphan's social guarantees 150 € are not counted",
    members: [adult(0, { age: 19, incomes: [{ type: 'orphan-guarantees', monthly: 150 }] })],
    counted: 0,
    excluded: 150,
    reason: 'income.excluded.orphan-guarantees',
  },
  {
    says: 'a student loan 200 € is not counted',
    members: [adult(0, { age: 22, student: true, incomes: [{ type: 'student-loan', monthly: 200 }] })],
    counted: 0,
    excluded: 200,
    reason: 'income.excluded.student-loan',
  },
  {
    says: 'support in an active employment measure 150 € is not counted',
    members: [withIncomes(adult(0), { type: 'employment-measure-support', monthly: 150 })],
    counted: 0,
    excluded: 150,
    reason: 'income.excluded.employment-measure-support',
  },
  {
    says: 'crime-victim compensation 500 € and a blood-donor payment 8 € are not counted',
    members: [
      withIncomes(
        adult(300),
        { type: 'crime-victim-compensation', monthly: 500 },
        { type: 'blood-donor-payment', monthly: 8 },
      ),
    ],
    counted: 300,
    excluded: 508,
    reason: 'income.excluded.blood-donor-payment',
  },
  {
    says: 'one-off refugee support 300 € is not counted',
    members: [withIncomes(adult(100), { type: 'refugee-one-off-support', monthly: 300 })],
    counted: 100,
    excluded: 300,
    reason: 'income.excluded.refugee-one-off-support',
  },
  {
    says: 'a municipal benefit 60 € is not counted',
    members: [withIncomes(pensioner(400), { type: 'municipal-benefit', monthly: 60 })],
    counted: 400,
    excluded: 60,
    reason: 'income.excluded.municipal-benefit',
  },
  {
    says: 'an income-tax refund 20 € a month is counted, and the reason says the sources differ',
    members: [withIncomes(adult(400), { type: 'income-tax-refund', monthly: 20 })],
    counted: 420,
    excluded: 0,
    reason: 'income.disputed.income-tax-refund',
  },
  {
    says: "an 18-year-old's earnings 200 € are counted (no longer a child)",
    members: [adult(400), adult(200, { age: 18 })],
    counted: 600,
    excluded: 0,
  },
  {
    says: 'maintenance received 100 € is counted (since 1.7.2023)',
    members: [withIncomes(adult(300), { type: 'maintenance-received', monthly: 100 }), child(7)],
    counted: 400,
    excluded: 0,
  },
  {
    says: "a child's maintenance received is counted even though a child's earnings are not",
    members: [adult(300), child(12, { incomes: [{ type: 'maintenance-received', monthly: 120 }] })],
    counted: 420,
    excluded: 0,
  },
  {
    says: 'pension, disability pension, unemployment and sickness benefits all count',
    members: [
      pensioner(300),
      adult(0, {
        incomes: [
          { type: 'disability-pension', monthly: 150 },
          { type: 'unemployment-benefit', monthly: 200 },
          { type: 'sickness-or-parental-benefit', monthly: 50 },
        ],
      }),
    ],
    counted: 700,
    excluded: 0,
  },
  {
    says: 'self-employment and "other" income count',
    members: [
      adult(0, {
        incomes: [
          { type: 'self-employment', monthly: 210.5 },
          { type: 'other', monthly: 10 },
        ],
      }),
    ],
    counted: 220.5,
    excluded: 0,
  },
  {
    says: 'several excluded incomes together are all left out',
    members: [
      withIncomes(
        adult(0),
        { type: 'state-family-benefit', monthly: 25 },
        { type: 'charity', monthly: 30 },
        { type: 'childbirth-benefit', monthly: 421.17 },
      ),
    ],
    counted: 0,
    excluded: 476.17,
    status: 'needy',
  },
];

describe('counted and excluded income (SPSPL Art. 5)', () => {
  for (const r of rows) {
    it(r.says, () => {
      const e = run({ date: '2026-03-01', members: r.members });
      expect(e.income.countedCents).toBe(cents(r.counted));
      expect(e.income.excludedCents).toBe(cents(r.excluded));
      if (r.reason) expect(e.income.reasons.map((x) => x.key)).toContain(r.reason);
      if (r.status) expect(e.status).toBe(r.status);
    });
  }

  const byYear: [string, number][] = [
    ['2021-06-01', 500],
    ['2023-06-01', 620],
    ['2024-06-01', 700],
    ['2025-06-01', 740],
    ['2026-06-01', 780],
  ];
  for (const [date, wage] of byYear) {
    it(`${date.slice(0, 4)}: a stipend of 1 000 € counts only above the minimum wage ${wage} €: ${1000 - wage} €`, () => {
      const e = run({ date, members: [child(20, { student: true, incomes: [{ type: 'stipend', monthly: 1000 }] })] });
      expect(e.income.countedCents).toBe(cents(1000 - wage));
      expect(e.income.reasons).toContainEqual({
        key: 'income.partly-counted',
        params: { countedCents: cents(1000 - wage), minimumWageCents: cents(wage) },
      });
      expect(e.provisionalParameters).not.toContain('minimumWage');
    });
  }

  it('2027 (no published minimum wage yet): 780 € is used and the result names the minimum wage as provisional', () => {
    const e = run({
      date: '2027-02-01',
      members: [child(20, { student: true, incomes: [{ type: 'stipend', monthly: 1000 }] })],
    });
    expect(e.income.countedCents).toBe(22000);
    expect(e.provisionalParameters).toContain('minimumWage');
  });

  it('a disputed income (income-tax refund) makes the result provisional', () => {
    expect(
      run({ date: '2026-03-01', members: [withIncomes(adult(400), { type: 'income-tax-refund', monthly: 20 })] })
        .provisional,
    ).toBe(true);
    expect(run({ date: '2026-03-01', members: [adult(420)] }, fixtureItems).income.disputed).toBe(false);
  });

  it('every income type is either counted or has its own exclusion reason — none falls into "other"', () => {
    for (const type of INCOME_TYPES) {
      const e = run({ date: '2026-03-01', members: [adult(0, { age: 40, incomes: [{ type, monthly: 100 }] })] });
      const l = e.income.lines[0]!;
      if (l.countedCents === 0) expect(l.reason?.key, type).toMatch(/^income\.excluded\./);
    }
  });

  it('with a verified minimum wage in the parameters, only the part of a stipend above it counts', () => {
    const withWage = {
      ...parameters,
      minimumWage: [{ from: '2026-01-01', cents: 50000, status: 'verified' as const, sources: ['S1'] }],
    };
    const parsed = parseHousehold(
      householdInput({
        date: '2026-03-01',
        members: [child(19, { student: true, incomes: [{ type: 'stipend', monthly: 600 }] })],
      }),
    );
    if (!parsed.ok) throw new Error('invalid');
    const e = evaluate(parsed.value, { municipality: withThreshold, items: fixtureItems, parameters: withWage });
    expect(e.income.countedCents).toBe(10000);
    expect(e.income.reasons).toContainEqual({
      key: 'income.partly-counted',
      params: { countedCents: 10000, minimumWageCents: 50000 },
    });
  });

  it('incomes not answered for a member: status, GMI and housing are unknown', () => {
    const e = run({ date: '2026-03-01', members: [adult(300), { age: 35, disability: null }], costs: 200 });
    expect(e.income.known).toBe(false);
    expect(e.status).toBe('unknown');
    expect(e.gmi.verdict).toBe('unknown');
    expect(e.gmi.amountCents).toBeNull();
    expect(e.housing.verdict).toBe('unknown');
  });
});

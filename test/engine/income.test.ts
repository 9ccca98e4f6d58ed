/**
 * What income counts (SPSPL Art. 5): excluded types are left out and the reason says so.
 * No verified minimum wage is stored, so "up to the minimum wage" exclusions take the whole
 * amount and say "up to the minimum wage" without a number.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, parseHousehold } from '../../src/domain/engine/index.ts';
import { adult, cents, child, fixtureItems, householdInput, parameters, pensioner, run, withIncomes, withThreshold } from './fixtures.ts';

interface Row {
  says: string;
  members: Parameters<typeof run>[0]['members'];
  counted: number;
  excluded: number;
  reason?: string;
  status?: string;
}

const rows: Row[] = [
  { says: 'state family benefit 50 € is not counted', members: [withIncomes(adult(500), { type: 'state-family-benefit', monthly: 50 }), child(5)], counted: 500, excluded: 50, reason: 'income.excluded.state-family-benefit' },
  { says: 'disability care benefit 213,43 € is not counted', members: [withIncomes(adult(300), { type: 'disability-care-benefit', monthly: 213.43 }), child(9, { disability: 'I' })], counted: 300, excluded: 213.43, reason: 'income.excluded.disability-care-benefit' },
  { says: 'childbirth benefit 421,17 € is not counted', members: [withIncomes(adult(600), { type: 'childbirth-benefit', monthly: 421.17 }), child(0)], counted: 600, excluded: 421.17, reason: 'income.excluded.childbirth-benefit' },
  { says: 'charity 100 € is not counted, so 425 € salary stays needy', members: [withIncomes(adult(425), { type: 'charity', monthly: 100 })], counted: 425, excluded: 100, reason: 'income.excluded.charity', status: 'needy' },
  { says: "a student's stipend 150 € is not counted (up to the minimum wage)", members: [adult(300), child(19, { student: true, incomes: [{ type: 'stipend', monthly: 150 }] })], counted: 300, excluded: 150, reason: 'income.excluded.stipend' },
  { says: "a 16-year-old's earnings 200 € are not counted (up to the minimum wage)", members: [adult(400), child(16, { incomes: [{ type: 'salary', monthly: 200 }] })], counted: 400, excluded: 200, reason: 'income.excluded.child-earnings' },
  { says: "an 18-year-old's earnings 200 € are counted (no longer a child)", members: [adult(400), adult(200, { age: 18 })], counted: 600, excluded: 0 },
  { says: 'maintenance received 100 € is counted (since 1.7.2023)', members: [withIncomes(adult(300), { type: 'maintenance-received', monthly: 100 }), child(7)], counted: 400, excluded: 0 },
  { says: "a child's maintenance received is counted even though a child's earnings are not", members: [adult(300), child(12, { incomes: [{ type: 'maintenance-received', monthly: 120 }] })], counted: 420, excluded: 0 },
  { says: 'pension, disability pension, unemployment and sickness benefits all count', members: [pensioner(300), adult(0, { incomes: [{ type: 'disability-pension', monthly: 150 }, { type: 'unemployment-benefit', monthly: 200 }, { type: 'sickness-or-parental-benefit', monthly: 50 }] })], counted: 700, excluded: 0 },
  { says: 'self-employment and "other" income count', members: [adult(0, { incomes: [{ type: 'self-employment', monthly: 210.5 }, { type: 'other', monthly: 10 }] })], counted: 220.5, excluded: 0 },
  { says: 'several excluded incomes together are all left out', members: [withIncomes(adult(0), { type: 'state-family-benefit', monthly: 25 }, { type: 'charity', monthly: 30 }, { type: 'childbirth-benefit', monthly: 421.17 })], counted: 0, excluded: 476.17, status: 'needy' },
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

  it('with a verified minimum wage in the parameters, only the part of a stipend above it counts', () => {
    const withWage = { ...parameters, minimumWage: [{ from: '2026-01-01', cents: 50000, status: 'verified' as const, sources: ['S1'] }] };
    const parsed = parseHousehold(householdInput({ date: '2026-03-01', members: [child(19, { student: true, incomes: [{ type: 'stipend', monthly: 600 }] })] }));
    if (!parsed.ok) throw new Error('invalid');
    const e = evaluate(parsed.value, { municipality: withThreshold, items: fixtureItems, parameters: withWage });
    expect(e.income.countedCents).toBe(10000);
    expect(e.income.reasons).toContainEqual({ key: 'income.partly-counted', params: { countedCents: 10000, minimumWageCents: 50000 } });
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

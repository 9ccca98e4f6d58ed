/**
 * The household input at the boundary: euros become integer cents once; zero, negative and
 * malformed answers give a field path and an i18n key (never a crash, never a guess).
 */
import { describe, expect, it } from 'vitest';
import { parseHousehold } from '#src/domain/engine/index.ts';
import { adult, householdInput } from './fixtures.ts';

const base = () => householdInput({ date: '2026-03-01', members: [adult(500)], costs: 300 }) as Record<string, unknown>;
const withMember = (m: Record<string, unknown>) => ({ ...base(), members: [m] });

interface Row {
  says: string;
  input: unknown;
  errors: { path: string; key: string }[];
}

const rows: Row[] = [
  {
    says: 'negative income is refused at the field',
    input: withMember({ age: 40, incomes: [{ type: 'salary', monthly: -1 }] }),
    errors: [{ path: 'members.0.incomes.0.monthly', key: 'household.error.negative' }],
  },
  {
    says: 'negative housing costs are refused',
    input: { ...base(), housing: { costsMonthly: -0.01 } },
    errors: [{ path: 'housing.costsMonthly', key: 'household.error.negative' }],
  },
  {
    says: 'negative savings are refused',
    input: { ...base(), assets: { savings: -5 } },
    errors: [{ path: 'assets.savings', key: 'household.error.negative' }],
  },
  {
    says: 'a third decimal (fractions of a cent) is refused',
    input: withMember({ age: 40, incomes: [{ type: 'salary', monthly: 100.005 }] }),
    errors: [{ path: 'members.0.incomes.0.monthly', key: 'household.error.cents' }],
  },
  {
    says: 'a negative age is refused',
    input: withMember({ age: -1, incomes: [] }),
    errors: [{ path: 'members.0.age', key: 'household.error.negative' }],
  },
  {
    says: 'an age of 121 is refused',
    input: withMember({ age: 121, incomes: [] }),
    errors: [{ path: 'members.0.age', key: 'household.error.age' }],
  },
  {
    says: 'no members is refused',
    input: { ...base(), members: [] },
    errors: [{ path: 'members', key: 'household.error.noMembers' }],
  },
  {
    says: 'an unknown income type is refused',
    input: withMember({ age: 40, incomes: [{ type: 'lottery', monthly: 5 }] }),
    errors: [{ path: 'members.0.incomes.0.type', key: 'household.error.invalidOption' }],
  },
  {
    says: 'disability group "IV" is refused',
    input: withMember({ age: 40, disability: 'IV', incomes: [] }),
    errors: [{ path: 'members.0.disability', key: 'household.error.invalidOption' }],
  },
  {
    says: 'a misspelt field is named',
    input: withMember({ age: 40, incomes: [], pensoner: true }),
    errors: [{ path: 'members.0.pensoner', key: 'household.error.unknownField' }],
  },
  {
    says: 'a date before 2021 is refused',
    input: { ...base(), date: '2020-12-31' },
    errors: [{ path: 'date', key: 'household.error.dateTooEarly' }],
  },
  {
    says: 'a malformed date is refused',
    input: { ...base(), date: '01.03.2026' },
    errors: [{ path: 'date', key: 'household.error.date' }],
  },
  {
    says: 'a missing date is "required"',
    input: (({ date: _d, ...rest }) => rest)(base()),
    errors: [{ path: 'date', key: 'household.error.required' }],
  },
  {
    says: 'income given as text is the wrong type',
    input: withMember({ age: 40, incomes: [{ type: 'salary', monthly: '500' }] }),
    errors: [{ path: 'members.0.incomes.0.monthly', key: 'household.error.wrongType' }],
  },
  {
    says: 'a situation outside the list is refused',
    input: { ...base(), situations: ['lottery-win'] },
    errors: [{ path: 'situations.0', key: 'household.error.invalidOption' }],
  },
];

describe('household input errors name the field', () => {
  for (const r of rows) {
    it(r.says, () => {
      const p = parseHousehold(r.input);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.errors).toEqual(r.errors);
    });
  }
  it('not an object at all', () => {
    const p = parseHousehold('hello');
    expect(p.ok).toBe(false);
  });
});

describe('euros become integer cents once', () => {
  it('0,10 + 0,20 style amounts are exact cents', () => {
    const p = parseHousehold(
      withMember({
        age: 40,
        incomes: [
          { type: 'salary', monthly: 0.1 },
          { type: 'other', monthly: 0.2 },
          { type: 'pension', monthly: 1234.56 },
        ],
      }),
    );
    expect(p.ok && p.value.members[0]!.incomes!.map((i) => i.monthlyCents)).toEqual([10, 20, 123456]);
  });
  it('zero everywhere is valid input', () => {
    const p = parseHousehold(
      householdInput({ date: '2026-03-01', members: [adult(0)], costs: 0, savings: 0, vehicles: 0 }),
    );
    expect(p.ok).toBe(true);
  });
  it('the issue-3 CLI shape is accepted as written', () => {
    const p = parseHousehold({
      date: '2026-03-01',
      municipality: 'daugavpils',
      members: [
        { age: 70, pensioner: true, disability: null, student: false, incomes: [{ type: 'pension', monthly: 500 }] },
      ],
      housing: { costsMonthly: 300 },
      assets: { savings: 0, realEstateValue: 0, otherRealEstate: false, vehicles: 0 },
      situations: [],
    });
    expect(p.ok).toBe(true);
    if (p.ok)
      expect(p.value.members[0]).toMatchObject({
        disability: 'none',
        incomes: [{ type: 'pension', monthlyCents: 50000 }],
      });
  });
  it('left-out answers become null (unknown), not zero', () => {
    const p = parseHousehold({ date: '2026-03-01', municipality: 'daugavpils', members: [{ age: 40 }] });
    expect(p.ok && p.value).toMatchObject({
      members: [{ disability: null, incomes: null }],
      housing: { costsCents: null },
      assets: { savingsCents: null },
      situations: null,
    });
  });
});

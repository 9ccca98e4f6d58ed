/**
 * Municipal benefits: each condition type of the vocabulary and each amount rule, on a fixture
 * pack (fixtures.ts). Sentence → household → verdict and amount. All on 1.3.2026.
 */
import { describe, expect, it } from 'vitest';
import {
  adult,
  amountOf,
  cents,
  child,
  fixtureItems,
  item,
  pensioner,
  run,
  verdictOf,
  type CaseHousehold,
} from './fixtures.ts';

interface Row {
  says: string;
  household: Omit<CaseHousehold, 'date'>;
  item: string;
  verdict: string;
  amount?: number | null;
}

const family = (income: number, ...kids: number[]) => [adult(income), adult(), ...kids.map((a) => child(a))];

const rows: Row[] = [
  // situation + assessment (newborn): at best "possible"
  {
    says: 'new baby stated, one newborn: possible, 200 €',
    household: { members: [...family(1500), child(0)], situations: ['new-baby'] },
    item: 'newborn',
    verdict: 'possible',
    amount: 200,
  },
  {
    says: 'twins: 200 € per child = 400 €',
    household: { members: [...family(1500), child(0), child(0)], situations: ['new-baby'] },
    item: 'newborn',
    verdict: 'possible',
    amount: 400,
  },
  {
    says: 'no new baby stated: unlikely, no amount',
    household: { members: family(1500, 3) },
    item: 'newborn',
    verdict: 'unlikely',
    amount: null,
  },
  {
    says: 'situations not answered: unknown',
    household: { members: family(1500, 3), situations: null },
    item: 'newborn',
    verdict: 'unknown',
  },
  // pupil + status, per child
  {
    says: 'needy family with two pupils (8 and 12): likely, 25 € × 2 = 50 €',
    household: { members: family(300, 8, 12) },
    item: 'school-supplies',
    verdict: 'likely',
    amount: 50,
  },
  {
    says: 'needy family with a 4-year-old only: no pupil, unlikely',
    household: { members: family(300, 4) },
    item: 'school-supplies',
    verdict: 'unlikely',
  },
  {
    says: 'family above the low-income threshold with a pupil: unlikely',
    household: { members: family(3000, 9) },
    item: 'school-supplies',
    verdict: 'unlikely',
  },
  {
    says: 'a 19-year-old still at school counts as a pupil',
    household: { members: [adult(300), child(19, { student: true })] },
    item: 'school-supplies',
    verdict: 'likely',
    amount: 25,
  },
  // child aged 0 + needy
  {
    says: 'needy household with a baby under 1: likely, 30 € a month',
    household: { members: family(300, 0) },
    item: 'baby-food',
    verdict: 'likely',
    amount: 30,
  },
  {
    says: 'needy household whose youngest is 1: unlikely',
    household: { members: family(300, 1) },
    item: 'baby-food',
    verdict: 'unlikely',
  },
  // by-children table with cap (Daugavpils-type heating)
  {
    says: 'low-income pensioner with district heating, no children: 20 €',
    household: { members: [pensioner(500)], situations: ['district-heating'] },
    item: 'heating',
    verdict: 'likely',
    amount: 20,
  },
  {
    says: 'low-income family with 1 child but no district heating: unlikely',
    household: { members: family(1500, 5) },
    item: 'heating',
    verdict: 'unlikely',
  },
  {
    says: 'low-income family with 1 child and district heating: 43 €',
    household: { members: family(1500, 5), situations: ['district-heating'] },
    item: 'heating',
    verdict: 'likely',
    amount: 43,
  },
  {
    says: 'low-income family with 3 children: 25 € × 3 = 75 €',
    household: { members: family(2000, 3, 5, 7), situations: ['district-heating'] },
    item: 'heating',
    verdict: 'likely',
    amount: 75,
  },
  {
    says: 'low-income family with 6 children: 150 € capped at 125 €',
    household: { members: family(3000, 1, 3, 5, 7, 9, 11), situations: ['district-heating'] },
    item: 'heating',
    verdict: 'likely',
    amount: 125,
  },
  {
    says: 'needy (not low-income) household: possible — the social service decides the status',
    household: { members: [pensioner(300)], situations: ['district-heating'] },
    item: 'heating',
    verdict: 'possible',
    amount: 20,
  },
  // jubilee
  {
    says: 'someone is 70: likely, 30 €',
    household: { members: [pensioner(900, { age: 70 })] },
    item: 'jubilee',
    verdict: 'likely',
    amount: 30,
  },
  {
    says: 'someone is 69 (turns 70 within the year): possible',
    household: { members: [pensioner(900, { age: 69 })] },
    item: 'jubilee',
    verdict: 'possible',
  },
  {
    says: 'someone is 72: unlikely',
    household: { members: [pensioner(900, { age: 72 })] },
    item: 'jubilee',
    verdict: 'unlikely',
  },
  // disability, by group and who
  {
    says: 'child with group I disability: likely',
    household: { members: [adult(800), child(9, { disability: 'I' })] },
    item: 'care-allowance',
    verdict: 'likely',
  },
  {
    says: 'child with group II (group I required): unlikely',
    household: { members: [adult(800), child(9, { disability: 'II' })] },
    item: 'care-allowance',
    verdict: 'unlikely',
  },
  {
    says: 'adult with group I, child without: unlikely (a child is required)',
    household: { members: [adult(800, { disability: 'I' }), child(9)] },
    item: 'care-allowance',
    verdict: 'unlikely',
  },
  {
    says: "child's disability not answered: unknown",
    household: { members: [adult(800), { age: 9, incomes: [] }] },
    item: 'care-allowance',
    verdict: 'unknown',
  },
  {
    says: 'adult with group III, any group accepted: likely',
    household: { members: [adult(800, { disability: 'III' })] },
    item: 'disabled-adult-support',
    verdict: 'likely',
  },
  // household composition
  {
    says: 'pensioner living alone: likely, up to 50 €',
    household: { members: [pensioner(900)] },
    item: 'lonely-pensioner',
    verdict: 'likely',
    amount: 50,
  },
  {
    says: 'pensioner couple: not alone, unlikely',
    household: { members: [pensioner(500), pensioner(400)] },
    item: 'lonely-pensioner',
    verdict: 'unlikely',
  },
  // large family + income per member (300 € per person)
  {
    says: 'large family (3 children), 1 500 € for 5 persons = 300 € each: likely',
    household: { members: family(1500, 3, 6, 9) },
    item: 'large-family-transport',
    verdict: 'likely',
  },
  {
    says: 'large family at 1 500,05 €: 1 cent over 300 € each, unlikely',
    household: { members: family(1500.05, 3, 6, 9) },
    item: 'large-family-transport',
    verdict: 'unlikely',
  },
  {
    says: 'two children only: not a large family, unlikely',
    household: { members: family(600, 3, 6) },
    item: 'large-family-transport',
    verdict: 'unlikely',
  },
  {
    says: 'large family with a 22-year-old student counted as a child: likely',
    household: { members: [...family(1200, 6, 9), child(22, { student: true })] },
    item: 'large-family-transport',
    verdict: 'likely',
  },
  // any-of: one alternative is enough (Bauska-type school meals)
  {
    says: 'school meals: large family with high income qualifies as a large family',
    household: { members: family(6000, 7, 9, 12) },
    item: 'school-meals',
    verdict: 'likely',
  },
  {
    says: 'school meals: needy family with one pupil qualifies by status',
    household: { members: family(300, 8) },
    item: 'school-meals',
    verdict: 'likely',
  },
  {
    says: 'school meals: pupil with a disability qualifies whatever the income',
    household: { members: [adult(4000), child(10, { disability: 'III' })] },
    item: 'school-meals',
    verdict: 'likely',
  },
  {
    says: 'school meals: one pupil, high income, no disability: none of the alternatives, unlikely',
    household: { members: family(4000, 8) },
    item: 'school-meals',
    verdict: 'unlikely',
  },
  // several amounts of one year: verified beats a draft; equal variants give a range, not a guess
  {
    says: 'a verified 200 € beats an unverified draft 400 € of the same year',
    household: { members: [...family(1500), child(0)], situations: ['new-baby'] },
    item: 'newborn-draft',
    verdict: 'likely',
    amount: 200,
  },
  {
    says: 'two verified amounts (115 € / 145 € with 3+ children): no single amount is claimed',
    household: { members: family(300, 8) },
    item: 'health-care',
    verdict: 'likely',
    amount: null,
  },
  // seed-only item: at best possible
  {
    says: 'item only known from an old seed: even a fitting 80-year-old gets "possible"',
    household: { members: [pensioner(900, { age: 80 })] },
    item: 'sauna',
    verdict: 'possible',
  },
  {
    says: 'item for 75+ and a 60-year-old: unlikely',
    household: { members: [adult(900, { age: 60 })] },
    item: 'sauna',
    verdict: 'unlikely',
  },
  // crisis: no means test
  {
    says: 'crisis stated by a household with high income: possible, up to 200 €',
    household: { members: [adult(5000)], situations: ['crisis'] },
    item: 'crisis',
    verdict: 'possible',
    amount: 200,
  },
  { says: 'no crisis stated: unlikely', household: { members: [adult(300)] }, item: 'crisis', verdict: 'unlikely' },
  // service with eligibility
  {
    says: 'help at home needed: home care possible (functional assessment)',
    household: { members: [pensioner(500)], situations: ['needs-help-at-home'] },
    item: 'home-care',
    verdict: 'possible',
  },
];

describe('municipal benefits: conditions and amounts', () => {
  for (const r of rows) {
    it(r.says, () => {
      const e = run({ date: '2026-03-01', ...r.household });
      expect(verdictOf(e, r.item)).toBe(r.verdict);
      if (r.amount !== undefined) expect(amountOf(e, r.item)).toBe(r.amount === null ? null : cents(r.amount));
    });
  }

  it('the crisis benefit is granted without a means test and says so', () => {
    const e = run({ date: '2026-03-01', members: [adult(5000)], situations: ['crisis'] });
    expect(e.crisis).toEqual({ verdict: 'possible', reasons: [{ key: 'crisis.stated', params: {} }] });
  });

  it('any-of with no alternative met lists the reason of each alternative', () => {
    const e = run({ date: '2026-03-01', members: family(4000, 8) });
    const keys = e.benefits.find((b) => b.id === 'school-meals')!.reasons.map((r) => r.key);
    expect(keys).toEqual([
      'condition.pupil.yes',
      'condition.household.large-family.no',
      'condition.status.no',
      'condition.disability.no',
    ]);
  });

  it('amount variants give the range with both numbers', () => {
    const e = run({ date: '2026-03-01', members: family(300, 8) });
    expect(e.benefits.find((b) => b.id === 'health-care')!.reasons).toContainEqual({
      key: 'amount.range',
      params: { minCents: 11500, maxCents: 14500 },
    });
  });

  it('income per member reason carries both numbers', () => {
    const e = run({ date: '2026-03-01', members: family(1500.05, 3, 6, 9) });
    expect(e.benefits.find((b) => b.id === 'large-family-transport')!.reasons).toContainEqual({
      key: 'condition.income-per-member.no',
      params: { perMemberCents: 30001, limitCents: 30000 },
    });
  });
});

describe('services suggested from the household', () => {
  const ids = (h: Omit<CaseHousehold, 'date'>) => run({ date: '2026-03-01', ...h }).services.map((s) => s.id);
  it('a pensioner is offered the day centre', () => expect(ids({ members: [pensioner(900)] })).toEqual(['day-centre']));
  it('a person without a home is offered the night shelter', () =>
    expect(ids({ members: [adult(0)], situations: ['homeless'] })).toEqual(['night-shelter']));
  it('a family with children is offered the family centre', () =>
    expect(ids({ members: family(2500, 4) })).toEqual(['family-centre']));
  it('an adult with a disability is offered the day centre', () =>
    expect(ids({ members: [adult(900, { disability: 'II' })] })).toEqual(['day-centre']));
  it('a working adult with no situation is offered nothing', () => expect(ids({ members: [adult(1500)] })).toEqual([]));
  it('a suspended service is never suggested (e.g. a shelter stopped for savings)', () => {
    const stopped = item('night-shelter', {
      kind: 'service',
      targetGroups: ['homeless'],
      situations: ['homelessness'],
      status: { kind: 'suspended', since: '2024-04-25' },
    });
    const items = fixtureItems.map((i) => (i.id === 'night-shelter' ? stopped : i));
    expect(
      run({ date: '2026-03-01', members: [adult(0)], situations: ['homeless'] }, items).services.map((s) => s.id),
    ).toEqual([]);
  });
});

describe('documents to bring', () => {
  it('merges the lists of likely and possible items, each document once', () => {
    const e = run({ date: '2026-03-01', members: [adult(100)], costs: 300 });
    const apply = e.documents.find((d) => d.text.lv.startsWith('Iesniegums'));
    expect(apply?.items).toEqual(['gmi', 'housing-benefit']);
    expect(e.documents.filter((d) => d.text.lv.startsWith('Iesniegums'))).toHaveLength(1);
    expect(e.documents.map((d) => d.text.lv)).toContain('Mājokļa izdevumu rēķini.');
  });
  it('leaves out documents of unlikely items', () => {
    const e = run({ date: '2026-03-01', members: [adult(5000)], costs: 300 });
    expect(e.documents).toEqual([]);
  });
});

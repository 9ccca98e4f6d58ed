/**
 * The estimator's shared pure parts: reading numbers, validation, answers → household (the same
 * household the CLI's parseHousehold builds), and the trimmed pack (the same estimate as the full one).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '#src/domain/engine/evaluate.ts';
import { countIncome } from '#src/domain/engine/income.ts';
import { emptyAnswers, sanitizeAnswers } from '#src/domain/estimator/answers.ts';
import { answersFromFields, answersToFields } from '#src/domain/estimator/form-data.ts';
import { parseEuroCents, parseWhole } from '#src/domain/estimator/numbers.ts';
import { contextOf } from '#src/domain/estimator/pack.ts';
import { answersFromHouseholdInput, toHousehold, toHouseholdInput } from '#src/domain/estimator/to-household.ts';
import { validateAll, validateStep } from '#src/domain/estimator/validate.ts';
import {
  COUNTED_INCOME_TYPES,
  DERIVED_SITUATIONS,
  HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR,
  INCOME_TYPE_LIST,
  NOT_COUNTED_INCOME_TYPES,
} from '#src/domain/estimator/vocabulary.ts';
import { HOUSEHOLD_SITUATIONS, INCOME_TYPES, parseHousehold } from '#src/domain/schemas/index.ts';
import { exampleHouseholds, fullContext, MUNICIPALITY_IDS, packFor } from '../../support/estimator-fixtures.ts';

describe('reading amounts as residents type them', () => {
  it.each([
    ['350', 35000],
    ['350,5', 35050],
    ['350.50', 35050],
    ['1 234,56', 123456],
    ['0', 0],
    ['12 €', 1200],
    ['7,00', 700],
    ['1000000', 100000000],
  ])('%s → %i cents', (text, cents) => expect(parseEuroCents(text)).toEqual({ ok: true, value: cents }));
  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['-5', 'negative'],
    ['abc', 'format'],
    ['1,2,3', 'format'],
    ['3,456', 'cents'],
    ['1000000,01', 'tooLarge'],
  ])('%j is refused (%s)', (text, reason) => expect(parseEuroCents(text)).toEqual({ ok: false, reason }));
  it('whole numbers', () => {
    expect(parseWhole('42', 0, 120)).toEqual({ ok: true, value: 42 });
    expect(parseWhole('121', 0, 120)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(parseWhole('4.5', 0, 120)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('validation', () => {
  it('asks every required answer, in the order of the one-page form', () => {
    const a = emptyAnswers(2);
    expect(validateAll(a).map((e) => `${e.path} ${e.key}`)).toEqual([
      'm0-age error.age.empty',
      'm0-disability error.disability.empty',
      'm1-age error.age.empty',
      'm1-disability error.disability.empty',
      'savings error.savings.empty',
      'other-real-estate error.otherRealEstate.empty',
      'vehicles error.vehicles.empty',
      'housing-costs error.housingCosts.empty',
      'heating error.heating.empty',
    ]);
  });
  it('blank incomes are "none"; a wrong amount names the person and the income', () => {
    const a = emptyAnswers(1);
    a.members[0]!.incomes = { pension: '500', salary: 'many' };
    expect(validateStep('incomes', a)).toEqual([
      { path: 'm0-income-salary', key: 'error.money.format', params: { person: 1, type: 'salary' } },
    ]);
  });
  it('restored answers are cleaned (storage can hold anything)', () => {
    expect(
      sanitizeAnswers({
        members: [{ age: 5, disability: 'IV', incomes: { salary: '1', bogus: '2' } }],
        situations: ['crisis', 'x'],
      }),
    ).toMatchObject({
      members: [{ age: '', disability: '', incomes: { salary: '1' } }],
      situations: ['crisis'],
    });
    expect(sanitizeAnswers('nope')).toBeNull();
  });
});

describe('the estimator asks what the schemas know', () => {
  it('every income type, in two groups', () => expect([...INCOME_TYPE_LIST].sort()).toEqual([...INCOME_TYPES].sort()));
  it('the first group is what the engine counts, the second what it leaves out (stipends up to the minimum wage)', () => {
    // One person with one income, minimum wage 740 €: what does the engine count?
    const counted = (type: string, age: string, euros: string) => {
      const a = emptyAnswers(1);
      a.members[0] = { ...a.members[0]!, age, incomes: { [type]: euros } };
      return countIncome(toHousehold(a, '2026-06-01', 'daugavpils'), 74000).countedCents;
    };
    expect(COUNTED_INCOME_TYPES.filter((t) => counted(t, '40', '100') !== 10000)).toEqual([]);
    expect(NOT_COUNTED_INCOME_TYPES.filter((t) => counted(t, '40', '100') !== 0)).toEqual([]);
    // Stipends are left out only up to the minimum wage: of 1 000 €, 260 € count.
    expect(counted('stipend', '20', '1000')).toBe(26000);
  });
  it('every situation (heating is asked with the housing costs)', () =>
    expect([...HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR, ...DERIVED_SITUATIONS].sort()).toEqual(
      [...HOUSEHOLD_SITUATIONS].sort(),
    ));
});

const examples = exampleHouseholds();

describe.each(examples)('example household $name', ({ input }) => {
  const answers = answersFromHouseholdInput(input);

  it('can be answered in the estimator', () => {
    expect(answers).not.toBeNull();
    expect(validateAll(answers!)).toEqual([]);
  });

  it('answers → household equals what parseHousehold builds from the same answers', () => {
    const parsed = parseHousehold(toHouseholdInput(answers!, input.date, input.municipality));
    expect(parsed.ok && parsed.value).toEqual(toHousehold(answers!, input.date, input.municipality));
  });

  it('gives the same estimate as the CLI path (parseHousehold of the example, full pack)', () => {
    const fromExample = parseHousehold(input);
    if (!fromExample.ok) throw new Error(JSON.stringify(fromExample.errors));
    const cli = evaluate(fromExample.value, fullContext(input.municipality));
    const island = evaluate(
      toHousehold(answers!, input.date, input.municipality),
      contextOf(packFor(input.municipality, 'lv')),
    );
    const summary = (e: typeof cli) => ({
      status: e.status,
      provisional: e.provisional,
      thresholds: e.thresholds,
      gmi: e.gmi,
      housing: e.housing,
      crisis: e.crisis,
      benefits: e.benefits,
      services: e.services,
      documents: e.documents.map((d) => [d.text.lv, d.items]),
    });
    expect(summary(island)).toEqual(summary(cli));
  });

  it('survives the no-JS form fields round trip', () => {
    const fields = answersToFields(answers!);
    const form = new URLSearchParams(fields);
    expect(answersFromFields(form)).toEqual(answers);
  });
});

describe('the trimmed pack', () => {
  it.each(MUNICIPALITY_IDS)('%s: same verdicts and amounts as the full pack for a family', (id) => {
    const parsed = parseHousehold({
      date: '2026-03-01',
      municipality: id,
      members: [
        { age: 40, disability: null, incomes: [{ type: 'salary', monthly: 600 }] },
        { age: 9, disability: 'III', student: true, incomes: [] },
        { age: 0, disability: null, incomes: [{ type: 'state-family-benefit', monthly: 50 }] },
      ],
      housing: { costsMonthly: 250, heating: 'stove' },
      assets: { savings: 100, otherRealEstate: false, vehicles: 1 },
      situations: ['new-baby', 'crisis'],
    });
    if (!parsed.ok) throw new Error('bad household');
    const full = evaluate(parsed.value, fullContext(id));
    const trimmed = evaluate(parsed.value, contextOf(packFor(id, 'lv')));
    expect({ ...trimmed, documents: trimmed.documents.map((d) => d.text.lv) }).toEqual({
      ...full,
      documents: full.documents.map((d) => d.text.lv),
    });
  });
});

describe('suspended items are never shown as likely', () => {
  // Households that satisfy as much as possible: needy, children of all ages, disability, every situation.
  const households = [
    { age: 70, pensioner: true, disability: 'I' as const },
    { age: 35, disability: 'II' as const },
    { age: 0, disability: 'III' as const },
    { age: 8, disability: null, student: true },
    { age: 16, disability: null, student: true },
  ].map((m, i, all) => all.slice(0, i + 1));
  // Only packs with a suspended item that has rules can show the mistake.
  const withSuspended = MUNICIPALITY_IDS.filter((id) =>
    packFor(id, 'lv').items.some((i) => i.status.kind === 'suspended' && i.eligibility),
  );
  it('at least one pack has a suspended item with rules', () => {
    expect(withSuspended.length).toBeGreaterThanOrEqual(1);
  });
  it.each(withSuspended)('%s', (id) => {
    const pack = packFor(id, 'lv');
    const suspended = new Set(pack.items.filter((i) => i.status.kind === 'suspended').map((i) => i.id));
    let verdicts = 0;
    for (const members of households) {
      for (const situations of [[], [...HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR]]) {
        const parsed = parseHousehold({
          date: '2026-03-01',
          municipality: id,
          members: members.map((m) => ({ ...m, incomes: [] })),
          housing: { costsMonthly: 300, heating: 'stove' },
          assets: { savings: 0, otherRealEstate: false, vehicles: 0 },
          situations,
        });
        if (!parsed.ok) throw new Error('bad household');
        const e = evaluate(parsed.value, contextOf(pack));
        for (const b of e.benefits)
          if (suspended.has(b.id)) {
            verdicts++;
            expect(b.verdict, `${id} ${b.id}`).not.toBe('likely');
          }
      }
    }
    expect(verdicts, 'verdicts on suspended items checked').toBeGreaterThan(0);
  });
});

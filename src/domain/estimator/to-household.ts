/**
 * Answers → the engine's household. The island cannot run `parseHousehold` (zod is too large
 * for the page's JavaScript budget), so this builds the `Household` directly from answers that
 * `validateAll` accepted; test/domain/estimator/domain.test.ts checks it equals
 * `parseHousehold(toHouseholdInput(answers))` — the CLI's path — for every example household.
 */
import type { Household, HouseholdInput, IncomeType } from '../schemas/index.ts';
import { emptyMember, type Answers } from './answers.ts';
import { centsToInput, parseEuroCents, parseWhole } from './numbers.ts';
import { DERIVED_SITUATIONS, HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR, INCOME_TYPE_LIST } from './vocabulary.ts';

const cents = (text: string): number => {
  const p = parseEuroCents(text);
  return p.ok ? p.value : 0;
};
const whole = (text: string): number => {
  const p = parseWhole(text, 0, Number.MAX_SAFE_INTEGER);
  return p.ok ? p.value : 0;
};

/** Incomes of one member, in the form's order; blank and zero amounts are "none". */
function incomesOf(m: Answers['members'][number]): { type: IncomeType; monthlyCents: number }[] {
  return INCOME_TYPE_LIST.map((type) => ({ type, monthlyCents: cents(m.incomes[type] ?? '') })).filter(
    (i) => i.monthlyCents > 0,
  );
}

export function toHousehold(a: Answers, date: string, municipality: string): Household {
  return {
    date,
    municipality,
    members: a.members.map((m) => ({
      age: whole(m.age),
      pensioner: m.pensioner,
      disability: m.disability === '' ? null : m.disability,
      student: m.student,
      relation: null,
      needsCare: m.needsCare,
      incomes: incomesOf(m),
    })),
    housing: { costsCents: cents(a.housingCosts), heating: a.heating === '' ? null : a.heating },
    assets: {
      savingsCents: cents(a.savings),
      realEstateValueCents: null,
      otherRealEstate: a.otherRealEstate === '' ? null : a.otherRealEstate === 'yes',
      vehicles: whole(a.vehicles),
    },
    situations: [...a.situations],
  };
}

/** The CLI / integration shape (euros as numbers), e.g. for "apply with these answers". */
export function toHouseholdInput(a: Answers, date: string, municipality: string): HouseholdInput {
  const h = toHousehold(a, date, municipality);
  const euros = (c: number | null) => (c === null ? null : c / 100);
  return {
    date,
    municipality,
    members: h.members.map((m) => ({
      age: m.age,
      pensioner: m.pensioner,
      disability: m.disability === 'none' ? null : (m.disability ?? undefined),
      student: m.student,
      needsCare: m.needsCare ?? undefined,
      incomes: (m.incomes ?? []).map((i) => ({ type: i.type, monthly: i.monthlyCents / 100 })),
    })),
    housing: { costsMonthly: euros(h.housing.costsCents), heating: h.housing.heating },
    assets: {
      savings: euros(h.assets.savingsCents),
      otherRealEstate: h.assets.otherRealEstate,
      vehicles: h.assets.vehicles,
    },
    situations: h.situations ?? [],
  };
}

/**
 * A household in the CLI shape → answers (tests post example households through the no-JS form;
 * the island could restore them). Returns null when the household says something the form
 * cannot (an unanswered income or disability, more than 8 people, several incomes of one type).
 */
export function answersFromHouseholdInput(h: HouseholdInput): Answers | null {
  if (h.members.length > 8) return null;
  const situations = h.situations ?? [];
  let heating: Answers['heating'] = h.housing?.heating ?? '';
  if (situations.includes('district-heating')) heating = heating || 'district';
  if (situations.includes('stove-heating')) heating = heating || 'stove';
  const members: Answers['members'] = [];
  for (const m of h.members) {
    if (m.incomes === undefined || m.disability === undefined) return null;
    const incomes: Answers['members'][number]['incomes'] = {};
    for (const i of m.incomes) {
      if (incomes[i.type] !== undefined) return null;
      if (i.monthly > 0) incomes[i.type] = centsToInput(Math.round(i.monthly * 100));
    }
    members.push({
      ...emptyMember(),
      age: String(m.age),
      pensioner: m.pensioner ?? false,
      student: m.student ?? false,
      needsCare: m.needsCare ?? false,
      disability: m.disability ?? 'none',
      incomes,
    });
  }
  const money = (v: number | null | undefined) =>
    v === null || v === undefined ? '' : centsToInput(Math.round(v * 100));
  const derived = new Set<string>(DERIVED_SITUATIONS);
  if (situations.some((s) => !derived.has(s) && !(HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR as readonly string[]).includes(s)))
    return null;
  const other = h.assets?.otherRealEstate;
  return {
    members,
    savings: money(h.assets?.savings),
    otherRealEstate: other === true ? 'yes' : other === false ? 'no' : '',
    vehicles: h.assets?.vehicles === null || h.assets?.vehicles === undefined ? '' : String(h.assets.vehicles),
    housingCosts: money(h.housing?.costsMonthly),
    heating: heating === '' ? 'other' : heating,
    situations: HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR.filter((s) => situations.includes(s)),
  };
}

/**
 * The one-page form's fields ↔ answers (no-JS route). Reads through two small functions so it
 * works with FormData and URLSearchParams alike; unknown fields are ignored, overlong ones cut.
 */
import { clampMembers, emptyMember, type Answers, type MemberAnswers } from './answers.ts';
import { field } from './fields.ts';
import { HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR, INCOME_TYPE_LIST } from './vocabulary.ts';

export interface FieldReader {
  get(name: string): string | null;
  getAll(name: string): string[];
}

const oneOf = <T extends string>(v: string | null, allowed: readonly T[]): T | '' =>
  allowed.includes(v as T) ? (v as T) : '';

export function answersFromFields(form: FieldReader): Answers {
  const text = (name: string, max = 20) => (form.get(name) ?? '').slice(0, max);
  const n = clampMembers(form.get(field.memberCount));
  const members: MemberAnswers[] = [];
  for (let i = 0; i < n; i++) {
    const incomes: MemberAnswers['incomes'] = {};
    for (const type of INCOME_TYPE_LIST) {
      const v = text(field.income(i, type));
      if (v.trim() !== '') incomes[type] = v;
    }
    members.push({
      ...emptyMember(),
      age: text(field.age(i), 6),
      pensioner: form.get(field.pensioner(i)) === 'yes',
      student: form.get(field.student(i)) === 'yes',
      needsCare: form.get(field.needsCare(i)) === 'yes',
      disability: oneOf(form.get(field.disability(i)), ['none', 'I', 'II', 'III'] as const),
      incomes,
    });
  }
  const situations = form.getAll(field.situation);
  return {
    members,
    savings: text(field.savings),
    otherRealEstate: oneOf(form.get(field.otherRealEstate), ['yes', 'no'] as const),
    vehicles: text(field.vehicles, 6),
    housingCosts: text(field.housingCosts),
    heating: oneOf(form.get(field.heating), ['district', 'stove', 'other'] as const),
    situations: HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR.filter((s) => situations.includes(s)),
  };
}

/** Answers → form fields as a browser would post them (tests; unchecked boxes are absent). */
export function answersToFields(a: Answers): [string, string][] {
  const out: [string, string][] = [[field.memberCount, String(a.members.length)]];
  a.members.forEach((m, i) => {
    out.push([field.age(i), m.age]);
    if (m.disability) out.push([field.disability(i), m.disability]);
    if (m.pensioner) out.push([field.pensioner(i), 'yes']);
    if (m.student) out.push([field.student(i), 'yes']);
    if (m.needsCare) out.push([field.needsCare(i), 'yes']);
    for (const type of INCOME_TYPE_LIST) out.push([field.income(i, type), m.incomes[type] ?? '']);
  });
  out.push([field.savings, a.savings], [field.vehicles, a.vehicles], [field.housingCosts, a.housingCosts]);
  if (a.otherRealEstate) out.push([field.otherRealEstate, a.otherRealEstate]);
  if (a.heating) out.push([field.heating, a.heating]);
  for (const s of a.situations) out.push([field.situation, s]);
  return out;
}

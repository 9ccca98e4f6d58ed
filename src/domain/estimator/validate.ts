/**
 * Validation of the estimator's answers, per step (island) or all at once (no-JS route).
 * Errors are values, in the shape every form shares (field-error.ts): `path` is the field's name,
 * which is also its element id (the error summary links to it), and `key` an i18n key in the
 * `estimator` namespace with its params. The island and the server both run this, so both say
 * the same thing.
 */
import type { FieldError } from '../field-error.ts';
import type { Answers } from './answers.ts';
import { field } from './fields.ts';
import { parseEuroCents, parseWhole, type Parsed } from './numbers.ts';
import { INCOME_TYPE_LIST } from './vocabulary.ts';

export const STEPS = ['municipality', 'members', 'incomes', 'assets', 'housing', 'situations'] as const;
export type StepId = (typeof STEPS)[number];

const MAX_AGE = 120;
const MAX_VEHICLES = 50;

const err = (path: string, key: string, params?: Record<string, string | number>): FieldError =>
  params ? { path, key, params } : { path, key };
const failed = (p: Parsed): string | null => (p.ok ? null : p.reason);

function members(a: Answers): FieldError[] {
  const out: FieldError[] = [];
  a.members.forEach((m, i) => {
    const person = i + 1;
    const age = failed(parseWhole(m.age, 0, MAX_AGE));
    if (age) out.push(err(field.age(i), `error.age.${age}`, { person, max: MAX_AGE }));
    if (m.disability === '') out.push(err(field.disability(i), 'error.disability.empty', { person }));
  });
  return out;
}

function incomes(a: Answers): FieldError[] {
  const out: FieldError[] = [];
  a.members.forEach((m, i) => {
    for (const type of INCOME_TYPE_LIST) {
      const text = m.incomes[type] ?? '';
      if (text.trim() === '') continue; // blank = no income of this type
      const why = failed(parseEuroCents(text));
      if (why) out.push(err(field.income(i, type), `error.money.${why}`, { person: i + 1, type }));
    }
  });
  return out;
}

function money(text: string, id: string, what: string): FieldError[] {
  const why = failed(parseEuroCents(text));
  return why ? [err(id, `error.${what}.${why === 'empty' ? 'empty' : 'money'}`, { reason: why })] : [];
}

function assets(a: Answers): FieldError[] {
  const out = money(a.savings, field.savings, 'savings');
  if (a.otherRealEstate === '') out.push(err(field.otherRealEstate, 'error.otherRealEstate.empty'));
  const v = failed(parseWhole(a.vehicles, 0, MAX_VEHICLES));
  if (v)
    out.push(
      err(field.vehicles, v === 'empty' ? 'error.vehicles.empty' : 'error.vehicles.number', { max: MAX_VEHICLES }),
    );
  return out;
}

function housing(a: Answers): FieldError[] {
  const out = money(a.housingCosts, field.housingCosts, 'housingCosts');
  if (a.heating === '') out.push(err(field.heating, 'error.heating.empty'));
  return out;
}

export function validateStep(step: StepId, a: Answers): FieldError[] {
  switch (step) {
    case 'members':
      return members(a);
    case 'incomes':
      return incomes(a);
    case 'assets':
      return assets(a);
    case 'housing':
      return housing(a);
    case 'municipality':
    case 'situations':
      return [];
  }
}

/** Every step, in the order the one-page form shows the fields. */
export function validateAll(a: Answers): FieldError[] {
  const byStep = STEPS.map((s) => validateStep(s, a));
  // The one-page form shows each member's incomes right after the member: keep that order.
  const m = byStep[1]!;
  const inc = byStep[2]!;
  const perMember = a.members.flatMap((_, i) => [...m, ...inc].filter((e) => e.path.startsWith(`m${i}-`)));
  return [...perMember, ...byStep.slice(3).flat()];
}

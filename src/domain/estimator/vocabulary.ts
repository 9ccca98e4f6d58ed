/**
 * The lists the estimator asks about, kept as plain constants so the island does not import the
 * zod schemas at runtime. test/estimator/vocabulary.test.ts checks they equal the schemas' lists
 * (INCOME_TYPES in src/domain/schemas/household.ts, HOUSEHOLD_SITUATIONS in catalogue.ts).
 */
import type { HouseholdSituation, IncomeType } from '../schemas/index.ts';
import { NOT_COUNTED_INCOME_TYPES } from '../schemas/vocabulary.ts';

export type IncomeTypeId = IncomeType;

/**
 * Income types in the order the form asks them. SPSPL Art. 5 [S24][S25]: the second group is not
 * counted (stipends and a child's earnings only up to the minimum wage; the engine does the sums).
 */
export const COUNTED_INCOME_TYPES = [
  'salary',
  'self-employment',
  'pension',
  'disability-pension',
  'unemployment-benefit',
  'sickness-or-parental-benefit',
  'maintenance-received',
  'income-tax-refund',
  'other',
] as const satisfies readonly IncomeType[];

/** SPSPL Art. 5 as published by municipalities [S24], in the order of that list (one list: schemas/vocabulary.ts). */
export { NOT_COUNTED_INCOME_TYPES };

export const INCOME_TYPE_LIST: readonly IncomeType[] = [...COUNTED_INCOME_TYPES, ...NOT_COUNTED_INCOME_TYPES];

/**
 * Situations the last step offers. Heating is asked with the housing costs (the engine derives
 * the `district-heating` / `stove-heating` situations from `housing.heating`).
 */
export const HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR = [
  'new-baby',
  'death-in-family',
  'crisis',
  'unforeseen-expense',
  'leaving-prison',
  'leaving-care',
  'homeless',
  'violence',
  'caring-for-someone',
  'needs-help-at-home',
  'wheelchair-user',
  'guardian-of-adult',
  'foster-family',
] as const satisfies readonly HouseholdSituation[];
export type EstimatorSituation = (typeof HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR)[number];

/** Situations the household schema knows that the estimator derives from other answers. */
export const DERIVED_SITUATIONS = [
  'district-heating',
  'stove-heating',
] as const satisfies readonly HouseholdSituation[];

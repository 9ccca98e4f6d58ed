/**
 * The lists the estimator asks about, derived from the plain constants of schemas/vocabulary.ts
 * (the same lists the zod schemas are built from), so the island does not load zod.
 */
import type { HouseholdSituation, IncomeType } from '../schemas/index.ts';
import { HOUSEHOLD_SITUATIONS, INCOME_TYPES, NOT_COUNTED_INCOME_TYPES } from '../schemas/vocabulary.ts';

export type IncomeTypeId = IncomeType;

const notCounted = new Set<IncomeType>(NOT_COUNTED_INCOME_TYPES);

/**
 * Income types in the order the form asks them: first those the means test counts (in the order
 * of INCOME_TYPES), then those SPSPL Art. 5 leaves out [S24][S25], in the order of that list
 * (stipends and a child's earnings only up to the minimum wage; the engine does the sums).
 */
export const COUNTED_INCOME_TYPES: readonly IncomeType[] = INCOME_TYPES.filter((t) => !notCounted.has(t));
export { NOT_COUNTED_INCOME_TYPES };

export const INCOME_TYPE_LIST: readonly IncomeType[] = [...COUNTED_INCOME_TYPES, ...NOT_COUNTED_INCOME_TYPES];

/** Situations the household schema knows that the estimator derives from `housing.heating`. */
export const DERIVED_SITUATIONS = [
  'district-heating',
  'stove-heating',
] as const satisfies readonly HouseholdSituation[];
type DerivedSituation = (typeof DERIVED_SITUATIONS)[number];
export type EstimatorSituation = Exclude<HouseholdSituation, DerivedSituation>;

const derived = new Set<HouseholdSituation>(DERIVED_SITUATIONS);

/** Situations the last step offers, in the order of HOUSEHOLD_SITUATIONS: all but the derived ones. */
export const HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR: readonly EstimatorSituation[] = HOUSEHOLD_SITUATIONS.filter(
  (s): s is EstimatorSituation => !derived.has(s),
);

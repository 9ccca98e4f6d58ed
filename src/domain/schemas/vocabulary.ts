/**
 * Closed lists of the catalogue vocabulary as plain constants, without zod: browser code (the
 * rules engine inside the estimator island) can use them without loading zod, which would break
 * the estimator page's 35 KB JavaScript budget. catalogue.ts builds its schemas from them.
 */

/** Life situations: entry points on the home page and the filter on lists. */
export const LIFE_SITUATIONS = [
  'low-income',
  'housing-costs',
  'new-baby',
  'children-family',
  'school',
  'illness-disability',
  'old-age-care',
  'death-in-family',
  'crisis',
  'violence',
  'job-loss',
  'leaving-prison',
  'leaving-care',
  'homelessness',
  'caring-for-relative',
] as const;

/** Target groups: the second filter on lists. */
export const TARGET_GROUPS = [
  'any-resident',
  'needy-low-income',
  'families-with-children',
  'large-families',
  'children-with-disability',
  'persons-with-disability',
  'pensioners',
  'orphans',
  'foster-guardians',
  'unemployed',
  'homeless',
  'released-prisoners',
  'violence-victims',
] as const;

/**
 * Facts about a household that `situation` conditions may require. The estimator asks them as
 * yes/no questions in this order, except the heating ones, which it derives from how the home is
 * heated (src/domain/estimator/vocabulary.ts).
 */
export const HOUSEHOLD_SITUATIONS = [
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
  'district-heating',
  'stove-heating',
] as const;

/**
 * Income types of the estimator, the engine and the social-assistance form, in the order the
 * form offers them. SPSPL Art. 5 decides which of them count (src/domain/engine/income.ts).
 */
export const INCOME_TYPES = [
  'salary',
  'self-employment',
  'pension',
  'disability-pension',
  'unemployment-benefit',
  'sickness-or-parental-benefit',
  'maintenance-received',
  'state-family-benefit',
  'disability-care-benefit',
  'childbirth-benefit',
  'stipend',
  'charity',
  'assistant-allowance',
  'mobility-transport-benefit',
  'coeliac-child-benefit',
  'orphan-guarantees',
  'student-loan',
  'employment-measure-support',
  'crime-victim-compensation',
  'blood-donor-payment',
  'refugee-one-off-support',
  'municipal-benefit',
  'income-tax-refund',
  'other',
] as const;

/**
 * Income that SPSPL Art. 5 leaves out of the means test [S24][S25], in the order of that list.
 * `stipend` is left out only up to the minimum wage (the engine counts the part above it).
 */
export const NOT_COUNTED_INCOME_TYPES = [
  'state-family-benefit',
  'disability-care-benefit',
  'assistant-allowance',
  'mobility-transport-benefit',
  'coeliac-child-benefit',
  'childbirth-benefit',
  'orphan-guarantees',
  'student-loan',
  'stipend',
  'employment-measure-support',
  'crime-victim-compensation',
  'blood-donor-payment',
  'charity',
  'refugee-one-off-support',
  'municipal-benefit',
] as const satisfies readonly (typeof INCOME_TYPES)[number][];

/** Not counted only up to the minimum wage; the part above it counts. */
export const NOT_COUNTED_UP_TO_MINIMUM_WAGE = [
  'stipend',
] as const satisfies readonly (typeof NOT_COUNTED_INCOME_TYPES)[number][];

/**
 * The national parameter lists in parameters.yaml that are dated entries (every key but
 * `thresholdAmounts`). The engine names the parameters a result used from this same list.
 */
export const DATED_PARAMETERS = [
  'thresholds',
  'personCoefficients',
  'housingCoefficients',
  'housingChildrenRule',
  'housingRounding',
  'savingsCap',
  'vehicleLimit',
  'minimumWage',
] as const;

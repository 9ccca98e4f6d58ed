/**
 * The names of the dated parameters, kept apart from parameters-on.ts so that the result types
 * (types.ts) can name them without importing the code that reads the parameters.
 */
import { DATED_PARAMETERS } from '../schemas/vocabulary.ts';

/** A dated parameter a result can use, by its name in the data: a national dated list or the municipality's low-income threshold. */
export type ParameterName = (typeof DATED_PARAMETERS)[number] | 'lowIncomeThreshold';

// The municipality's low-income threshold is listed right after the person coefficients: with
// the national thresholds, they make up a household's threshold.
const afterCoefficients = DATED_PARAMETERS.indexOf('personCoefficients') + 1;

/** Every ParameterName, in the order results list them. */
export const PARAMETER_NAMES: readonly ParameterName[] = [
  ...DATED_PARAMETERS.slice(0, afterCoefficients),
  'lowIncomeThreshold',
  ...DATED_PARAMETERS.slice(afterCoefficients),
];

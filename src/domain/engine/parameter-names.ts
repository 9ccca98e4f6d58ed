/**
 * The names of the dated parameters, kept apart from parameters-on.ts so that the result types
 * (types.ts) can name them without importing the code that reads the parameters.
 */
import { DATED_PARAMETERS } from '../schemas/vocabulary.ts';

const [thresholds, personCoefficients, ...housingAndAssets] = DATED_PARAMETERS;

/**
 * The dated parameters a result can use, by their name in the data: the national dated lists and
 * the municipality's low-income threshold, in the order results list them.
 */
export const PARAMETER_NAMES = [thresholds, personCoefficients, 'lowIncomeThreshold', ...housingAndAssets] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

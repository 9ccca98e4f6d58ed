/**
 * The names of the dated parameters, kept apart from parameters-on.ts so that the result types
 * (types.ts) can name them without importing the code that reads the parameters.
 */
/** The dated national (and municipal) parameters a result can use, by their name in the data. */
export const PARAMETER_NAMES = [
  'thresholds',
  'personCoefficients',
  'lowIncomeThreshold',
  'housingCoefficients',
  'housingChildrenRule',
  'housingRounding',
  'savingsCap',
  'vehicleLimit',
  'minimumWage',
] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];

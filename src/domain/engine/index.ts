/**
 * The rules engine: pure TypeScript (no Astro, Preact or Node; no clock — the date is input; no
 * locale — reasons are i18n keys). Shared by the estimator island, the no-JS route and the CLI.
 *
 * Stable API (other code depends on it — extend, don't break):
 *
 *   parseHousehold(json: unknown)
 *     → { ok: true, value: Household } | { ok: false, errors: { path, key }[] }
 *     Input shape: HouseholdInput (src/domain/schemas/household.ts), euros as numbers; the
 *     value has integer cents. `key` is an i18n key in the `rules` namespace
 *     (`rules:household.error.negative`), `path` the dotted field (`members.0.incomes.1.monthly`).
 *
 *   evaluate(household: Household, ctx: EvaluationContext): Estimate
 *     ctx = { municipality: Municipality, items: publishedItemsFor(catalogue, municipality),
 *             parameters: NationalParameters (src/data/national/parameters.yaml) }
 *     Throws ParametersError only for a date before the parameters begin (parseHousehold
 *     already rejects dates before 2021-01-01).
 *
 *   Estimate (types.ts): money in integer cents; stable strings:
 *     status / incomeStatus: 'needy' | 'low-income' | 'none' | 'unknown'
 *     verdict: 'likely' | 'possible' | 'unlikely' | 'unknown'
 *     thresholds.{gmi,needy,lowIncome,lowIncomeMax}: { firstCents, othersCents, others, totalCents }
 *     gmi / housing / crisis / benefits[] / services[] / documents[] each with reasons.
 *
 *   Estimate.provisional / provisionalParameters: a provisional parameter (or a date past the last
 *     published thresholds) was used; Estimate.basis: { latestKnownFrom, beyondKnownPeriod, reason }.
 *   thresholdBasis(parameters, date): the same basis for a page that has no household.
 *
 *   Reason = { key, params } — text at `rules:<key>`; params named `...Cents` are money in cents
 *   (format with formatReasonParams(params, c => formatMoney(c, locale))). See reasons.ts.
 */
export { evaluate, thresholdBasis, type EvaluationContext } from './evaluate.ts';
export { PARAMETER_NAMES, type ParameterName } from './parameter-names.ts';
export { ParametersError } from './parameters-on.ts';
export {
  REASON_PARAMS,
  reason,
  formatReasonParams,
  type Reason,
  type ReasonKey,
  type ReasonParams,
} from './reasons.ts';
export { gmiAmountCents } from './gmi.ts';
export { housingAmountCents, housingTypeOf } from './housing.ts';
export {
  parseHousehold,
  householdInputSchema,
  type Household,
  type HouseholdInput,
  type HouseholdError,
  type ParseResult,
} from '../schemas/household.ts';
export type * from './types.ts';

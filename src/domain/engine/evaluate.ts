/** evaluate(household, ctx): the whole estimate, composed from the small rule modules. */
import type { CatalogueItem, Household, Municipality, NationalParameters } from '../schemas/index.ts';
import { assetTest } from './assets.ts';
import { situationsOf, type ConditionContext } from './conditions.ts';
import { mergeDocuments } from './documents.ts';
import { factsOf } from './facts.ts';
import { gmiBenefit } from './gmi.ts';
import { housingBenefit } from './housing.ts';
import { countIncome } from './income.ts';
import { evaluateItem, type ConditionMemo } from './items.ts';
import { inForce } from './dated.ts';
import { PARAMETER_NAMES, type ParameterName } from './parameter-names.ts';
import { ParametersError, parametersOnCached, type ParametersOn } from './parameters-on.ts';
import { prepare } from './prepared.ts';
import { reason, type Reason } from './reasons.ts';
import { suggestServices } from './services.ts';
import { statusOf } from './status.ts';
import { thresholdReason, thresholdSum } from './thresholds.ts';
import type { AssetsResult, Estimate, HousingResult, IncomeResult, ParameterBasis, Verdict } from './types.ts';

export interface EvaluationContext {
  municipality: Municipality;
  /** The municipality's published items (publishedItemsFor). */
  items: readonly CatalogueItem[];
  parameters: NationalParameters;
}

/** Crisis benefit: granted without assessing income or property [S46]; the municipality sets the amount. */
function crisisBenefit(h: Household): { verdict: Verdict; reasons: Reason[] } {
  if (h.situations === null) return { verdict: 'unknown', reasons: [reason('crisis.unknown')] };
  return h.situations.includes('crisis')
    ? { verdict: 'possible', reasons: [reason('crisis.stated')] }
    : { verdict: 'unlikely', reasons: [reason('crisis.notStated')] };
}

/** Noted by parametersOn already, or by the asset test's own note (savings, vehicles, property). */
const ALREADY_NOTED = new Set<ParameterName>(['thresholds', 'lowIncomeThreshold', 'savingsCap', 'vehicleLimit']);

/** The provisional parameters this household's result actually depends on, in PARAMETER_NAMES order. */
function provisionalUsed(
  p: ParametersOn,
  income: IncomeResult,
  assets: AssetsResult,
  housing: HousingResult,
): ParameterName[] {
  const used = new Set<ParameterName>(['thresholds', 'personCoefficients', ...housing.uses]);
  if (p.lowIncome) used.add('lowIncomeThreshold');
  if (income.usesMinimumWage) used.add('minimumWage');
  for (const c of assets.checks) {
    if (c.check === 'savings') used.add('savingsCap');
    if (c.check === 'vehicles') used.add('vehicleLimit');
  }
  return PARAMETER_NAMES.filter((n) => used.has(n) && p.provisionalParams.has(n));
}

/**
 * For pages (no household): which threshold period is used on `date`, and whether it is past the
 * last published one (then `reason` is the sentence to show). Same answer as Estimate.basis.
 */
export function thresholdBasis(parameters: NationalParameters, date: string): ParameterBasis {
  const t = inForce(parameters.thresholds, date);
  if (!t) throw new ParametersError(`No thresholds in force on ${date}`);
  return basisOf({ thresholds: t.entry, thresholdsFrom: t.entry.from, thresholdsExtrapolated: t.extrapolated }, date);
}

/** The threshold period the result uses, and the sentence to show when it is past the last published one. */
function basisOf(
  p: Pick<ParametersOn, 'thresholds' | 'thresholdsFrom' | 'thresholdsExtrapolated'>,
  date: string,
): ParameterBasis {
  const beyond = p.thresholdsExtrapolated;
  return {
    latestKnownFrom: p.thresholdsFrom,
    latestKnownTo: p.thresholds.to ?? null,
    beyondKnownPeriod: beyond,
    reason: beyond
      ? reason('basis.beyondKnown', { year: date.slice(0, 4), knownYear: p.thresholdsFrom.slice(0, 4) })
      : null,
  };
}

export function evaluate(household: Household, ctx: EvaluationContext): Estimate {
  const p = parametersOnCached(ctx.parameters, ctx.municipality, household.date);
  const facts = factsOf(household);
  const n = facts.members;
  const gmi = thresholdSum(p.thresholds.gmi, n);
  const needy = thresholdSum(p.thresholds.needy, n);
  const lowIncomeMax = thresholdSum(p.thresholds.lowIncomeMax, n);
  const lowIncome = p.lowIncome ? thresholdSum(p.lowIncome, n) : null;

  const income = countIncome(household, p.minimumWageCents);
  const assets = assetTest(household, p.assets, facts.children);
  const status = statusOf(income, assets, needy, lowIncome, lowIncomeMax);
  const gmiResult = gmiBenefit(status.status, income, assets, gmi);
  const housing = housingBenefit(
    household,
    facts,
    status.status,
    income,
    assets,
    gmi,
    gmiResult.verdict === 'unlikely' ? 0 : (gmiResult.amountCents ?? 0),
    p.housing,
  );

  const x: ConditionContext = {
    household,
    situations: situationsOf(household),
    facts,
    status: status.status,
    incomeStatus: status.incomeStatus,
    income,
    assets,
  };
  const prepared = prepare(ctx.items);
  const year = Number(household.date.slice(0, 4));
  const memo: ConditionMemo = new Array(prepared.conditionCount);
  const on = prepared.ruledAmountsOn(household.date);
  const benefits = prepared.ruled.map((p, i) => evaluateItem(p, x, gmiResult, housing, year, memo, on[i]!));
  const provisionalParameters = provisionalUsed(p, income, assets, housing);
  const notes = [...p.notes];
  // Thresholds and the municipal threshold already have their note (parametersOn).
  for (const what of provisionalParameters)
    if (!ALREADY_NOTED.has(what)) notes.push(reason('parameters.provisional', { what }));
  if (assets.provisional) notes.push(reason('assets.savings.provisional'));

  return {
    date: household.date,
    municipality: ctx.municipality.id,
    provisional: p.provisional || housing.provisional || provisionalParameters.length > 0 || income.disputed,
    provisionalParameters,
    basis: basisOf(p, household.date),
    notes,
    members: n,
    children: facts.children,
    thresholds: {
      gmi,
      needy,
      lowIncome,
      lowIncomeMax,
      reasons: [
        thresholdReason('gmi', gmi),
        thresholdReason('needy', needy),
        lowIncome ? thresholdReason('lowIncome', lowIncome) : reason('threshold.lowIncome.unknown'),
      ],
    },
    income,
    status: status.status,
    incomeStatus: status.incomeStatus,
    statusReasons: status.reasons,
    assets,
    gmi: gmiResult,
    housing,
    crisis: crisisBenefit(household),
    benefits,
    services: suggestServices(prepared.services, x),
    documents: mergeDocuments(prepared, benefits),
  };
}

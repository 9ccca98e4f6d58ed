/**
 * Housing benefit (mājokļa pabalsts). SPSPL Art. 35 [S30][S31]:
 *   Pmaj = (GMI1 + GMI2 × N) × K + E − I
 * K by household type (Art. 35(5), dated parameters), E the housing costs (capped by MK 809
 * Annex 3 or municipal norms — not stored, so the engine uses the stated costs and says so),
 * I the counted income including the GMI benefit paid that month. Never below 0. No source caps
 * the benefit itself at the housing costs, so the engine does not: only E is limited (by the norms).
 * From 28.02.2026 households with children under 18 (or under 24 in education) may also claim it
 * [S36][S38] (provisional: the legal wording is truncated in the stored pages).
 */
import type { Household, HousingCoefficientsEntry, HousingHouseholdType } from '../schemas/index.ts';
import type { Facts } from './facts.ts';
import type { ParameterName } from './parameter-names.ts';
import { reason, type Reason } from './reasons.ts';
import type { AssetsResult, HouseholdStatus, HousingResult, IncomeResult, ThresholdSum, Verdict } from './types.ts';

export interface HousingParams {
  coefficients: HousingCoefficientsEntry | null;
  coefficientsProvisional: boolean;
  /**
   * Households with children up to `childMaxAge`, or young people up to `studentMaxAge` still in
   * education, may claim from `from` (null: no such rule in the parameters).
   */
  childrenRule: {
    from: string;
    provisional: boolean;
    inForce: boolean;
    childMaxAge: number;
    studentMaxAge: number;
  } | null;
  floorEuro: boolean;
  /** The rounding rule in force is not confirmed by a source. */
  roundingProvisional: boolean;
}

/** Art. 35(5): which coefficient applies. `ruleChildren`: children and students the children rule in force counts (0 when not in force). */
export function housingTypeOf(f: Facts, ruleChildren: number): HousingHouseholdType {
  if (f.members === 1 && f.pensionerOrDisabledOnly) return 'pensionerOrDisabledAlone';
  if (f.pensionerOrDisabledOnly) return 'pensionerOrDisabledOnly';
  if (f.pensionerOrDisabledWithChildren) return 'pensionerOrDisabledWithChildren';
  if (ruleChildren > 0) return 'pensionerOrDisabledWithChildren';
  return 'other';
}

/** Children and young people in education as the children rule's ages (from the parameters) define them. */
function ruleChildrenOf(h: Household, rule: { childMaxAge: number; studentMaxAge: number }): number {
  let n = 0;
  for (const m of h.members) if (m.age <= rule.childMaxAge || (m.student && m.age <= rule.studentMaxAge)) n++;
  return n;
}

/** SPSPL Art. 35: (GMI sum × K) + costs − (income + GMI paid), before the limits below. */
function housingFormulaCents(gmiSumCents: number, k: number, costsCents: number, incomeWithGmiCents: number): number {
  return Math.round((gmiSumCents * Math.round(k * 100)) / 100) + costsCents - incomeWithGmiCents;
}

/**
 * The benefit: the formula as written, never below 0; whole euro rounded down where the parameters
 * say so. It may exceed the housing costs (e.g. a needy household with low costs): the law limits E,
 * the costs that count, not the result.
 */
export function housingAmountCents(
  gmiSumCents: number,
  k: number,
  costsCents: number,
  incomeWithGmiCents: number,
  floorEuro: boolean,
): number {
  const raw = housingFormulaCents(gmiSumCents, k, costsCents, incomeWithGmiCents);
  if (raw <= 0) return 0;
  return floorEuro ? Math.floor(raw / 100) * 100 : raw;
}

export function housingBenefit(
  h: Household,
  f: Facts,
  status: HouseholdStatus,
  income: IncomeResult,
  assets: AssetsResult,
  gmi: ThresholdSum,
  gmiPaidCents: number,
  p: HousingParams,
): HousingResult {
  const childrenRuleInForce = p.childrenRule?.inForce === true;
  const ruleChildren = p.childrenRule ? ruleChildrenOf(h, p.childrenRule) : 0;
  const withChildren = childrenRuleInForce && ruleChildren > 0;
  const type = housingTypeOf(f, childrenRuleInForce ? ruleChildren : 0);
  const k = p.coefficients ? p.coefficients[type] : null;
  const usesChildrenRule =
    withChildren && type === 'pensionerOrDisabledWithChildren' && !f.pensionerOrDisabledWithChildren;
  const childrenRuleUsed = usesChildrenRule || (withChildren && status !== 'needy' && status !== 'low-income');
  const reasons: Reason[] = [];
  // Parameters the result depends on: K once the formula runs, the rounding rule when it changed the amount.
  const uses: ParameterName[] = childrenRuleUsed ? ['housingChildrenRule'] : [];
  const done = (verdict: Verdict, amountCents: number | null): HousingResult => {
    const provisional =
      childrenRuleUsed ||
      (uses.includes('housingCoefficients') && p.coefficientsProvisional) ||
      (uses.includes('housingRounding') && p.roundingProvisional);
    return { verdict, amountCents, coefficient: k, householdType: type, provisional, uses, reasons };
  };

  if (k !== null) {
    reasons.push(
      usesChildrenRule
        ? reason('housing.type.withChildrenFrom', { coefficient: k, fromDate: p.childrenRule!.from })
        : reason(`housing.type.${type}`, { coefficient: k }),
    );
  }
  // Who may claim: needy or low-income households; from 28.02.2026 also households with children.
  let eligibility: Verdict;
  if (assets.result === 'fail') eligibility = 'unlikely';
  else if (status === 'needy' || status === 'low-income')
    eligibility = assets.result === 'pass' ? 'likely' : 'possible';
  else if (withChildren) {
    eligibility = income.known ? 'possible' : 'unknown';
    reasons.push(reason('housing.children.eligible', { fromDate: p.childrenRule!.from }));
  } else if (status === 'unknown') eligibility = income.known ? 'possible' : 'unknown';
  else eligibility = 'unlikely';
  if (eligibility === 'unlikely') {
    reasons.push(reason('housing.notEligible'));
    if (ruleChildren > 0 && p.childrenRule && !childrenRuleInForce && h.date < p.childrenRule.from) {
      reasons.push(reason('housing.children.notYet', { fromDate: p.childrenRule.from }));
    }
    return done('unlikely', 0);
  }
  if (k === null) return (reasons.push(reason('housing.noCoefficient')), done('unknown', null));
  if (!income.known) return done('unknown', null);
  const costsCents = h.housing.costsCents;
  if (costsCents === null) return (reasons.push(reason('housing.costsUnknown')), done('unknown', null));

  const incomeCents = income.countedCents + gmiPaidCents;
  const formulaCents = housingFormulaCents(gmi.totalCents, k, costsCents, incomeCents);
  const amountCents = housingAmountCents(gmi.totalCents, k, costsCents, incomeCents, p.floorEuro);
  const params = { gmiSumCents: gmi.totalCents, coefficient: k, costsCents, incomeCents };
  uses.push('housingCoefficients');
  if (amountCents > 0 && amountCents !== formulaCents) uses.push('housingRounding');
  if (gmiPaidCents > 0) reasons.push(reason('housing.incomeIncludesGmi', { incomeCents, gmiCents: gmiPaidCents }));
  reasons.push(
    formulaCents > 0
      ? reason('housing.amount', { ...params, amountCents: formulaCents })
      : reason('housing.zero', params),
  );
  if (amountCents > 0 && amountCents !== formulaCents) reasons.push(reason('housing.rounded', { amountCents }));
  if (p.coefficients?.temporary && p.coefficients.to)
    reasons.push(reason('housing.temporaryUntil', { toDate: p.coefficients.to }));
  if (p.coefficientsProvisional) reasons.push(reason('housing.provisionalCoefficient', { coefficient: k }));
  reasons.push(reason('housing.costNorms'), reason('housing.declaredResidence'));
  return done(amountCents > 0 ? eligibility : 'unlikely', amountCents);
}

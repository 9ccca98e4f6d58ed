/**
 * A verdict for every catalogue item with `eligibility`: the weakest of its conditions, with the
 * amount for this household where the rule gives one. GMI and housing benefit take the verdict
 * and amount of the law's formulas (gmi.ts, housing.ts), which know more than a condition list.
 */
import type { CatalogueItem } from '../schemas/index.ts';
import { amountOn, itemAmount, relevantChildren } from './amounts.ts';
import { evaluateCondition, weakest, type ConditionContext } from './conditions.ts';
import { reason, type Reason } from './reasons.ts';
import type { GmiResult, HousingResult, ItemAmount, ItemResult, Verdict } from './types.ts';

const FORMULA_BY_ID: Record<string, 'gmi' | 'housing-benefit'> = { gmi: 'gmi', 'housing-benefit': 'housing-benefit' };

function formulaResult(f: 'gmi' | 'housing-benefit', gmi: GmiResult, housing: HousingResult, year: number): { verdict: Verdict; amount: ItemAmount | null; reasons: Reason[] } {
  const r = f === 'gmi' ? gmi : housing;
  const amount: ItemAmount | null =
    r.amountCents === null ? null : { cents: r.amountCents, per: 'month', upTo: false, certainty: f === 'housing-benefit' && housing.provisional ? 'unverified' : 'verified', year };
  return { verdict: r.verdict, amount, reasons: r.reasons };
}

export function evaluateItem(item: CatalogueItem, x: ConditionContext, gmi: GmiResult, housing: HousingResult): ItemResult {
  const entry = amountOn(item.amounts, x.household.date);
  const formula = entry?.rule.type === 'formula' ? entry.rule.formula : FORMULA_BY_ID[item.id];
  if (formula) {
    const r = formulaResult(formula, gmi, housing, Number(x.household.date.slice(0, 4)));
    return { id: item.id, kind: item.kind, ...r };
  }
  const results = (item.eligibility ?? []).map((c) => evaluateCondition(c, x));
  let verdict = weakest(results.map((r) => r.verdict));
  // Nothing about the household is tested (only "conditions not stored"): the estimator cannot tell.
  const nothingKnown = (item.eligibility ?? []).every((c) => c.type === 'assessment' && c.about === 'not-stored');
  if (nothingKnown && verdict === 'possible') verdict = 'unknown';
  const reasons: Reason[] = results.flatMap((r) => r.reasons);
  if (item.status.kind === 'unconfirmed' || item.status.kind === 'seed-only' || item.status.kind === 'suspended') {
    // Not confirmed as running now: never more than `possible`, and `unlikely` when suspended.
    reasons.push(reason(`item.status.${item.status.kind}`));
    verdict = item.status.kind === 'suspended' ? 'unlikely' : weakest([verdict, 'possible']);
  }
  let amount: ItemAmount | null = null;
  if (entry && verdict !== 'unlikely') {
    const a = itemAmount(entry, relevantChildren(item, x.household));
    amount = a.amount;
    reasons.push(...a.reasons);
    if (amount && entry.year < Number(x.household.date.slice(0, 4))) reasons.push(reason('amount.figureYear', { year: entry.year }));
  }
  return { id: item.id, kind: item.kind, verdict, amount, reasons };
}

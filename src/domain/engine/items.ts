/**
 * A verdict for every catalogue item with `eligibility`: the weakest of its conditions, with the
 * amount for this household where the rule gives one. GMI and housing benefit take the verdict
 * and amount of the law's formulas (gmi.ts, housing.ts), which know more than a condition list.
 */
import { itemAmount, relevantChildren, type AmountsOn } from './amounts.ts';
import { evaluateCondition, RANK, type ConditionContext } from './conditions.ts';
import type { PreparedItem } from './prepared.ts';
import { reason, type Reason } from './reasons.ts';
import type { GmiResult, HousingResult, ItemAmount, ItemResult, Verdict } from './types.ts';

function formulaResult(
  f: 'gmi' | 'housing-benefit',
  gmi: GmiResult,
  housing: HousingResult,
  year: number,
): { verdict: Verdict; amount: ItemAmount | null; reasons: Reason[] } {
  const r = f === 'gmi' ? gmi : housing;
  const amount: ItemAmount | null =
    r.amountCents === null
      ? null
      : {
          cents: r.amountCents,
          per: 'month',
          upTo: false,
          certainty: f === 'housing-benefit' && housing.provisional ? 'unverified' : 'verified',
          year,
        };
  return { verdict: r.verdict, amount, reasons: r.reasons };
}

/** { minCents, maxCents } when the variants give different amounts, else null. */
function rangeOf(cents: (number | undefined)[]): { minCents: number; maxCents: number } | null {
  const known = cents.filter((c): c is number => c !== undefined);
  if (known.length < 2) return null;
  const minCents = Math.min(...known);
  const maxCents = Math.max(...known);
  return minCents === maxCents ? null : { minCents, maxCents };
}

/** Condition results of one evaluation, by condition id (prepared.ts): equal conditions are evaluated once. */
export type ConditionMemo = ({ verdict: Verdict; reasons: Reason[] } | undefined)[];

/** `on`: the item's amounts in force on the household's date (Prepared.ruledAmountsOn). */
export function evaluateItem(
  p: PreparedItem,
  x: ConditionContext,
  gmi: GmiResult,
  housing: HousingResult,
  year: number,
  memo: ConditionMemo,
  on: AmountsOn,
): ItemResult {
  const item = p.item;
  const { entry, variants } = on;
  const formula = entry?.rule.type === 'formula' ? entry.rule.formula : p.formulaById;
  if (formula) {
    const r = formulaResult(formula, gmi, housing, year);
    return { id: item.id, kind: item.kind, verdict: r.verdict, amount: r.amount, reasons: r.reasons };
  }
  const reasons: Reason[] = [];
  let verdict: Verdict = 'likely';
  const conditions = item.eligibility ?? [];
  for (let i = 0; i < conditions.length; i++) {
    const id = p.conditionIds[i]!;
    const r = (memo[id] ??= evaluateCondition(conditions[i]!, x));
    if (verdict !== 'unlikely' && RANK[r.verdict] < RANK[verdict]) verdict = r.verdict;
    for (const why of r.reasons) reasons.push(why);
  }
  // Nothing about the household is tested (only "conditions not stored"): the estimator cannot tell.
  if (p.nothingKnown && verdict === 'possible') verdict = 'unknown';
  if (p.statusReason) {
    // Not confirmed as running now: never more than `possible`, and `unlikely` when suspended.
    reasons.push(p.statusReason);
    verdict = item.status.kind === 'suspended' ? 'unlikely' : verdict === 'likely' ? 'possible' : verdict;
  }
  let amount: ItemAmount | null = null;
  if (entry && verdict !== 'unlikely') {
    const children = relevantChildren(item, x.household);
    const range = variants.length > 1 ? rangeOf(variants.map((v) => itemAmount(v, children).amount?.cents)) : null;
    if (range) {
      // Several amounts for different households (e.g. more with 3+ children): give the range, don't guess.
      reasons.push(reason('amount.range', range));
    } else {
      const a = itemAmount(entry, children);
      amount = a.amount;
      for (const r of a.reasons) reasons.push(r);
    }
    if ((amount || range) && entry.year < year) reasons.push(reason('amount.figureYear', { year: entry.year }));
  }
  return { id: item.id, kind: item.kind, verdict, amount, reasons };
}

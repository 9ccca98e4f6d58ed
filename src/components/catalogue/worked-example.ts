/**
 * One worked example for the national formula benefits, computed by the rules engine at build time
 * for the page's date and municipality, so the number follows the data (a new threshold or
 * coefficient entry changes the example without touching the page).
 *   housing benefit: a pensioner living alone, pension 500 €, housing costs 300 € a month
 *   GMI benefit:     a person living alone with 100 € income a month
 */
import { publishedItemsFor } from '#src/data/index.ts';
import { parameters } from '#src/data/parameters.ts';
import { evaluate, parseHousehold, type Estimate } from '#src/domain/engine/index.ts';
import type { Municipality } from '#src/domain/schemas/index.ts';
import { catalogue } from './data.ts';

export type FormulaId = 'gmi' | 'housing-benefit';

const EXAMPLES = {
  'housing-benefit': { age: 70, pensioner: true, incomeType: 'pension', incomeEuro: 500, costsEuro: 300 },
  gmi: { age: 45, pensioner: false, incomeType: 'other', incomeEuro: 100, costsEuro: 0 },
} as const;

interface WorkedExample {
  formula: FormulaId;
  incomeCents: number;
  costsCents: number;
  /** The benefit a month; 0 when the household would get nothing; null when the engine cannot tell. */
  amountCents: number | null;
  /** The engine used a figure that is not confirmed (e.g. a coefficient after a temporary period). */
  provisional: boolean;
}

function estimateFor(formula: FormulaId, m: Municipality, date: string): Estimate {
  const e = EXAMPLES[formula];
  const parsed = parseHousehold({
    date,
    municipality: m.id,
    members: [
      {
        age: e.age,
        pensioner: e.pensioner,
        disability: null,
        student: false,
        incomes: [{ type: e.incomeType, monthly: e.incomeEuro }],
      },
    ],
    housing: { costsMonthly: e.costsEuro, heating: 'district' },
    assets: { savings: 0, realEstateValue: 0, otherRealEstate: false, vehicles: 0 },
    situations: [],
  });
  if (!parsed.ok) throw new Error(`worked example for ${formula}: ${JSON.stringify(parsed.errors)}`);
  return evaluate(parsed.value, { municipality: m, items: publishedItemsFor(catalogue, m), parameters });
}

export function workedExample(formula: FormulaId, m: Municipality, date: string): WorkedExample {
  const e = EXAMPLES[formula];
  const est = estimateFor(formula, m, date);
  // GMI results may carry a provisional flag too (a figure past its confirmed period); housing always does.
  const gmiProvisional = (est.gmi as { provisional?: boolean }).provisional === true;
  return {
    formula,
    incomeCents: e.incomeEuro * 100,
    costsCents: e.costsEuro * 100,
    amountCents: formula === 'gmi' ? est.gmi.amountCents : est.housing.amountCents,
    provisional: formula === 'gmi' ? gmiProvisional : est.housing.provisional,
  };
}

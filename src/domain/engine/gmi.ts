/**
 * GMI benefit. MK 809 [S17][S18]: Pgmi = (GMI1 + GMI2 × N) − I, the difference between the
 * household's GMI threshold sum and its counted income, never below 0; only for needy households.
 * Granted for 3 months (exceptionally 1) [S19].
 */
import { reason } from './reasons.ts';
import type { AssetsResult, GmiResult, HouseholdStatus, IncomeResult, ThresholdSum } from './types.ts';

/** MK 809: threshold sum − counted income, ≥ 0. */
export function gmiAmountCents(gmiSumCents: number, incomeCents: number): number {
  return Math.max(0, gmiSumCents - incomeCents);
}

export function gmiBenefit(
  status: HouseholdStatus,
  income: IncomeResult,
  assets: AssetsResult,
  gmi: ThresholdSum,
): GmiResult {
  if (!income.known) return { verdict: 'unknown', amountCents: null, reasons: [reason('gmi.unknown')] };
  if (status !== 'needy') return { verdict: 'unlikely', amountCents: 0, reasons: [reason('gmi.notNeedy')] };
  const amountCents = gmiAmountCents(gmi.totalCents, income.countedCents);
  const params = { thresholdCents: gmi.totalCents, incomeCents: income.countedCents };
  if (amountCents === 0) return { verdict: 'unlikely', amountCents: 0, reasons: [reason('gmi.zero', params)] };
  return {
    verdict: assets.result === 'pass' ? 'likely' : 'possible',
    amountCents,
    reasons: [reason('gmi.amount', { ...params, amountCents }), reason('gmi.duration')],
  };
}

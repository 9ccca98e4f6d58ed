/**
 * Needy (trūcīga) and low-income (maznodrošināta) status by income. SPSPL Art. 33: a household
 * is needy when its counted monthly income does not exceed the needy threshold sum; low-income
 * when it does not exceed the municipality's threshold (≤ 80 % of the median, set in its binding
 * regulations). The asset test (assets.ts) must also pass.
 */
import { reason, type Reason } from './reasons.ts';
import type { AssetsResult, HouseholdStatus, IncomeResult, ThresholdSum } from './types.ts';

interface StatusResult {
  status: HouseholdStatus;
  incomeStatus: HouseholdStatus;
  reasons: Reason[];
}

function incomeStatusOf(
  income: IncomeResult,
  needy: ThresholdSum,
  lowIncome: ThresholdSum | null,
  lowIncomeMax: ThresholdSum,
): { status: HouseholdStatus; reasons: Reason[] } {
  if (!income.known) return { status: 'unknown', reasons: [reason('status.unknown')] };
  const incomeCents = income.countedCents;
  if (incomeCents <= needy.totalCents)
    return {
      status: 'needy',
      reasons: [reason('status.needy.yes', { incomeCents, thresholdCents: needy.totalCents })],
    };
  const reasons: Reason[] = [reason('status.needy.no', { incomeCents, thresholdCents: needy.totalCents })];
  if (lowIncome) {
    const yes = incomeCents <= lowIncome.totalCents;
    reasons.push(
      reason(yes ? 'status.lowIncome.yes' : 'status.lowIncome.no', {
        incomeCents,
        thresholdCents: lowIncome.totalCents,
      }),
    );
    return { status: yes ? 'low-income' : 'none', reasons };
  }
  // The municipality's threshold is not known; it can be no higher than the national ceiling.
  if (incomeCents > lowIncomeMax.totalCents) {
    reasons.push(reason('status.lowIncome.aboveMax', { incomeCents, maxCents: lowIncomeMax.totalCents }));
    return { status: 'none', reasons };
  }
  reasons.push(reason('status.lowIncome.unknownThreshold', { incomeCents, maxCents: lowIncomeMax.totalCents }));
  return { status: 'unknown', reasons };
}

export function statusOf(
  income: IncomeResult,
  assets: AssetsResult,
  needy: ThresholdSum,
  lowIncome: ThresholdSum | null,
  lowIncomeMax: ThresholdSum,
): StatusResult {
  const byIncome = incomeStatusOf(income, needy, lowIncome, lowIncomeMax);
  const reasons = [...byIncome.reasons];
  let status = byIncome.status;
  if (status !== 'none' && assets.result === 'fail') {
    status = 'none';
    reasons.push(reason('status.assetsFail'));
  } else if ((status === 'needy' || status === 'low-income') && assets.result === 'unknown') {
    reasons.push(reason('status.assetsUnknown'));
  }
  reasons.push(reason('status.decidedBySocialService'));
  return { status, incomeStatus: byIncome.status, reasons };
}

/** Household threshold sums. SPSPL Art. 33: first or only person × 1, every other person × 0.7. */
import type { PersonPair } from '../schemas/index.ts';
import { reason, type Reason, type ReasonKey } from './reasons.ts';
import type { ThresholdSum } from './types.ts';

export function thresholdSum(pair: PersonPair, members: number): ThresholdSum {
  const others = Math.max(0, members - 1);
  return {
    firstCents: pair.firstCents,
    othersCents: pair.othersCents,
    others,
    totalCents: pair.firstCents + others * pair.othersCents,
  };
}

const KEYS = {
  gmi: ['threshold.gmi.single', 'threshold.gmi.multi'],
  needy: ['threshold.needy.single', 'threshold.needy.multi'],
  lowIncome: ['threshold.lowIncome.single', 'threshold.lowIncome.multi'],
} as const satisfies Record<string, readonly [ReasonKey, ReasonKey]>;

/** "425,00 € + 2 × 298,00 € = 1 021,00 €" as a reason. */
export function thresholdReason(kind: 'gmi' | 'needy' | 'lowIncome', t: ThresholdSum): Reason {
  if (t.others === 0) return reason(KEYS[kind][0], { firstCents: t.firstCents });
  return reason(KEYS[kind][1], {
    firstCents: t.firstCents,
    othersCents: t.othersCents,
    others: t.others,
    totalCents: t.totalCents,
  });
}

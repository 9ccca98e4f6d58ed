/**
 * Which income counts. SPSPL Art. 5 (list as published by municipalities [S24]; changes from
 * 1.7.2023 [S25]): the state family benefit, disability-care benefits, childbirth and funeral
 * benefits, charity, stipends up to the minimum wage and a child's earnings up to the minimum
 * wage are NOT counted. Maintenance received IS counted since 1.7.2023.
 * Without a verified minimum wage for the date, "up to the minimum wage" excludes the whole
 * amount and the reason says "up to the minimum wage" without a number (no invented figure).
 */
import type { Household, IncomeType } from '../schemas/index.ts';
import { CHILD_MAX_AGE } from './facts.ts';
import { reason, type Reason } from './reasons.ts';
import type { IncomeLine, IncomeResult } from './types.ts';

const NEVER_COUNTED = new Set<IncomeType>(['state-family-benefit', 'disability-care-benefit', 'childbirth-benefit', 'charity']);
const EARNINGS = new Set<IncomeType>(['salary', 'self-employment']);

function line(member: number, type: IncomeType, monthlyCents: number, age: number, minimumWageCents: number | null): IncomeLine {
  if (NEVER_COUNTED.has(type)) {
    const key = `income.excluded.${type}` as 'income.excluded.charity';
    return { member, type, monthlyCents, countedCents: 0, reason: reason(key, { amountCents: monthlyCents }) };
  }
  const childEarnings = EARNINGS.has(type) && age <= CHILD_MAX_AGE;
  if (type !== 'stipend' && !childEarnings) return { member, type, monthlyCents, countedCents: monthlyCents, reason: null };
  // Excluded up to the minimum wage; any part above it counts.
  if (minimumWageCents === null) {
    const r = childEarnings
      ? reason('income.excluded.child-earnings', { amountCents: monthlyCents, age })
      : reason('income.excluded.stipend', { amountCents: monthlyCents });
    return { member, type, monthlyCents, countedCents: 0, reason: r };
  }
  const countedCents = Math.max(0, monthlyCents - minimumWageCents);
  const excluded = monthlyCents - countedCents;
  const r =
    countedCents > 0
      ? reason('income.partly-counted', { countedCents, minimumWageCents })
      : childEarnings
        ? reason('income.excluded.child-earnings-up-to', { amountCents: excluded, age, minimumWageCents })
        : reason('income.excluded.stipend-up-to', { amountCents: excluded, minimumWageCents });
  return { member, type, monthlyCents, countedCents, reason: r };
}

export function countIncome(h: Household, minimumWageCents: number | null): IncomeResult {
  const lines: IncomeLine[] = [];
  let known = true;
  h.members.forEach((m, i) => {
    if (m.incomes === null) known = false;
    else for (const inc of m.incomes) lines.push(line(i, inc.type, inc.monthlyCents, m.age, minimumWageCents));
  });
  let countedCents = 0;
  let excludedCents = 0;
  for (const l of lines) {
    countedCents += l.countedCents;
    excludedCents += l.monthlyCents - l.countedCents;
  }
  const reasons: Reason[] = known ? [reason('income.counted', { countedCents })] : [reason('income.unknown')];
  for (const l of lines) if (l.reason) reasons.push(l.reason);
  const usesMinimumWage = lines.some((l) => l.reason !== null && 'minimumWageCents' in l.reason.params);
  return { known, countedCents, excludedCents, perMemberCents: Math.floor(countedCents / h.members.length), usesMinimumWage, lines, reasons };
}

/**
 * Which income counts. SPSPL Art. 5 (list as published by municipalities [S24]; changes from
 * 1.7.2023 [S25]). NOT counted: the state family benefit, disability-care benefits, the assistant
 * allowance, the transport benefit for persons with reduced mobility, the coeliac-child benefit,
 * childbirth and funeral benefits, orphans' social guarantees, student loans, support in active
 * employment measures (paid public works, employment contracts and start-up grants are earnings,
 * entered as such), crime-victim compensation, blood-donor payments, charity, one-off refugee
 * support and municipal benefits; stipends and a child's (under 18) earnings only up to the
 * minimum monthly wage (a dated parameter) — the part above it counts. Maintenance received IS
 * counted since 1.7.2023. The income-tax refund is counted (the 2023 summary [S25]) although an
 * older municipal list [S24] leaves it out: the reason says the sources differ.
 */
import type { Household, IncomeType } from '../schemas/index.ts';
import { NOT_COUNTED_INCOME_TYPES, NOT_COUNTED_UP_TO_MINIMUM_WAGE } from '../schemas/vocabulary.ts';
import { CHILD_MAX_AGE } from './facts.ts';
import { reason, type Reason, type ReasonKey } from './reasons.ts';
import type { IncomeLine, IncomeResult } from './types.ts';

const UP_TO_MINIMUM_WAGE = new Set<IncomeType>(NOT_COUNTED_UP_TO_MINIMUM_WAGE);
const NEVER_COUNTED = new Set<IncomeType>(NOT_COUNTED_INCOME_TYPES.filter((t) => !UP_TO_MINIMUM_WAGE.has(t)));
const EARNINGS = new Set<IncomeType>(['salary', 'self-employment']);
/** Counted, but the stored sources disagree on it. */
const DISPUTED = new Set<IncomeType>(['income-tax-refund']);

function line(
  member: number,
  type: IncomeType,
  monthlyCents: number,
  age: number,
  minimumWageCents: number | null,
): IncomeLine {
  if (NEVER_COUNTED.has(type)) {
    return {
      member,
      type,
      monthlyCents,
      countedCents: 0,
      reason: reason(`income.excluded.${type}` as ReasonKey, { amountCents: monthlyCents }),
    };
  }
  if (DISPUTED.has(type))
    return {
      member,
      type,
      monthlyCents,
      countedCents: monthlyCents,
      reason: reason('income.disputed.income-tax-refund', { amountCents: monthlyCents }),
    };
  const childEarnings = EARNINGS.has(type) && age <= CHILD_MAX_AGE;
  if (!UP_TO_MINIMUM_WAGE.has(type) && !childEarnings)
    return { member, type, monthlyCents, countedCents: monthlyCents, reason: null };
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
  const disputed = lines.some((l) => DISPUTED.has(l.type as IncomeType) && l.monthlyCents > 0);
  return {
    known,
    countedCents,
    excludedCents,
    perMemberCents: Math.floor(countedCents / h.members.length),
    usesMinimumWage,
    disputed,
    lines,
    reasons,
  };
}

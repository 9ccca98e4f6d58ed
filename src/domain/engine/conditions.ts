/**
 * The condition vocabulary of catalogue items (conditionSchema in src/domain/schemas/catalogue.ts),
 * one small function per type. Each returns a verdict and a reason; an item's verdict is the
 * weakest of its conditions (unlikely < unknown < possible < likely).
 */
import type { Condition, Household, SimpleCondition } from '../schemas/index.ts';
import { CHILD_MAX_AGE, isChild, isPensionerOrDisabled, isPupil, LARGE_FAMILY_CHILDREN, type Facts } from './facts.ts';
import { reason, type Reason, type ReasonKey, type ReasonParams } from './reasons.ts';
import type { AssetsResult, HouseholdStatus, IncomeResult, Verdict } from './types.ts';

export interface ConditionContext {
  household: Household;
  /** Stated situations plus those the answers imply (heating type); null when not answered. */
  situations: ReadonlySet<string> | null;
  facts: Facts;
  status: HouseholdStatus;
  incomeStatus: HouseholdStatus;
  income: IncomeResult;
  assets: AssetsResult;
}

interface ConditionResult {
  verdict: Verdict;
  reason: Reason;
}

type Of<T extends Condition['type']> = Extract<Condition, { type: T }>;
/** likely with the `yes` reason, or unlikely with the `no` reason (only the one needed is built). */
const yesNo = (ok: boolean, yes: ReasonKey, no: ReasonKey, params?: ReasonParams): ConditionResult =>
  ok ? { verdict: 'likely', reason: reason(yes, params) } : { verdict: 'unlikely', reason: reason(no, params) };

function status(c: Of<'status'>, x: ConditionContext): ConditionResult {
  const wanted = c.anyOf as HouseholdStatus[];
  if (wanted.includes(x.status)) {
    if (x.assets.result === 'unknown') return { verdict: 'possible', reason: reason('condition.status.assetsUnknown') };
    return { verdict: 'likely', reason: reason('condition.status.yes') };
  }
  if (x.status === 'unknown' && !x.income.known)
    return { verdict: 'unknown', reason: reason('condition.status.unknown') };
  if (x.status === 'unknown' && wanted.includes('low-income')) {
    // Income is known but the municipality's low-income threshold is not.
    return { verdict: 'possible', reason: reason('condition.status.lowIncomeUnknown') };
  }
  if (x.status === 'needy' && wanted.includes('low-income')) {
    // A needy household is below any low-income threshold; the social service decides which status it grants.
    return { verdict: 'possible', reason: reason('condition.status.needyForLowIncome') };
  }
  return { verdict: 'unlikely', reason: reason('condition.status.no') };
}

function memberAged(c: Of<'member-aged'>, x: ConditionContext): ConditionResult {
  const inRange = (age: number) => (c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max);
  if (c.who === 'pupil') {
    const ok = x.household.members.some((m) => isPupil(m) && inRange(m.age));
    return yesNo(ok, 'condition.pupil.yes', 'condition.pupil.no');
  }
  if (c.who === 'child') {
    const ok = x.household.members.some((m) => isChild(m) && inRange(m.age));
    if (c.min === undefined && c.max === undefined) return yesNo(ok, 'condition.child.yes', 'condition.child.no');
    const params = { min: c.min ?? 0, max: Math.min(c.max ?? CHILD_MAX_AGE, CHILD_MAX_AGE) };
    return yesNo(ok, 'condition.child-aged.yes', 'condition.child-aged.no', params);
  }
  const ok = x.household.members.some((m) => inRange(m.age));
  if (c.max === undefined) {
    const min = c.min ?? 0;
    return yesNo(ok, 'condition.member-aged.atLeast.yes', 'condition.member-aged.atLeast.no', { min });
  }
  if (c.min === undefined)
    return yesNo(ok, 'condition.member-aged.atMost.yes', 'condition.member-aged.atMost.no', { max: c.max });
  const params = { min: c.min, max: c.max };
  return yesNo(ok, 'condition.member-aged.yes', 'condition.member-aged.no', params);
}

/** Jubilee benefits: someone is this age now (likely) or turns it within the year (possible). */
function memberAgeIn(c: Of<'member-age-in'>, x: ConditionContext): ConditionResult {
  const now = x.household.members.find((m) => c.ages.includes(m.age));
  if (now) return { verdict: 'likely', reason: reason('condition.member-age-in.yes', { age: now.age }) };
  const soon = x.household.members.find((m) => c.ages.includes(m.age + 1));
  if (soon) return { verdict: 'possible', reason: reason('condition.member-age-in.soon', { age: soon.age + 1 }) };
  return { verdict: 'unlikely', reason: reason('condition.member-age-in.no', { ages: c.ages.join(', ') }) };
}

function disability(c: Of<'disability'>, x: ConditionContext): ConditionResult {
  const groups = c.groups ?? ['I', 'II', 'III'];
  const params = { groups: groups.join(', ') };
  const whoFits = x.household.members.filter((m) => c.who === 'anyone' || (c.who === 'child') === isChild(m));
  if (whoFits.some((m) => m.disability !== null && m.disability !== 'none' && groups.includes(m.disability))) {
    return { verdict: 'likely', reason: reason('condition.disability.yes', params) };
  }
  if (whoFits.some((m) => m.disability === null))
    return { verdict: 'unknown', reason: reason('condition.disability.unknown') };
  return { verdict: 'unlikely', reason: reason('condition.disability.no', params) };
}

function household(c: Of<'household'>, x: ConditionContext): ConditionResult {
  const f = x.facts;
  const key = `condition.household.${c.is}` as const;
  if (c.is === 'large-family') {
    const ok = f.childrenAndStudents >= LARGE_FAMILY_CHILDREN;
    return yesNo(ok, `${key}.yes`, `${key}.no`, { children: f.childrenAndStudents });
  }
  const needsDisability = c.is !== 'lives-alone' && c.is !== 'has-pensioner';
  const ok =
    c.is === 'lives-alone'
      ? f.members === 1
      : c.is === 'has-pensioner'
        ? x.household.members.some((m) => m.pensioner)
        : c.is === 'pensioner-or-disabled-alone'
          ? f.members === 1 && f.pensionerOrDisabledOnly
          : f.pensionerOrDisabledOnly;
  // "Only pensioners or disabled": a member whose disability was not answered could change it.
  if (!ok && needsDisability && x.household.members.some((m) => !isPensionerOrDisabled(m) && m.disability === null)) {
    return { verdict: 'unknown', reason: reason('condition.household.unknown') };
  }
  return yesNo(ok, `${key}.yes`, `${key}.no`);
}

/** The situations a condition can see: the stated ones plus the heating type from the housing answer. */
export function situationsOf(h: Household): ReadonlySet<string> | null {
  const stated = new Set<string>(h.situations ?? []);
  if (h.housing.heating === 'district') stated.add('district-heating');
  if (h.housing.heating === 'stove') stated.add('stove-heating');
  return h.situations === null && stated.size === 0 ? null : stated;
}

function situation(c: Of<'situation'>, x: ConditionContext): ConditionResult {
  if (x.situations?.has(c.situation))
    return { verdict: 'likely', reason: reason('condition.situation.yes', { situation: c.situation }) };
  if (x.household.situations === null) return { verdict: 'unknown', reason: reason('condition.situation.unknown') };
  return { verdict: 'unlikely', reason: reason('condition.situation.no', { situation: c.situation }) };
}

function incomePerMember(c: Of<'income-per-member-at-most'>, x: ConditionContext): ConditionResult {
  if (!x.income.known)
    return { verdict: 'unknown', reason: reason('condition.income-per-member.unknown', { limitCents: c.cents }) };
  const params = { perMemberCents: x.income.perMemberCents, limitCents: c.cents };
  // Compare the total with limit × members so no cent is lost to the per-member division.
  const ok = x.income.countedCents <= c.cents * x.facts.members;
  return yesNo(ok, 'condition.income-per-member.yes', 'condition.income-per-member.no', params);
}

/** Only the social service can check it: the best verdict is `possible`. */
function assessment(c: Of<'assessment'>): ConditionResult {
  return { verdict: 'possible', reason: reason('condition.assessment', { about: c.about }) };
}

/** `any-of`: holds when one of its conditions does; the best one speaks, or all when none fits. */
function anyOf(c: Of<'any-of'>, x: ConditionContext): { verdict: Verdict; reasons: Reason[] } {
  const results = c.conditions.map((sub) => evaluateSimple(sub, x));
  const best = strongest(results.map((r) => r.verdict));
  return {
    verdict: best,
    reasons: best === 'unlikely' ? results.map((r) => r.reason) : [results.find((r) => r.verdict === best)!.reason],
  };
}

/** Every condition of an item; `any-of` may give several reasons. */
export function evaluateCondition(c: Condition, x: ConditionContext): { verdict: Verdict; reasons: Reason[] } {
  if (c.type === 'any-of') return anyOf(c, x);
  const r = evaluateSimple(c, x);
  return { verdict: r.verdict, reasons: [r.reason] };
}

function evaluateSimple(c: SimpleCondition, x: ConditionContext): ConditionResult {
  switch (c.type) {
    case 'status':
      return status(c, x);
    case 'member-aged':
      return memberAged(c, x);
    case 'member-age-in':
      return memberAgeIn(c, x);
    case 'disability':
      return disability(c, x);
    case 'household':
      return household(c, x);
    case 'situation':
      return situation(c, x);
    case 'income-per-member-at-most':
      return incomePerMember(c, x);
    case 'assessment':
      return assessment(c);
  }
  throw new Error(`Unknown condition type ${(c as { type: string }).type}`);
}

/** Verdict order: an item takes the weakest of its conditions, an `any-of` the strongest. */
export const RANK: Record<Verdict, number> = { unlikely: 0, unknown: 1, possible: 2, likely: 3 };

/** The strongest verdict wins: one alternative is enough. */
function strongest(verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((w, v) => (RANK[v] > RANK[w] ? v : w), 'unlikely');
}

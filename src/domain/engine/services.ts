/**
 * Services suggested from the household: an item without eligibility rules fits when one of its
 * target groups or life situations matches the household (age, disability, children, care needs,
 * crisis, homelessness…). The social service assesses; a suggestion is never a verdict.
 */
import type { CatalogueItem, LifeSituation, TargetGroup } from '../schemas/index.ts';
import type { ConditionContext } from './conditions.ts';
import { isChild, LARGE_FAMILY_CHILDREN } from './facts.ts';
import { reason, type Reason, type ReasonKey } from './reasons.ts';
import type { ServiceSuggestion } from './types.ts';

/** Pension age is asked as `pensioner`; 65+ also counts for suggesting old-age services. */
const OLD_AGE = 65;

export function targetGroupsOf(x: ConditionContext): Set<TargetGroup> {
  const g = new Set<TargetGroup>();
  const m = x.household.members;
  const s = new Set(x.household.situations ?? []);
  const disabled = (p: (typeof m)[number]) => p.disability !== null && p.disability !== 'none';
  if (x.facts.children > 0) g.add('families-with-children');
  if (x.facts.childrenAndStudents >= LARGE_FAMILY_CHILDREN) g.add('large-families');
  if (m.some((p) => isChild(p) && disabled(p))) g.add('children-with-disability');
  if (m.some((p) => !isChild(p) && disabled(p))) g.add('persons-with-disability');
  if (m.some((p) => p.pensioner || p.age >= OLD_AGE)) g.add('pensioners');
  if (x.status === 'needy' || x.status === 'low-income') g.add('needy-low-income');
  if (s.has('leaving-care')) g.add('orphans');
  if (s.has('foster-family') || s.has('guardian-of-adult')) g.add('foster-guardians');
  if (m.some((p) => p.incomes?.some((i) => i.type === 'unemployment-benefit'))) g.add('unemployed');
  if (s.has('homeless')) g.add('homeless');
  if (s.has('leaving-prison')) g.add('released-prisoners');
  if (s.has('violence')) g.add('violence-victims');
  return g;
}

const SITUATION_TO_LIFE: Partial<Record<string, LifeSituation>> = {
  'new-baby': 'new-baby',
  'death-in-family': 'death-in-family',
  crisis: 'crisis',
  violence: 'violence',
  'leaving-prison': 'leaving-prison',
  'leaving-care': 'leaving-care',
  homeless: 'homelessness',
  'caring-for-someone': 'caring-for-relative',
};

export function lifeSituationsOf(x: ConditionContext): Set<LifeSituation> {
  const out = new Set<LifeSituation>();
  for (const s of x.household.situations ?? []) {
    const life = SITUATION_TO_LIFE[s];
    if (life) out.add(life);
  }
  return out;
}

/** One shared reason object per target group (built once: the engine allocates less per call). */
const GROUP_REASON = new Map<string, Reason>(
  ['families-with-children', 'large-families', 'children-with-disability', 'persons-with-disability', 'pensioners', 'needy-low-income', 'orphans', 'foster-guardians', 'unemployed', 'homeless', 'released-prisoners', 'violence-victims'].map(
    (g) => [g, reason(`service.group.${g}` as ReasonKey)],
  ),
);

/** `services`: the items without eligibility rules that are services (prepared.ts). */
export function suggestServices(services: readonly CatalogueItem[], x: ConditionContext): ServiceSuggestion[] {
  const groups = targetGroupsOf(x);
  const lives = lifeSituationsOf(x);
  const needsCare = x.household.members.some((m) => m.needsCare === true) || (x.household.situations ?? []).includes('needs-help-at-home');
  const out: ServiceSuggestion[] = [];
  if (groups.size === 0 && lives.size === 0 && !needsCare) return out;
  for (const item of services) {
    let reasons: Reason[] | null = null;
    for (const g of item.targetGroups) if (groups.has(g)) (reasons ??= []).push(GROUP_REASON.get(g)!);
    for (const s of item.situations) if (lives.has(s)) (reasons ??= []).push(reason('service.situation', { situation: s }));
    if (needsCare && item.situations.includes('old-age-care')) (reasons ??= []).push(reason('service.needsCare'));
    if (reasons) {
      reasons.push(reason('service.assessment'));
      out.push({ id: item.id, reasons });
    }
  }
  return out;
}

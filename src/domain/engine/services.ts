/**
 * Services suggested from the household: an item without eligibility rules fits when one of its
 * target groups or life situations matches the household (age, disability, children, care needs,
 * crisis, homelessness…). The social service assesses; a suggestion is never a verdict.
 */
import type { LifeSituation, TargetGroup } from '../schemas/index.ts';
import { TARGET_GROUPS } from '../schemas/vocabulary.ts';
import { groupBit, lifeBit, type PreparedService } from './prepared.ts';
import type { ConditionContext } from './conditions.ts';
import { isChild, LARGE_FAMILY_CHILDREN } from './facts.ts';
import { reason, type Reason, type ReasonKey } from './reasons.ts';
import type { ServiceSuggestion } from './types.ts';

/** Pension age is asked as `pensioner`; 65+ also counts for suggesting old-age services. */
const OLD_AGE = 65;

const NO_SITUATIONS: ReadonlySet<string> = new Set();

function targetGroupsOf(x: ConditionContext): Set<TargetGroup> {
  const g = new Set<TargetGroup>();
  const m = x.household.members;
  const s = x.situations ?? NO_SITUATIONS;
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

function lifeSituationsOf(x: ConditionContext): Set<LifeSituation> {
  const out = new Set<LifeSituation>();
  for (const s of x.household.situations ?? []) {
    const life = SITUATION_TO_LIFE[s];
    if (life) out.add(life);
  }
  return out;
}

/** One shared reason object per target group (built once: the engine allocates less per call). */
const GROUP_REASON = new Map<string, Reason>(
  TARGET_GROUPS.filter((g) => g !== 'any-resident').map((g) => [g, reason(`service.group.${g}` as ReasonKey)]),
);

/** `services`: the services without eligibility rules, prepared with bit masks (prepared.ts). */
export function suggestServices(services: readonly PreparedService[], x: ConditionContext): ServiceSuggestion[] {
  const groups = targetGroupsOf(x);
  const lives = lifeSituationsOf(x);
  const needsCare =
    x.household.members.some((m) => m.needsCare === true) ||
    (x.household.situations ?? []).includes('needs-help-at-home');
  const out: ServiceSuggestion[] = [];
  let groupMask = 0;
  for (const g of groups) groupMask |= groupBit(g);
  let lifeMask = 0;
  for (const s of lives) lifeMask |= lifeBit(s);
  for (const s of services) {
    const care = needsCare && s.oldAgeCare;
    const g = s.groupMask & groupMask;
    const l = s.lifeMask & lifeMask;
    if (g === 0 && l === 0 && !care) continue;
    // The suggestion depends only on which groups and situations matched: build it once.
    const key = (g * 0x10000 + l) * 2 + (care ? 1 : 0);
    let suggestion = s.suggestions.get(key);
    if (!suggestion) {
      const item = s.item;
      const reasons: Reason[] = [];
      for (const tg of item.targetGroups) if (groups.has(tg)) reasons.push(GROUP_REASON.get(tg)!);
      for (const life of item.situations)
        if (lives.has(life)) reasons.push(reason('service.situation', { situation: life }));
      if (care) reasons.push(reason('service.needsCare'));
      reasons.push(reason('service.assessment'));
      suggestion = Object.freeze({ id: item.id, reasons: Object.freeze(reasons) as Reason[] });
      s.suggestions.set(key, suggestion);
    }
    out.push(suggestion);
  }
  return out;
}

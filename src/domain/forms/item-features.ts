/**
 * What an item-driven form needs to ask, read from the catalogue item's data (id, kind, life
 * situations, eligibility conditions, amount rules) — never a hand-written form per benefit.
 * Health and disability data are asked only where the item's conditions need them (GDPR art. 5(1)(c)
 * data minimisation).
 */
import type { CatalogueItem } from '../schemas/catalogue.ts';

export type Feature =
  | 'child'
  | 'school'
  | 'deceased'
  | 'status'
  | 'disability'
  /** Disability is one alternative of an `any-of`: asked, but "none" is a valid answer. */
  | 'disability-alternative'
  | 'health'
  | 'heating'
  | 'crisis'
  | 'costs'
  | 'release'
  | 'payment';

type ItemFacts = Pick<CatalogueItem, 'id' | 'kind' | 'situations' | 'amounts'> & {
  eligibility?: CatalogueItem['eligibility'];
};

export function itemFeatures(item: ItemFacts): Set<Feature> {
  const f = new Set<Feature>();
  const top = item.eligibility ?? [];
  // `any-of` members count as things to ask about too (one level deep by the schema).
  const cond = top.flatMap((c) => (c.type === 'any-of' ? c.conditions : [c]));
  const situations = new Set<string>([
    ...item.situations,
    ...cond.flatMap((c) => (c.type === 'situation' ? [c.situation] : [])),
  ]);
  const childAge = cond.some((c) => c.type === 'member-aged' && (c.who === 'child' || c.who === 'pupil'));
  if (situations.has('new-baby') || situations.has('school') || childAge) f.add('child');
  if (situations.has('school') || cond.some((c) => c.type === 'member-aged' && c.who === 'pupil')) f.add('school');
  if (situations.has('death-in-family')) f.add('deceased');
  if (cond.some((c) => c.type === 'status')) f.add('status');
  if (top.some((c) => c.type === 'disability')) f.add('disability');
  else if (cond.some((c) => c.type === 'disability')) f.add('disability-alternative');
  if (
    cond.some((c) => c.type === 'assessment' && (c.about === 'functional-capacity' || c.about === 'medical-opinion')) ||
    situations.has('illness-disability')
  ) {
    f.add('health');
  }
  if (situations.has('district-heating') || situations.has('stove-heating')) f.add('heating');
  if (situations.has('crisis') || situations.has('unforeseen-expense') || situations.has('violence')) f.add('crisis');
  if (
    item.amounts.some((a) => a.rule.type === 'percent-of-costs') ||
    cond.some((c) => c.type === 'assessment' && c.about === 'costs-documents')
  )
    f.add('costs');
  if (situations.has('leaving-prison') || situations.has('leaving-care')) f.add('release');
  if (item.kind === 'benefit' && item.amounts.some((a) => a.rule.type !== 'in-kind' && a.rule.type !== 'described'))
    f.add('payment');
  return f;
}

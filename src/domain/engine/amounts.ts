/**
 * The amount of a municipal benefit for this household, from the pack's dated amount rules
 * (amountRuleSchema): fixed, up to, by number of children, per child. Formulas of law (GMI,
 * housing benefit) are computed in gmi.ts and housing.ts; in-kind and described amounts are text.
 */
import type { Amount, CatalogueItem, Household } from '../schemas/index.ts';
import { isChild, isPupil } from './facts.ts';
import { reason, type Reason } from './reasons.ts';
import type { ItemAmount } from './types.ts';

const CERTAINTY_RANK = { verified: 0, derived: 1, unverified: 2 } as const;

/**
 * The amount entry in force on the date: dated entries first, then the newest year, then the
 * surest figure (a draft marked `unverified` never wins over a verified amount of the same year).
 */
export function amountOn(amounts: readonly Amount[], date: string): Amount | null {
  const fits = amounts.filter((a) => (a.from === undefined || a.from <= date) && (a.to === undefined || date <= a.to));
  if (fits.length === 0) return null;
  return [...fits].sort(
    (a, b) => Number(b.from !== undefined) - Number(a.from !== undefined) || b.year - a.year || CERTAINTY_RANK[a.certainty] - CERTAINTY_RANK[b.certainty],
  )[0]!;
}

/** Children the amount is "per": those the item's own conditions name, newborns, or all children. */
export function relevantChildren(item: CatalogueItem, h: Household): number {
  for (const c of item.eligibility ?? []) {
    if (c.type === 'member-aged' && c.who !== 'anyone') {
      const inRange = (age: number) => (c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max);
      return h.members.filter((m) => (c.who === 'pupil' ? isPupil(m) : isChild(m)) && inRange(m.age)).length;
    }
    if (c.type === 'situation' && c.situation === 'new-baby') return Math.max(1, h.members.filter((m) => m.age === 0).length);
  }
  return h.members.filter(isChild).length;
}

const NO_REASONS: Reason[] = [];
const DERIVED: Reason[] = [reason('amount.certainty.derived')];
const UNVERIFIED: Reason[] = [reason('amount.certainty.unverified')];

export interface AmountResult {
  amount: ItemAmount | null;
  reasons: Reason[];
}

export function itemAmount(a: Amount, children: number): AmountResult {
  const base = { per: 'once' as const, certainty: a.certainty, year: a.year };
  const notes: Reason[] = a.certainty === 'verified' ? NO_REASONS : a.certainty === 'derived' ? DERIVED : UNVERIFIED;
  const r = a.rule;
  switch (r.type) {
    case 'fixed':
    case 'up-to': {
      const upTo = r.type === 'up-to';
      if (!r.perChild) {
        return { amount: { ...base, per: r.per, cents: r.cents, upTo }, reasons: [reason(upTo ? 'amount.upTo.total' : 'amount.fixed.total', { amountCents: r.cents }), ...notes] };
      }
      if (children === 0) return { amount: null, reasons: notes };
      const cents = r.cents * children;
      const key = upTo ? 'amount.upTo.perChild' : 'amount.fixed.perChild';
      return { amount: { ...base, per: r.per, cents, upTo }, reasons: [reason(key, { eachCents: r.cents, children, amountCents: cents }), ...notes] };
    }
    case 'by-children': {
      const exact = r.table.find((row) => row.children === children);
      const below = [...r.table].filter((row) => row.children <= children).sort((x, y) => y.children - x.children)[0];
      let cents = exact?.cents ?? (r.eachChildFrom && children >= r.eachChildFrom.children ? r.eachChildFrom.cents * children : (below?.cents ?? null));
      if (cents === null) return { amount: null, reasons: notes };
      const capped = r.maxCents !== undefined && cents > r.maxCents;
      if (capped) cents = r.maxCents!;
      const why = capped
        ? reason('amount.byChildren.capped', { children, amountCents: cents, maxCents: r.maxCents! })
        : reason('amount.byChildren.total', { children, amountCents: cents });
      return { amount: { ...base, per: r.per, cents, upTo: false }, reasons: [why, ...notes] };
    }
    case 'percent-of-costs':
      return { amount: null, reasons: [reason('amount.percentOfCosts', { percent: r.percent })] };
    case 'formula':
    case 'in-kind':
    case 'described':
      return { amount: null, reasons: NO_REASONS };
  }
}

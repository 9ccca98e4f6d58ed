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

const NUMERIC = new Set(['fixed', 'up-to', 'by-children']);

export interface AmountsOn {
  /** The entry in force: dated entries first, then the newest year, then the surest figure, then a number over text. */
  entry: Amount | null;
  /**
   * Numeric entries as good as `entry` (same kind of date, year and certainty): variants of one
   * benefit for different households (e.g. 115 €, or 145 € with 3+ children). When there are
   * several, the engine gives the range instead of guessing which applies.
   */
  variants: Amount[];
}

const rank = (a: Amount): [number, number, number, number] => [
  a.from !== undefined ? 0 : 1,
  -a.year,
  CERTAINTY_RANK[a.certainty],
  NUMERIC.has(a.rule.type) || a.rule.type === 'formula' ? 0 : 1,
];

export function amountsOn(amounts: readonly Amount[], date: string): AmountsOn {
  const fits = amounts.filter((a) => (a.from === undefined || a.from <= date) && (a.to === undefined || date <= a.to));
  if (fits.length === 0) return { entry: null, variants: [] };
  const sorted = [...fits].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || ra[3] - rb[3];
  });
  const entry = sorted[0]!;
  const top = rank(entry);
  const variants = sorted.filter(
    (a) => NUMERIC.has(a.rule.type) && rank(a).slice(0, 3).join() === top.slice(0, 3).join(),
  );
  return { entry, variants };
}

/** Children the amount is "per": those the item's own conditions name, newborns, or all children. */
export function relevantChildren(item: CatalogueItem, h: Household): number {
  for (const c of item.eligibility ?? []) {
    if (c.type === 'member-aged' && c.who !== 'anyone') {
      let n = 0;
      for (const m of h.members) {
        if (
          (c.who === 'pupil' ? isPupil(m) : isChild(m)) &&
          (c.min === undefined || m.age >= c.min) &&
          (c.max === undefined || m.age <= c.max)
        )
          n++;
      }
      return n;
    }
    if (c.type === 'situation' && c.situation === 'new-baby') {
      let babies = 0;
      for (const m of h.members) if (m.age === 0) babies++;
      return Math.max(1, babies);
    }
  }
  let n = 0;
  for (const m of h.members) if (isChild(m)) n++;
  return n;
}

const NO_REASONS: Reason[] = [];
const DERIVED: Reason[] = [reason('amount.certainty.derived')];
const UNVERIFIED: Reason[] = [reason('amount.certainty.unverified')];

interface AmountResult {
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
        return {
          amount: { ...base, per: r.per, cents: r.cents, upTo },
          reasons: [reason(upTo ? 'amount.upTo.total' : 'amount.fixed.total', { amountCents: r.cents }), ...notes],
        };
      }
      if (children === 0) return { amount: null, reasons: notes };
      const cents = r.cents * children;
      const key = upTo ? 'amount.upTo.perChild' : 'amount.fixed.perChild';
      return {
        amount: { ...base, per: r.per, cents, upTo },
        reasons: [reason(key, { eachCents: r.cents, children, amountCents: cents }), ...notes],
      };
    }
    case 'by-children': {
      const exact = r.table.find((row) => row.children === children);
      const below = [...r.table].filter((row) => row.children <= children).sort((x, y) => y.children - x.children)[0];
      let cents =
        exact?.cents ??
        (r.eachChildFrom && children >= r.eachChildFrom.children
          ? r.eachChildFrom.cents * children
          : (below?.cents ?? null));
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

/**
 * Work that depends only on the catalogue items (not on the household) is done once per item
 * list and remembered: which items have rules, which are services to suggest, document keys,
 * the amount entry in force on a date. Pure memoisation keyed by the (immutable) item list, so
 * evaluate() stays a pure function of its inputs — it only gets faster on the second call.
 */
import type { CatalogueItem, LifeSituation, TargetGroup } from '../schemas/index.ts';
// Plain constants, not index.ts: the engine runs in the estimator island, which must not load zod.
import { LIFE_SITUATIONS, TARGET_GROUPS } from '../schemas/vocabulary.ts';
import { amountsOn, type AmountsOn } from './amounts.ts';
import { reason, type Reason } from './reasons.ts';

export interface PreparedItem {
  item: CatalogueItem;
  /** Only "conditions not stored": nothing about the household is tested. */
  nothingKnown: boolean;
  /** Lower-cased Latvian document texts (the merge key). */
  docKeys: string[];
  /** Index of each eligibility condition in the per-evaluation memo (equal conditions share one). */
  conditionIds: number[];
  amountsOn: (date: string) => AmountsOn;
  /** Said when the item is not confirmed as running now (unconfirmed, seed-only, suspended). */
  statusReason: Reason | null;
  /** GMI and housing benefit are computed by the law's formulas whatever their amount entries say. */
  formulaById: 'gmi' | 'housing-benefit' | undefined;
}

/** A service to suggest, with its target groups and life situations as bit masks (fast matching). */
export interface PreparedService {
  item: CatalogueItem;
  groupMask: number;
  lifeMask: number;
  oldAgeCare: boolean;
  /** Suggestions already built, by which of its groups/situations matched (they are immutable). */
  suggestions: Map<number, { id: string; reasons: Reason[] }>;
}

export const groupBit = (g: TargetGroup): number => (g === 'any-resident' ? 0 : 1 << TARGET_GROUPS.indexOf(g));
export const lifeBit = (s: LifeSituation): number => 1 << LIFE_SITUATIONS.indexOf(s);

export interface Prepared {
  /** Items with `eligibility`, in catalogue order. */
  ruled: PreparedItem[];
  /** Services without eligibility rules (suggested by target group and situation). */
  services: PreparedService[];
  byId: Map<string, PreparedItem>;
  /** Number of distinct conditions over all items (size of the memo). */
  conditionCount: number;
  /** The amounts in force on a date for every item of `ruled` (same order): one lookup per evaluation. */
  ruledAmountsOn: (date: string) => AmountsOn[];
}

const MAX_DATES_PER_ITEM = 500;

function prepareItem(item: CatalogueItem, ids: Map<string, number>): PreparedItem {
  const byDate = new Map<string, AmountsOn>();
  const kind = item.status.kind;
  return {
    item,
    formulaById: item.id === 'gmi' || item.id === 'housing-benefit' ? item.id : undefined,
    statusReason:
      kind === 'unconfirmed' || kind === 'seed-only' || kind === 'suspended' ? reason(`item.status.${kind}`) : null,
    nothingKnown: (item.eligibility ?? []).every((c) => c.type === 'assessment' && c.about === 'not-stored'),
    docKeys: item.documents.map((d) => d.lv.trim().toLowerCase()),
    conditionIds: (item.eligibility ?? []).map((c) => {
      const key = JSON.stringify(c);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    }),
    amountsOn: (date) => {
      let a = byDate.get(date);
      if (a === undefined) {
        if (byDate.size >= MAX_DATES_PER_ITEM) byDate.clear();
        a = amountsOn(item.amounts, date);
        byDate.set(date, a);
      }
      return a;
    },
  };
}

const cache = new WeakMap<readonly CatalogueItem[], Prepared>();

export function prepare(items: readonly CatalogueItem[]): Prepared {
  let p = cache.get(items);
  if (!p) {
    const ids = new Map<string, number>();
    const all = items.map((i) => prepareItem(i, ids));
    const ruled = all.filter((x) => x.item.eligibility !== undefined);
    const byDate = new Map<string, AmountsOn[]>();
    p = {
      conditionCount: ids.size,
      ruled,
      ruledAmountsOn: (date) => {
        let on = byDate.get(date);
        if (on === undefined) {
          if (byDate.size >= MAX_DATES_PER_ITEM) byDate.clear();
          on = ruled.map((r) => r.amountsOn(date));
          byDate.set(date, on);
        }
        return on;
      },
      services: items
        // A suspended service is not running: never suggest it (its page says since when).
        .filter((i) => i.kind === 'service' && !i.eligibility && i.status.kind !== 'suspended')
        .map((item) => ({
          item,
          groupMask: item.targetGroups.reduce((m, g) => m | groupBit(g), 0),
          lifeMask: item.situations.reduce((m, s) => m | lifeBit(s), 0),
          oldAgeCare: item.situations.includes('old-age-care'),
          suggestions: new Map(),
        })),
      byId: new Map(all.map((x) => [x.item.id, x])),
    };
    cache.set(items, p);
  }
  return p;
}

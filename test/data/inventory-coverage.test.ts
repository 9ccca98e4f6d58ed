/**
 * The catalogue covers the whole inventory of benefits and services compiled from the sources in
 * src/data/sources.yaml: test/fixtures/inventory-ids.json lists the row ids of each inventory
 * table (the national one, then one per municipality; benefits and services together), and
 * STATUS_COUNTS below the inventory's counts by status. One row is one catalogue item. Every
 * table must have its pack: a missing pack is a failure, not a skipped check.
 */
import { describe, expect, it } from 'vitest';
import { catalogue, itemsFor, publishedItemsFor } from '#src/data/index.ts';
import inventory from '../fixtures/inventory-ids.json' with { type: 'json' };

const { national: nationalRows, ...municipalRows } = inventory as Record<string, string[]>;
const nationalIds = new Set(catalogue.national.map((i) => i.id));

/**
 * The inventory's counts per municipality (benefits and services together): rows by status. `national` = an overlay
 * that keeps the national status; `planned` is counted inside `seed-only` as well.
 */
const STATUS_COUNTS: Record<string, Record<string, number>> = {
  daugavpils: { current: 20, 'seed-only': 44, planned: 16, suspended: 0, unconfirmed: 3, national: 13 },
  rezekne: { current: 3, 'seed-only': 19, planned: 0, suspended: 4, unconfirmed: 7, national: 9 },
  'rezeknes-novads': { current: 3, 'seed-only': 25, planned: 0, suspended: 0, unconfirmed: 5, national: 11 },
  'bauskas-novads': { current: 6, 'seed-only': 34, planned: 10, suspended: 1, unconfirmed: 0, national: 11 },
};

describe('inventory coverage: national file', () => {
  it('every national item has status national (the inventory counts 31 national rows)', () => {
    expect(catalogue.national.filter((i) => i.status.kind !== 'national').map((i) => i.id)).toEqual([]);
  });

  it('has one item per row of the national inventory table, and nothing else', () => {
    const missing = nationalRows!.filter((id) => !nationalIds.has(id));
    const extra = [...nationalIds].filter((id) => !nationalRows!.includes(id));
    expect(missing, 'inventory rows missing from src/data/national/catalogue.yaml').toEqual([]);
    expect(extra, 'national items that are not inventory rows').toEqual([]);
  });
});

describe('inventory coverage: municipality packs', () => {
  it('every pack has an inventory table, and every table a pack', () => {
    const unknown = catalogue.municipalities.map((m) => m.id).filter((id) => !(id in municipalRows));
    expect(unknown).toEqual([]);
    const missing = Object.keys(municipalRows).filter((id) => !catalogue.municipalities.some((m) => m.id === id));
    expect(missing, 'inventory tables without a pack in src/data/municipalities/').toEqual([]);
  });

  describe.each(Object.entries(municipalRows))('%s', (id, rows) => {
    // A missing pack fails the "every table a pack" test above; these then fail loudly too.
    const pack = catalogue.municipalities.find((m) => m.id === id)!;

    it('has its pack', () => {
      expect(pack, `src/data/municipalities/${id}.yaml`).toBeDefined();
    });

    it('offers every inventory row (national rows as local overlays)', () => {
      const items = new Map(itemsFor(catalogue, pack!).map((i) => [i.id, i]));
      const missing = rows.filter((row) => !items.has(row));
      expect(missing, `inventory rows missing from src/data/municipalities/${id}.yaml`).toEqual([]);
      // A national id appears in a municipal table only because a local source adds something:
      // the pack must carry a `scope: local` overlay for it.
      const notLocalized = rows.filter((row) => nationalIds.has(row) && !items.get(row)!.localized);
      expect(notLocalized, 'national rows of this table without a local overlay').toEqual([]);
    });

    it('invents no item: every pack entry is a row of its table', () => {
      const extra = pack!.items.map((i) => i.id).filter((itemId) => !rows.includes(itemId));
      expect(extra, `items in ${id}.yaml that are not rows of the inventory`).toEqual([]);
    });

    it('maps the status column: counts by status match the inventory', () => {
      const counts: Record<string, number> = {
        current: 0,
        'seed-only': 0,
        planned: 0,
        suspended: 0,
        unconfirmed: 0,
        national: 0,
      };
      for (const item of pack.items) {
        counts[item.status?.kind ?? 'national']! += 1;
        if (item.status?.planned) counts.planned! += 1;
      }
      expect(counts).toEqual(STATUS_COUNTS[id]);
    });

    it('every published item has name, summary and who in Latvian and Russian', () => {
      const incomplete = publishedItemsFor(catalogue, pack!)
        .filter((i) => [i.name, i.summary, i.who].some((t) => !t.lv.trim() || !t.ru.trim()))
        .map((i) => i.id);
      expect(incomplete).toEqual([]);
    });

    it('planned items stay in the data but are not published', () => {
      const all = itemsFor(catalogue, pack!);
      const published = new Set(publishedItemsFor(catalogue, pack!).map((i) => i.id));
      const planned = all.filter((i) => i.status.planned).map((i) => i.id);
      expect(
        planned.filter((p) => published.has(p)),
        'planned items that are published',
      ).toEqual([]);
      expect(published.size).toBe(all.length - planned.length);
    });
  });
});

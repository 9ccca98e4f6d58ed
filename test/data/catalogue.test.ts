import { describe, expect, it } from 'vitest';
import { catalogue, itemsFor } from '#src/data/index.ts';
import { buildCatalogue, DataError } from '#src/data/build-catalogue.ts';

describe('catalogue data', () => {
  it('every pack validates and has items', () => {
    expect(catalogue.municipalities.length).toBeGreaterThan(0);
    for (const m of catalogue.municipalities) expect(itemsFor(catalogue, m).length).toBeGreaterThan(0);
  });

  it('history notes (provenance) stay out of the resident fields and survive the merge with local details', () => {
    const daugavpils = catalogue.municipalities.find((m) => m.id === 'daugavpils')!;
    const housing = itemsFor(catalogue, daugavpils).find((i) => i.id === 'housing-benefit')!;
    expect(housing.history.some((h) => h.text.lv.includes('Rīgā'))).toBe(true);
    expect(housing.conditions.some((c) => c.lv.includes('Rīgā'))).toBe(false);
    const rezekne = catalogue.municipalities.find((m) => m.id === 'rezekne')!;
    const homeCare = itemsFor(catalogue, rezekne).find((i) => i.id === 'home-care')!;
    expect(homeCare.history.map((h) => h.year)).toContain(2010);
    expect(homeCare.amounts.some((a) => /\bLs\b/.test(a.text.lv))).toBe(false);
  });

  it('a broken pack names the file and the field', () => {
    const ok = { path: 'src/data/sources.yaml', text: 'S1: { title: { lv: x, ru: y } }' };
    const national = { path: 'src/data/national/catalogue.yaml', text: 'items: []' };
    expect(() => buildCatalogue({ sources: ok, national, municipalities: [] })).toThrow(DataError);
    try {
      buildCatalogue({ sources: ok, national, municipalities: [] });
    } catch (e) {
      expect((e as Error).message).toContain('src/data/national/catalogue.yaml');
      expect((e as Error).message).toContain('items');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { catalogue, itemsFor } from '../../src/data/index.ts';
import { buildCatalogue, DataError } from '../../src/data/build-catalogue.ts';

describe('catalogue data', () => {
  it('every pack validates and has items', () => {
    expect(catalogue.municipalities.length).toBeGreaterThan(0);
    for (const m of catalogue.municipalities) expect(itemsFor(catalogue, m).length).toBeGreaterThan(0);
  });

  it('a broken pack names the file and the field', () => {
    const ok = { path: 'src/data/sources.yaml', text: 'S1: { title: x }' };
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

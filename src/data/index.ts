/**
 * The catalogue as the Astro build and vitest see it (Vite's import.meta.glob).
 * Node scripts use load-from-disk.ts instead.
 */
import { buildCatalogue, type RawFile } from './build-catalogue.ts';

const raw = import.meta.glob<string>(['./sources.yaml', './national/catalogue.yaml', './municipalities/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function file(key: string): RawFile {
  const text = raw[key];
  if (text === undefined) throw new Error(`Missing data file src/data/${key.slice(2)}`);
  return { path: `src/data/${key.slice(2)}`, text };
}

export const catalogue = buildCatalogue({
  sources: file('./sources.yaml'),
  national: file('./national/catalogue.yaml'),
  municipalities: Object.keys(raw)
    .filter((k) => k.startsWith('./municipalities/'))
    .sort()
    .map(file),
});

export { itemsFor, publishedItemsFor } from './build-catalogue.ts';

/**
 * The catalogue as the Astro build and vitest see it (Vite's import.meta.glob).
 * Node scripts use load-from-disk.ts instead.
 */
import parametersText from './national/parameters.yaml?raw';
import { buildCatalogue, type RawFile } from './build-catalogue.ts';
import { buildParameters } from './build-parameters.ts';
import { withParameters } from './with-parameters.ts';

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

const built = buildCatalogue({
  sources: file('./sources.yaml'),
  national: file('./national/catalogue.yaml'),
  municipalities: Object.keys(raw)
    .filter((k) => k.startsWith('./municipalities/'))
    .sort()
    .map(file),
});

/** National parameters (src/data/national/parameters.yaml), checked against the source register. */
export const parameters = buildParameters(
  { path: 'src/data/national/parameters.yaml', text: parametersText },
  built.sources,
);

/** The catalogue with its threshold amounts and condition figures taken from the parameters. */
export const catalogue = withParameters(built, parameters);

export { itemsFor, publishedItemsFor } from './build-catalogue.ts';

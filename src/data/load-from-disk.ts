/** The catalogue for plain Node scripts (CLI, server start-up checks). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalogue, type Catalogue, type RawFile } from './build-catalogue.ts';
import type { NationalParameters } from '../domain/schemas/index.ts';
import { buildParameters } from './build-parameters.ts';
import { withParameters } from './with-parameters.ts';

/** `parameters`: use these instead of src/data/national/parameters.yaml (e.g. a drill with next year's entry). */
export function loadCatalogueFromDisk(root = process.cwd(), parameters?: NationalParameters): Catalogue {
  const dir = join(root, 'src/data');
  const read = (p: string): RawFile => ({ path: relative(root, p), text: readFileSync(p, 'utf8') });
  const municipalitiesDir = join(dir, 'municipalities');
  const built = buildCatalogue({
    sources: read(join(dir, 'sources.yaml')),
    national: read(join(dir, 'national/catalogue.yaml')),
    municipalities: readdirSync(municipalitiesDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => read(join(municipalitiesDir, f))),
  });
  // Threshold amounts and condition figures come from the dated parameters (with-parameters.ts).
  return withParameters(
    built,
    parameters ?? buildParameters(read(join(dir, 'national/parameters.yaml')), built.sources),
  );
}

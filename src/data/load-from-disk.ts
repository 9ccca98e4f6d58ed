/** The catalogue for plain Node scripts (CLI, server start-up checks). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalogue, type Catalogue, type RawFile } from './build-catalogue.ts';

export function loadCatalogueFromDisk(root = process.cwd()): Catalogue {
  const dir = join(root, 'src/data');
  const read = (p: string): RawFile => ({ path: relative(root, p), text: readFileSync(p, 'utf8') });
  const municipalitiesDir = join(dir, 'municipalities');
  return buildCatalogue({
    sources: read(join(dir, 'sources.yaml')),
    national: read(join(dir, 'national/catalogue.yaml')),
    municipalities: readdirSync(municipalitiesDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => read(join(municipalitiesDir, f))),
  });
}

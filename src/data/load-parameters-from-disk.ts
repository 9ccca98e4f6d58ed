/** National parameters for plain Node scripts (CLI, bench). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NationalParameters, Sources } from '../domain/schemas/index.ts';
import { buildParameters } from './build-parameters.ts';

export function loadParametersFromDisk(root = process.cwd(), sources?: Sources): NationalParameters {
  const path = 'src/data/national/parameters.yaml';
  return buildParameters({ path, text: readFileSync(join(root, path), 'utf8') }, sources);
}

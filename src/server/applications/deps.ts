/** The handler's dependencies in the running server: the catalogue and the configured limits/dirs. */
import { catalogue } from '#src/data/index.ts';
import { getConfig } from '../env.ts';
import type { HandlerDeps } from './handler.ts';

export function serverDeps(): HandlerDeps {
  return { catalogue, maxBodyBytes: getConfig().MAX_BODY_BYTES };
}

/** Server/build side: the trimmed pack and strings the estimator page and the no-JS route pass on. */
import { catalogue, publishedItemsFor } from '#src/data/index.ts';
import { parameters } from '#src/data/parameters.ts';
import { trimPack, type EstimatorPack } from '#src/domain/estimator/pack.ts';
import type { Municipality } from '#src/domain/schemas/index.ts';
import type { Locale } from '#src/i18n/index.ts';

const packs = new Map<string, EstimatorPack>();

export function estimatorPackFor(m: Municipality, locale: Locale): EstimatorPack {
  const key = `${locale}:${m.id}`;
  let p = packs.get(key);
  if (!p) packs.set(key, (p = trimPack(m, publishedItemsFor(catalogue, m), parameters, locale)));
  return p;
}

/**
 * What the estimator's strings are picked from (island-strings.ts): its own namespace and the
 * rules' reasons it shows with the results.
 */
export const ESTIMATOR_STRINGS = ['estimator', 'rules'] as const;

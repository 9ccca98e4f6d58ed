/**
 * Build and server side: the estimator's trimmed pack (only what the island's engine needs, from
 * the catalogue and parameters) per municipality and locale, and which strings it ships. The
 * estimator page serialises both for the island; the no-JS route uses the same ones.
 */
import { catalogue, publishedItemsFor } from './index.ts';
import { parameters } from './parameters.ts';
import type { EstimatorData } from '#src/domain/estimator/data.ts';
import { trimPack, type EstimatorPack } from '#src/domain/estimator/pack.ts';
import type { Municipality } from '#src/domain/schemas/index.ts';
import type { Locale } from '#src/i18n/index.ts';
import { islandStrings } from '#src/i18n/island-strings.ts';
import type { Strings } from '#src/i18n/tiny-t.ts';

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

/**
 * The island's data block: the pack and its strings, less `estimator:page` (the page renders those
 * strings itself, the island never shows them).
 */
export function estimatorData(m: Municipality, locale: Locale): EstimatorData {
  return {
    pack: estimatorPackFor(m, locale),
    strings: islandStrings(locale, ESTIMATOR_STRINGS, { omit: ['estimator:page'] }),
  };
}

/** The few strings of the island's no-JS start form, its `startStrings` prop (props are kept small). */
export function estimatorStartStrings(locale: Locale): Strings {
  return islandStrings(locale, ['estimator:start', 'estimator:action.continue']).estimator!;
}

/** Shared test data: packs, strings and example households as the estimator uses them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, publishedItemsFor } from '#src/data/index.ts';
import { parameters } from '#src/data/parameters.ts';
import type { EvaluationContext } from '#src/domain/engine/evaluate.ts';
import { trimPack, type EstimatorPack } from '#src/domain/estimator/pack.ts';
import type { HouseholdInput, Locale } from '#src/domain/schemas/index.ts';
import { ESTIMATOR_STRINGS } from '#src/data/estimator-pack.ts';
import { islandStrings } from '#src/i18n/island-strings.ts';
import type { Namespaces } from '#src/i18n/tiny-t.ts';

export function municipality(id: string) {
  const m = catalogue.municipalities.find((x) => x.id === id);
  if (!m) throw new Error(`no municipality ${id}`);
  return m;
}

export function fullContext(id: string): EvaluationContext {
  const m = municipality(id);
  return { municipality: m, items: publishedItemsFor(catalogue, m), parameters };
}

export function packFor(id: string, locale: Locale = 'lv'): EstimatorPack {
  const m = municipality(id);
  return trimPack(m, publishedItemsFor(catalogue, m), parameters, locale);
}

/** The estimator's strings as the route picks them (the page leaves out `estimator:page`). */
export function stringsFor(locale: Locale): Namespaces {
  return islandStrings(locale, ESTIMATOR_STRINGS);
}

const DIR = 'examples/households';
/** Every example household (the engine engineer's `examples/households/*.json`, not the expected results). */
export function exampleHouseholds(): { name: string; input: HouseholdInput }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ''),
      input: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as HouseholdInput,
    }));
}

export const MUNICIPALITY_IDS = catalogue.municipalities.map((m) => m.id).sort();

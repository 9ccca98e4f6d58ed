/**
 * What the estimator island reads from its page's JSON data block: the trimmed pack its engine
 * runs on and the strings it shows (src/data/estimator-pack.ts builds it at build time).
 */
import type { Namespaces } from '#src/i18n/tiny-t.ts';
import type { EstimatorPack } from './pack.ts';

export interface EstimatorData {
  pack: EstimatorPack;
  /** The `estimator` and `rules` namespaces in the page's language. */
  strings: Namespaces;
}

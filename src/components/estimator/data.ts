/**
 * What the estimator island reads from its page's JSON data block: the trimmed pack its engine
 * runs on and the strings it shows. src/data/estimator-pack.ts builds it at build time; the
 * estimator page checks the two agree by typing the block with this.
 */
import type { EstimatorPack } from '#src/domain/estimator/pack.ts';
import type { Namespaces } from '#src/i18n/tiny-t.ts';

export interface EstimatorData {
  pack: EstimatorPack;
  /** The `estimator` and `rules` namespaces in the page's language. */
  strings: Namespaces;
}

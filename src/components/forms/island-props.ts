/**
 * Serializable props for the ApplicationForm island: the form id, the few item facts that choose
 * the sections (so the island rebuilds the same definition without the catalogue), and the
 * translated strings it may show. Server-side only.
 */
import type { CatalogueItem, FormId } from '#src/domain/schemas/catalogue.ts';
import type { Locale } from '#src/i18n/index.ts';
import { islandStrings } from '#src/i18n/island-strings.ts';
import type { Namespaces } from '#src/i18n/tiny-t.ts';

type ItemFacts = Pick<CatalogueItem, 'id' | 'kind' | 'situations' | 'eligibility' | 'application'> & {
  amounts: { rule: { type: string } }[];
};

export interface IslandProps {
  form: FormId;
  municipality: string;
  item: ItemFacts | null;
  locale: Locale;
  /** The `forms` strings the island may show, for createTinyT (keys without `forms:`). */
  strings: Namespaces;
}

/**
 * What the island shows: every field error the shared validators can give (the whole
 * `error` group, so a new validator's key ships by itself), its own buttons and notices, the
 * error prefix, the summary title and the row legends. Request-level errors (`error.request.*`)
 * are answers of the endpoint that the page renders, never the island.
 */
const ISLAND_STRINGS = [
  'forms:error',
  'forms:island',
  'forms:summary.title',
  'forms:page.errorPrefix',
  'forms:page.row',
] as const;
const ISLAND_OMIT = ['forms:error.request'] as const;

export function islandProps(
  form: FormId,
  municipality: string,
  item: CatalogueItem | undefined,
  locale: Locale,
): IslandProps {
  return {
    form,
    municipality,
    item: item
      ? {
          id: item.id,
          kind: item.kind,
          situations: item.situations,
          eligibility: item.eligibility,
          application: item.application,
          amounts: item.amounts.map((a) => ({ rule: { type: a.rule.type } })),
        }
      : null,
    locale,
    strings: islandStrings(locale, ISLAND_STRINGS, { omit: ISLAND_OMIT }),
  };
}

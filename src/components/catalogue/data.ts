/**
 * What the catalogue pages read from the data: published items per municipality, the life
 * situations and target groups that actually have items (no empty entry points or filters).
 */
import { catalogue, publishedItemsFor } from '#src/data/index.ts';
import {
  LIFE_SITUATIONS,
  TARGET_GROUPS,
  type CatalogueItem,
  type LifeSituation,
  type Municipality,
  type TargetGroup,
} from '#src/domain/schemas/index.ts';
import type { Locale } from '#src/i18n/index.ts';
import { SITE_LOCALES } from '#src/i18n/site-locales.ts';

export { catalogue };

export const MUNICIPALITIES: Municipality[] = [...catalogue.municipalities].sort((a, b) =>
  a.name.lv.localeCompare(b.name.lv, 'lv'),
);

const cache = new Map<string, CatalogueItem[]>();
/** Published items (planned-only items are never shown), sorted by name in the page's language. */
export function itemsOf(m: Municipality, locale: Locale = 'lv', kind?: CatalogueItem['kind']): CatalogueItem[] {
  let all = cache.get(m.id);
  if (!all) cache.set(m.id, (all = publishedItemsFor(catalogue, m)));
  const coll = new Intl.Collator(locale === 'lv' ? 'lv' : 'ru');
  return all.filter((i) => !kind || i.kind === kind).sort((a, b) => coll.compare(a.name[locale], b.name[locale]));
}

/** Ways to hand in the signed application (the online pre-application is a request, not one of them). */
export function signedChannels(m: Municipality): Municipality['channels'] {
  return m.channels.filter((c) => c !== 'online-pre-application');
}

export function situationsOf(m: Municipality): LifeSituation[] {
  const items = itemsOf(m);
  return LIFE_SITUATIONS.filter((s) => items.some((i) => i.situations.includes(s)));
}

export function groupsOf(items: CatalogueItem[]): TargetGroup[] {
  return TARGET_GROUPS.filter((g) => items.some((i) => i.targetGroups.includes(g)));
}

/** The municipality with this URL segment (id), if the catalogue has one. */
export function findMunicipality(id: string | undefined): Municipality | undefined {
  return catalogue.municipalities.find((x) => x.id === id);
}

/** getStaticPaths for pages under /{locale}/{municipality}/. */
export function municipalityParams() {
  return SITE_LOCALES.flatMap((locale) =>
    MUNICIPALITIES.map((municipality) => ({
      params: { locale, municipality: municipality.id },
      props: { locale, municipality },
    })),
  );
}

/** getStaticPaths for item pages: every published item of every municipality, in every offered locale. */
export function itemParams(kind: CatalogueItem['kind']) {
  return SITE_LOCALES.flatMap((locale) =>
    MUNICIPALITIES.flatMap((municipality) =>
      itemsOf(municipality, locale, kind).map((item) => ({
        params: { locale, municipality: municipality.id, id: item.id },
        props: { municipality, item },
      })),
    ),
  );
}

/** getStaticPaths for list pages filtered by target group (only groups that have items). */
export function groupParams(kind: CatalogueItem['kind']) {
  return SITE_LOCALES.flatMap((locale) =>
    MUNICIPALITIES.flatMap((municipality) =>
      groupsOf(itemsOf(municipality, locale, kind)).map((group) => ({
        params: { locale, municipality: municipality.id, group },
        props: { municipality, group },
      })),
    ),
  );
}

/** getStaticPaths for situation pages (only situations with published items). */
export function situationParams() {
  return SITE_LOCALES.flatMap((locale) =>
    MUNICIPALITIES.flatMap((municipality) =>
      situationsOf(municipality).map((situation) => ({
        params: { locale, municipality: municipality.id, situation },
        props: { municipality, situation },
      })),
    ),
  );
}

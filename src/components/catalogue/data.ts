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

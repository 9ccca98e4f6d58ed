/**
 * getStaticPaths of the prerendered pages: one page per offered locale (SITE_LOCALES), and under
 * /{locale}/{municipality}/ one per municipality times what the page lists (published items,
 * target groups and life situations that have items, so no page is empty). The props carry what
 * the page shows, so a page never looks its municipality or item up again.
 */
import { groupsOf, itemsOf, MUNICIPALITIES, situationsOf } from '#src/components/catalogue/data.ts';
import type { CatalogueItem, LifeSituation, Municipality, TargetGroup } from '#src/domain/schemas/index.ts';
import type { Locale } from '#src/i18n/index.ts';
import { SITE_LOCALES } from '#src/i18n/site-locales.ts';

export interface LocalePageProps {
  locale: Locale;
}
export interface MunicipalityPageProps extends LocalePageProps {
  municipality: Municipality;
}
export interface ItemPageProps extends MunicipalityPageProps {
  item: CatalogueItem;
}
export interface GroupPageProps extends MunicipalityPageProps {
  group: TargetGroup;
}
export interface SituationPageProps extends MunicipalityPageProps {
  situation: LifeSituation;
}

/** Pages under /{locale}/: one per offered locale. */
export function localePaths() {
  return SITE_LOCALES.map((locale) => ({ params: { locale }, props: { locale } satisfies LocalePageProps }));
}

/** Every offered locale × municipality, each expanded into the pages `expand` lists for it. */
function perMunicipality<Segments extends Record<string, string>, Extra extends object>(
  expand: (page: MunicipalityPageProps) => { params: Segments; props: Extra }[],
) {
  return SITE_LOCALES.flatMap((locale) =>
    MUNICIPALITIES.flatMap((municipality) =>
      expand({ locale, municipality }).map(({ params, props }) => ({
        params: { locale, municipality: municipality.id, ...params },
        props: { locale, municipality, ...props },
      })),
    ),
  );
}

/** Pages under /{locale}/{municipality}/: one per offered locale × municipality. */
export function municipalityPaths() {
  return perMunicipality(() => [{ params: {}, props: {} }]);
}

/** Item pages: every published item of the kind, in every municipality and offered locale. */
export function itemPaths(kind: CatalogueItem['kind']) {
  return perMunicipality(({ locale, municipality }) =>
    itemsOf(municipality, locale, kind).map((item) => ({ params: { id: item.id }, props: { item } })),
  );
}

/** List pages filtered by target group: only groups that have items of the kind. */
export function groupPaths(kind: CatalogueItem['kind']) {
  return perMunicipality(({ locale, municipality }) =>
    groupsOf(itemsOf(municipality, locale, kind)).map((group) => ({ params: { group }, props: { group } })),
  );
}

/** Life situation pages: only situations with published items. */
export function situationPaths() {
  return perMunicipality(({ municipality }) =>
    situationsOf(municipality).map((situation) => ({ params: { situation }, props: { situation } })),
  );
}

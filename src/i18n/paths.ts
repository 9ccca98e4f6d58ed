/**
 * Every URL of the portal, in one place. Section slugs are Latvian words and the same in both
 * languages, so the language switch only swaps the first segment. Item ids are the stable
 * catalogue ids. All paths end with "/" (astro.config.mjs trailingSlash: 'always').
 */
import type { Locale } from './locales.ts';
import type { FormId, LifeSituation, TargetGroup } from '../domain/schemas/catalogue.ts';

export const paths = {
  root: () => '/',
  home: (l: Locale) => `/${l}/`,
  municipality: (l: Locale, m: string) => `/${l}/${m}/`,
  situation: (l: Locale, m: string, s: LifeSituation) => `/${l}/${m}/situacijas/${s}/`,
  benefits: (l: Locale, m: string) => `/${l}/${m}/pabalsti/`,
  benefitsForGroup: (l: Locale, m: string, g: TargetGroup) => `/${l}/${m}/pabalsti/grupa/${g}/`,
  benefit: (l: Locale, m: string, id: string) => `/${l}/${m}/pabalsti/${id}/`,
  services: (l: Locale, m: string) => `/${l}/${m}/pakalpojumi/`,
  servicesForGroup: (l: Locale, m: string, g: TargetGroup) => `/${l}/${m}/pakalpojumi/grupa/${g}/`,
  service: (l: Locale, m: string, id: string) => `/${l}/${m}/pakalpojumi/${id}/`,
  item: (l: Locale, m: string, kind: 'benefit' | 'service', id: string) =>
    kind === 'benefit' ? paths.benefit(l, m, id) : paths.service(l, m, id),
  contacts: (l: Locale, m: string) => `/${l}/${m}/kontakti/`,
  howToApply: (l: Locale, m: string) => `/${l}/${m}/ka-pieteikties/`,
  privacy: (l: Locale, m: string) => `/${l}/${m}/privatums/`,
  accessibility: (l: Locale) => `/${l}/pieejamiba/`,
  estimator: (l: Locale, m: string) => `/${l}/${m}/novertejums/`,
  /** On-demand route: the no-JS estimator posts here and gets the results page. */
  estimatorResults: (l: Locale, m: string) => `/${l}/${m}/novertejums/rezultati/`,
  applyIndex: (l: Locale, m: string) => `/${l}/${m}/pieteikums/`,
  /** On-demand route: GET renders the form, POST validates and stores. `item` = benefit/service id. */
  apply: (l: Locale, m: string, form: FormId, item?: string) =>
    `/${l}/${m}/pieteikums/${form}/${item ? `?item=${encodeURIComponent(item)}` : ''}`,
  applySent: (l: Locale, m: string) => `/${l}/${m}/pieteikums/nosutits/`,
  /** JSON API for integrations (same schemas as the HTML forms). */
  apiApplication: (m: string, form: FormId) => `/api/${m}/applications/${form}/`,
} as const;

/** The same page in another language: swap the locale segment. */
export function switchLocale(path: string, to: Locale): string {
  return path.replace(/^\/(lv|ru)(?=\/|$)/, `/${to}`);
}

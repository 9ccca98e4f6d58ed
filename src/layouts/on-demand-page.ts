/**
 * The opening of every page rendered on demand under /{locale}/{municipality}/ (application
 * forms, thank-you page, PDF download, no-JS estimator results): the locale must be one this
 * deployment offers and the municipality one of the catalogue's, else the answer is 404. These
 * pages are built per request from what the resident sent (or for one browser), so no answer of
 * theirs is ever stored by a cache — the 404 included.
 */
import type { TFunction } from 'i18next';
import { findMunicipality } from '#src/components/catalogue/data.ts';
import type { Municipality } from '#src/domain/schemas/index.ts';
import { tFor, type Locale } from '#src/i18n/index.ts';
import { SITE_LOCALES } from '#src/i18n/site-locales.ts';

const ON_DEMAND_CACHE_CONTROL = 'no-store';

/** The parts of Astro's page global the opening reads and writes. */
interface OnDemandAstro {
  params: Record<string, string | undefined>;
  response: { headers: Headers };
}

interface OnDemandPage {
  locale: Locale;
  m: Municipality;
  t: TFunction;
}

/** The one "not found" of an on-demand page (the server shows the built 404 page for it). */
export function notFound(): Response {
  return new Response(null, { status: 404, headers: { 'Cache-Control': ON_DEMAND_CACHE_CONTROL } });
}

/**
 * Locale, municipality and translator of the page, with the response marked not cacheable; or
 * the 404 to return when either is unknown:
 *
 *   const page = openOnDemandPage(Astro);
 *   if (page instanceof Response) return page;
 *   const { locale, m, t } = page;
 */
export function openOnDemandPage(astro: OnDemandAstro): OnDemandPage | Response {
  const locale = SITE_LOCALES.find((l) => l === astro.params.locale);
  const m = findMunicipality(astro.params.municipality);
  if (!locale || !m) return notFound();
  astro.response.headers.set('Cache-Control', ON_DEMAND_CACHE_CONTROL);
  return { locale, m, t: tFor(locale) };
}

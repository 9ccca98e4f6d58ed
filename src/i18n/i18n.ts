/**
 * i18next set up once per locale from locales/<lv|ru>/<namespace>.json. Used by Astro pages,
 * islands and the server (staff e-mail is always rendered with `lv`).
 * Plurals: i18next uses Intl.PluralRules — Latvian zero/one/other, Russian one/few/many/other.
 */
import i18next, { type TFunction, type i18n as I18n } from 'i18next';
import type { Locale } from './locales.ts';
import { LOCALES } from './locales.ts';

type Resources = Record<string, Record<string, unknown>>;

const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', { import: 'default', eager: true });

const NAMESPACES = [
  ...new Set(
    Object.keys(files).map((p) =>
      p
        .split('/')
        .pop()!
        .replace(/\.json$/, ''),
    ),
  ),
].sort();

export function resourcesFor(locale: Locale): Resources {
  const out: Resources = {};
  for (const [path, data] of Object.entries(files)) {
    const [, loc, ns] = path.match(/locales\/([a-z]+)\/([^/]+)\.json$/) ?? [];
    if (loc === locale && ns) out[ns] = data;
  }
  return out;
}

const instances = new Map<Locale, I18n>();

export function i18nFor(locale: Locale): I18n {
  let inst = instances.get(locale);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({
      lng: locale,
      fallbackLng: false,
      supportedLngs: [...LOCALES],
      ns: NAMESPACES,
      defaultNS: 'common',
      resources: { [locale]: resourcesFor(locale) },
      initAsync: false,
      interpolation: { escapeValue: false }, // Astro and Preact escape output themselves.
      returnNull: false,
      returnEmptyString: false,
      // A missing key must fail loudly in tests and the build, never reach a page.
      saveMissing: false,
    });
    instances.set(locale, inst);
  }
  return inst;
}

/** `t('catalogue:item.amount', {...})` for a locale. */
export function tFor(locale: Locale): TFunction {
  return i18nFor(locale).t;
}

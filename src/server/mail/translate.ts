/**
 * Translations for the e-mails and the PDF, passed in rather than imported: the Astro bundle
 * hands in the build's `tFor` (src/i18n), while the outbox worker — plain Node, where Vite's
 * `import.meta.glob` does not exist — uses `nodeTranslator()`, which reads the same
 * `locales/<lv|ru>/*.json` files from disk and sets i18next up with the same options.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';

export type Locale = 'lv' | 'ru';
export type Translator = (locale: Locale) => TFunction;

const LOCALES_DIR = fileURLToPath(new URL('../../../locales/', import.meta.url));

const cache = new Map<string, TFunction>();

/** A translator reading `locales/` from disk (the repository's, or `dir`). */
export function nodeTranslator(dir: string = LOCALES_DIR): Translator {
  return (locale) => {
    const key = `${dir}\0${locale}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const resources: Record<string, unknown> = {};
    const namespaces: string[] = [];
    for (const file of readdirSync(join(dir, locale))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const ns = file.replace(/\.json$/, '');
      namespaces.push(ns);
      resources[ns] = JSON.parse(readFileSync(join(dir, locale, file), 'utf8'));
    }
    const inst = i18next.createInstance();
    void inst.init({
      lng: locale,
      fallbackLng: false,
      supportedLngs: ['lv', 'ru'],
      ns: namespaces,
      defaultNS: 'common',
      resources: { [locale]: resources as Record<string, Record<string, unknown>> },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      returnEmptyString: false,
      saveMissing: false,
    });
    cache.set(key, inst.t);
    return inst.t;
  };
}

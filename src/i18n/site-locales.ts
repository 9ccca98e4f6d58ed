/**
 * The locales THIS deployment offers (build-time configuration LOCALES=lv,ru | lv).
 * Every page's getStaticPaths uses SITE_LOCALES (layouts/static-paths.ts), so LOCALES=lv builds no /ru/ page at all and
 * the layout hides every trace of the language switch: a Latvian-only portal must work as well.
 */
import { parseLocales, type Locale } from './locales.ts';

export const SITE_LOCALES: Locale[] = parseLocales(
  (import.meta.env.LOCALES as string | undefined) ?? process.env.LOCALES,
);

/** The language switch (and hreflang alternates) only exist when there is another language. */
export const HAS_LANGUAGE_SWITCH = SITE_LOCALES.length > 1;

/** The locale segment of a portal path ("/ru/daugavpils/" → "ru"), or undefined for "/" and "/404". */
export function localeOfPath(path: string): Locale | undefined {
  const seg = path.split('/')[1];
  return SITE_LOCALES.find((l) => l === seg);
}

/**
 * Dates inside sentences. Latvian long dates change case after prepositions ("kopš 2024. gada
 * 25. aprīļa"), which a formatter cannot do, so sentences use the numeric form official texts use:
 * lv "25.04.2024." (with the ordinal dot), ru "25.04.2024".
 */
import type { Locale } from '#src/i18n/index.ts';

export function numericDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}${locale === 'lv' ? '.' : ''}`;
}

/** Ends a sentence with a full stop unless it already ends with one (lv dates end with "."). */
export function endSentence(s: string): string {
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}

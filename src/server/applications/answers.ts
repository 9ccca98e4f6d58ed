/**
 * Single answers of an accepted application, read by the mail, PDF and JSON builders: one text
 * answer, the applicant's name, and the language to write to the resident in.
 */
import type { Values } from '#src/domain/forms/types.ts';
import type { Locale } from '#src/i18n/index.ts';
import type { Submission } from './types.ts';

/** The resident's chosen language for information (contact.language), else the UI language. */
export function contactLanguage(s: Pick<Submission, 'values' | 'uiLocale'>): Locale {
  const c = s.values['contact'];
  const v = c && !Array.isArray(c) ? c['language'] : undefined;
  return v === 'ru' || v === 'lv' ? v : s.uiLocale;
}

/** The text answer `section.field` (of a non-repeated section); '' when not answered. */
export function answer(values: Values, section: string, field: string): string {
  const s = values[section];
  const v = s && !Array.isArray(s) ? s[field] : undefined;
  return typeof v === 'string' ? v : '';
}

/** The applicant's given and family name, as typed. */
export function applicantName(values: Values): string {
  return `${answer(values, 'applicant', 'givenName')} ${answer(values, 'applicant', 'familyName')}`.trim();
}

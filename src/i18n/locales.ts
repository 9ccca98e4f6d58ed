/**
 * Which locales this deployment offers. Build-time configuration: LOCALES=lv,ru (default) or
 * LOCALES=lv (Latvian only: every trace of the language switch disappears).
 */
import { LOCALES, type Locale } from '../domain/schemas/common.ts';

export { LOCALES, type Locale };
const BASE_LOCALE: Locale = 'lv';

export function parseLocales(value: string | undefined): Locale[] {
  if (value === undefined || value.trim() === '') return [...LOCALES];
  const wanted = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((l) => !(LOCALES as readonly string[]).includes(l));
  if (unknown.length)
    throw new Error(`LOCALES: unknown locale(s) ${unknown.join(', ')}; use a comma list of ${LOCALES.join(', ')}`);
  if (!wanted.includes(BASE_LOCALE))
    throw new Error(`LOCALES: must include "${BASE_LOCALE}" (Latvian is the official language)`);
  return LOCALES.filter((l) => wanted.includes(l));
}

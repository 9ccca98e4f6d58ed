/**
 * Reading numbers as residents type them: "350", "350,50", "1 234.5", "350 €".
 * Money becomes integer cents here, once: inside the portal every amount is whole cents, so sums
 * and comparisons with thresholds never suffer from floating-point rounding.
 */

/** Same ceiling as the household schema (`household.error.tooLarge`). */
const MAX_EUROS = 1_000_000;

export type Parsed =
  { ok: true; value: number } | { ok: false; reason: 'empty' | 'format' | 'negative' | 'cents' | 'tooLarge' };

/** Euros → integer cents. Accepts a comma or a point for the decimals, spaces and a trailing €. */
export function parseEuroCents(text: string): Parsed {
  const s = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(€|eur|euro)$/i, '')
    .replace(',', '.');
  if (s === '') return { ok: false, reason: 'empty' };
  if (/^-/.test(s)) return { ok: false, reason: 'negative' };
  if (!/^\d+(\.\d+)?$/.test(s)) return { ok: false, reason: 'format' };
  const [whole, frac = ''] = s.split('.') as [string, string?];
  if (frac.replace(/0+$/, '').length > 2) return { ok: false, reason: 'cents' };
  const cents = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  if (cents > MAX_EUROS * 100) return { ok: false, reason: 'tooLarge' };
  return { ok: true, value: cents };
}

/** A whole number within [min, max]. */
export function parseWhole(text: string, min: number, max: number): Parsed {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (/^-/.test(s)) return { ok: false, reason: 'negative' };
  if (!/^\d+$/.test(s)) return { ok: false, reason: 'format' };
  const n = Number(s);
  if (n < min) return { ok: false, reason: 'negative' };
  if (n > max) return { ok: false, reason: 'tooLarge' };
  return { ok: true, value: n };
}

/** Cents → the plain form value ("350" or "350,50"), for refilling a form from stored data. */
export function centsToInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

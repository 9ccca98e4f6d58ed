/**
 * Reference numbers for applications: `<PREFIX>-<YEAR>-<CODE>`, e.g. `DGV-2026-7KQ3M`.
 *
 * The code is 5 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a resident
 * can read it over the phone or copy it from paper. 31^5 ≈ 28.6 million codes per prefix and
 * year; codes are drawn with crypto randomness (unguessable), and a collision is caught by the
 * outbox (the reference is the item's folder name) so a new code is drawn.
 */
import { randomInt } from 'node:crypto';

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_CODE_LENGTH = 5;
export const REFERENCE_PATTERN = /^[A-Z]{2,6}-\d{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/;
const PREFIX = /^[A-Z]{2,6}$/;

/** A new reference; `prefix` is the municipality's (2–6 capital Latin letters, from the pack). */
export function newReference(prefix: string, now: Date = new Date()): string {
  if (!PREFIX.test(prefix)) throw new TypeError(`reference prefix must match ${PREFIX.source}`);
  let code = '';
  for (let i = 0; i < REFERENCE_CODE_LENGTH; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  // The year is Latvia's civil year: an application sent at 00:30 on 1 January local time is that year's.
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Riga', year: 'numeric' }).format(now);
  return `${prefix}-${year}-${code}`;
}

export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

/** Normalises a reference a resident typed (lower case, spaces or dashes as separators). */
export function normalizeReference(input: string): string | undefined {
  const candidate = input.trim().toUpperCase().replace(/[\s_–—]+/g, '-');
  return REFERENCE_PATTERN.test(candidate) ? candidate : undefined;
}

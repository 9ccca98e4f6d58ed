/**
 * Field validators shared by the island (inline errors), the server (final check) and tests.
 * Small pure functions, no zod: the island ships them without a schema library (JS budget).
 * Each returns the normalized value or an i18n error key (namespace `forms`).
 */

/** A validator's answer: the normalized value, or the i18n key of the error (`error.iban.checksum`). */
export type Check = { ok: true; value: string } | { ok: false; key: string };
export const ok = (value: string): Check => ({ ok: true, value });
export const fail = (key: string): Check => ({ ok: false, key });

/** Control characters (C0, DEL, C1) and Unicode line/paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The same but allowing tab and line breaks (multi-line text). */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

/** One line of free text: no control characters (CR/LF can never reach an e-mail header). */
export function checkLine(raw: string, max = 200): Check {
  const v = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (CONTROL.test(raw.trim())) return fail('error.text.control');
  if (v.length > max) return fail('error.text.tooLong');
  return ok(v);
}

/** Multi-line text (textarea). Line breaks are normalised to \n. */
export function checkMultiline(raw: string, max = 3000): Check {
  const v = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (CONTROL_MULTILINE.test(v)) return fail('error.text.control');
  if (v.length > max) return fail('error.text.tooLong');
  return ok(v);
}

/**
 * A person's name: letters of any script (Latvian diacritics, Cyrillic), spaces, hyphens,
 * apostrophes and dots. Markup characters cannot pass, so names are safe in every sink.
 */
export function checkName(raw: string): Check {
  const line = checkLine(raw, 100);
  if (!line.ok) return line;
  if (!/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u.test(line.value)) return fail('error.name.characters');
  return line;
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Weights of the check digit of the old (date-based) personal code. */
const PK_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check digit of the first 10 digits of an old-format personal code, or null when none fits (remainder 10). */
export function personalCodeCheckDigit(first10: string): number | null {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * PK_WEIGHTS[i]!;
  const c = (1101 - sum) % 11;
  return c === 10 ? null : (c + 11) % 11;
}

/**
 * Latvian personal code (personas kods), with or without the dash, normalized to NNNNNN-NNNNN.
 * Old format DDMMYY-CNNNN: C is the century digit (0 = 1800s, 1 = 1900s, 2 = 2000s), the last
 * digit a check digit (weights 1,6,3,7,9,10,5,8,4,2; (1101 − Σ) mod 11). New format since
 * 1.7.2017: 32NNNN-NNNNN, no date and no published check rule, so it is checked by structure.
 */
export function checkPersonalCode(raw: string): Check {
  const compact = raw.replace(/[\s\u00a0]/g, '');
  const m = /^(\d{6})-?(\d{5})$/.exec(compact);
  if (!m) return fail('error.personalCode.format');
  const digits = m[1]! + m[2]!;
  const normalized = `${m[1]}-${m[2]}`;
  if (digits.startsWith('32')) return ok(normalized);
  const century = { '0': 1800, '1': 1900, '2': 2000 }[digits[6]!];
  if (century === undefined) return fail('error.personalCode.century');
  const d = Number(digits.slice(0, 2));
  const mo = Number(digits.slice(2, 4));
  const y = century + Number(digits.slice(4, 6));
  if (!validDate(y, mo, d)) return fail('error.personalCode.date');
  if (personalCodeCheckDigit(digits.slice(0, 10)) !== Number(digits[10])) return fail('error.personalCode.checksum');
  return ok(normalized);
}

/** IBAN lengths of the countries residents most often bank in (ISO 13616 registry). */
const IBAN_LENGTHS: Record<string, number> = {
  LV: 21,
  LT: 20,
  EE: 20,
  FI: 18,
  SE: 24,
  DE: 22,
  PL: 28,
  GB: 22,
  IE: 22,
  NO: 15,
  DK: 18,
  NL: 18,
  BE: 16,
  FR: 27,
  ES: 24,
  IT: 27,
  AT: 20,
  CZ: 24,
  SK: 24,
  LU: 20,
  PT: 25,
  CH: 21,
  UA: 29,
};

/** ISO 7064 mod 97-10, computed in chunks so no BigInt is needed. */
function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const part = code >= 65 ? String(code - 55) : ch;
    for (const digit of part) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem;
}

/** IBAN, spaces allowed, normalized to upper case in groups of four ("LV80 BANK 0000 4351 9500 1"). */
export function checkIban(raw: string): Check {
  const v = raw.replace(/[\s\u00a0-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) return fail('error.iban.format');
  const expected = IBAN_LENGTHS[v.slice(0, 2)];
  if (expected !== undefined && v.length !== expected)
    return fail(v.startsWith('LV') ? 'error.iban.lengthLv' : 'error.iban.length');
  if (v.startsWith('LV') && !/^LV\d{2}[A-Z]{4}[A-Z0-9]{13}$/.test(v)) return fail('error.iban.format');
  if (ibanMod97(v) !== 1) return fail('error.iban.checksum');
  return ok(v.replace(/(.{4})(?=.)/g, '$1 '));
}

/**
 * Phone: a Latvian number of 8 digits (first digit 2 mobile, 6 landline, 8/9 service numbers),
 * optionally with +371 / 00371; or an international number in E.164 form (+ and 8–15 digits).
 * Normalized to "+371 2XXXXXXX" or "+<digits>".
 */
export function checkPhone(raw: string): Check {
  const v = raw.replace(/[\s\u00a0().-]/g, '');
  const lv = /^(?:(?:\+|00)371)?([2-9]\d{7})$/.exec(v);
  if (lv) return ok(`+371 ${lv[1]}`);
  const intl = /^(?:\+|00)([1-9]\d{7,14})$/.exec(v);
  if (intl && !intl[1]!.startsWith('371')) return ok(`+${intl[1]}`);
  return fail('error.phone.format');
}

/**
 * E-mail: one address, no display name, no spaces or control characters (so it can never inject
 * a header), a dotted domain. Deliberately simple: the receipt bounces if it is wrong anyway.
 */
export function checkEmail(raw: string): Check {
  const v = raw.trim();
  if (v.length > 254 || CONTROL.test(v)) return fail('error.email.format');
  if (!/^[^\s@<>()[\]\\,;:"]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u.test(v)) {
    return fail('error.email.format');
  }
  return ok(v);
}

/** Euro amount as typed ("1 234,56", "1234.5", "300") → "1234.56"; 0 … 10 000 000 €. */
export function checkMoney(raw: string): Check {
  const v = raw.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(v)) return fail('error.money.format');
  return ok(toCents(v) === null ? v : (toCents(v)! / 100).toFixed(2));
}

/** "1234.56" → 123456 (integer cents), or null. */
export function toCents(v: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** A calendar date: YYYY-MM-DD (date input) or DD.MM.YYYY (typed) → YYYY-MM-DD, 1900–2100. */
export function checkDate(raw: string): Check {
  const v = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(v))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return fail('error.date.format');
  if (y < 1900 || y > 2100 || !validDate(y, mo, d)) return fail('error.date.invalid');
  return ok(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

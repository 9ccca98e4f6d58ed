/**
 * The one reader of the Accept-Language header. Two kinds of answer are built on it:
 *
 * - "/" (rootRedirect): Latvian is the official language and Russian is information given at
 *   the resident's own choice (State Language Law Art. 21), so "/" only redirects straight to
 *   Latvian; a browser preferring Russian (or anything else) gets the language choice page,
 *   where Russian is one click away.
 * - Messages that are not pages (the JSON API's errors, the server's own error answers)
 *   (messageLocale): Russian when it is the client's first choice, else Latvian.
 *
 * Pure (no framework, no environment): the Node server imports it directly.
 */
import type { Locale } from './locales.ts';

interface Ranked {
  lang: string;
  q: number;
  i: number;
}

/**
 * The header's entries best first, as primary subtags ("ru-RU" → "ru", "*" kept): q-values
 * honoured, ties keep header order; q=0, an unreadable q-value and empty entries are left out.
 */
function ranked(header: string | null | undefined): Ranked[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
}

/** Languages the client names, best first ("*" is not a language). */
export function preferredLanguages(header: string | null | undefined): string[] {
  return ranked(header)
    .map((x) => x.lang)
    .filter((lang) => lang !== '*');
}

/** "lv" when Latvian is the first of the offered languages the browser names; otherwise undefined (show the choice). */
export function rootRedirect(header: string | null | undefined, offered: readonly Locale[]): Locale | undefined {
  if (offered.length === 1) return offered[0];
  const first = preferredLanguages(header).find((l) => (offered as readonly string[]).includes(l));
  return first === 'lv' ? 'lv' : undefined;
}

/**
 * Language of a message for an API client or of a server error answer: Russian when it is the
 * client's first choice ("ru", "ru-RU,ru;q=0.9"), else Latvian (also when "*" comes first).
 */
export function messageLocale(header: string | null | undefined): Locale {
  return ranked(header)[0]?.lang === 'ru' ? 'ru' : 'lv';
}

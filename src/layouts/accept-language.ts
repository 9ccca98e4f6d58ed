/**
 * Picks the language for "/" from Accept-Language. Latvian is the official language and Russian
 * is information given at the resident's own choice (State Language Law Art. 21), so "/" only
 * redirects straight to Latvian; a browser preferring Russian (or anything else) gets the
 * language choice page, where Russian is one click away.
 */
import type { Locale } from '../i18n/index.ts';

/** Language tags by preference (q-values honoured, ties keep header order). */
export function preferredLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.lang && x.lang !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.lang);
}

/** "lv" when Latvian is the first of the offered languages the browser names; otherwise undefined (show the choice). */
export function rootRedirect(header: string | null | undefined, offered: readonly Locale[]): Locale | undefined {
  if (offered.length === 1) return offered[0];
  const first = preferredLanguages(header).find((l) => (offered as readonly string[]).includes(l));
  return first === 'lv' ? 'lv' : undefined;
}

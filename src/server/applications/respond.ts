/** Outcome → JSON response for the API (the HTML page renders outcomes itself). */
import { tFor, type Locale } from '../../i18n/index.ts';
import type { Outcome } from './outcome.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

// Messages without parameters are translated once per locale and key (an invalid application
// typically carries a few; translating them anew was a visible share of a 400's cost).
const plain = new Map<string, string>();
function translated(locale: Locale, key: string, params?: Record<string, string | number>): string {
  if (params && Object.keys(params).length) return tFor(locale)(key, params);
  const k = `${locale}\0${key}`;
  let text = plain.get(k);
  if (text === undefined) plain.set(k, (text = tFor(locale)(key)));
  return text;
}

export function jsonResponse(outcome: Outcome, locale: Locale): Response {
  switch (outcome.kind) {
    case 'accepted':
      return new Response(JSON.stringify({ reference: outcome.reference }), {
        status: 201,
        headers: { ...JSON_HEADERS, ...(outcome.replayed ? { 'idempotent-replayed': 'true' } : {}) },
      });
    case 'invalid':
    case 'add-row': {
      const errors = outcome.kind === 'invalid' ? outcome.errors : [];
      return new Response(
        JSON.stringify({
          code: 'INVALID',
          message: translated(locale, 'forms:summary.title'),
          errors: errors.map((e) => ({ path: e.path, key: `forms:${e.key}`, message: translated(locale, `forms:${e.key}`, e.params) })),
        }),
        { status: 400, headers: JSON_HEADERS },
      );
    }
    case 'rejected':
      return new Response(JSON.stringify({ code: outcome.code, key: `forms:${outcome.key}`, message: translated(locale, `forms:${outcome.key}`, outcome.params) }), {
        status: outcome.status,
        headers: { ...JSON_HEADERS, ...(outcome.retryAfter ? { 'retry-after': String(outcome.retryAfter) } : {}) },
      });
  }
}

/** A guard refusal (origin, rate limit, size) as JSON, translated. */
export function guardJson(status: number, code: string, key: string, locale: Locale, retryAfter?: number): Response {
  const t = tFor(locale);
  return new Response(JSON.stringify({ code, key: `forms:${key}`, message: t(`forms:${key}`, { seconds: retryAfter ?? 0 }) }), {
    status,
    headers: { ...JSON_HEADERS, ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}) },
  });
}

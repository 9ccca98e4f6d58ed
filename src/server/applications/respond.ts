/** Outcome → JSON response for the API (the HTML page renders outcomes itself). */
import { tFor, type Locale } from '../../i18n/index.ts';
import type { Outcome } from './outcome.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function jsonResponse(outcome: Outcome, locale: Locale): Response {
  const t = tFor(locale);
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
          message: t('forms:summary.title'),
          errors: errors.map((e) => ({ path: e.path, key: `forms:${e.key}`, message: t(`forms:${e.key}`, e.params ?? {}) })),
        }),
        { status: 400, headers: JSON_HEADERS },
      );
    }
    case 'rejected':
      return new Response(JSON.stringify({ code: outcome.code, key: `forms:${outcome.key}`, message: t(`forms:${outcome.key}`, outcome.params ?? {}) }), {
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

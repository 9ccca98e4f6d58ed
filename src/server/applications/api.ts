/**
 * The JSON API for integrations, `POST /api/<municipality>/applications/<form>/`, as one
 * framework-free function from a posted request (a web Request, or the Node server's own request:
 * deps.ts `PostedRequest`) to a plain reply (status, headers, JSON text).
 * Two callers share it: the Astro endpoint (src/pages/api/[municipality]/applications/[form].ts,
 * used by `astro dev`) and the Node server, which answers this route itself without Astro's
 * router and response rendering (http/portal-handler.ts) — the route is the busiest on-demand
 * one, and both give the same answers for the same request.
 *
 * The translator is passed in: the Astro bundle hands in the build's `tFor`, the Node server the
 * translator that reads `locales/` from disk (mail/translate.ts) — the same files and options.
 */
import type { TFunction } from 'i18next';
import { messageLocale } from '#src/i18n/accept-language.ts';
import type { Locale } from '#src/i18n/locales.ts';
import type { HandlerDeps, PostedRequest } from './deps.ts';
import { handleApplication } from './handler.ts';
import type { Outcome } from './outcome.ts';

type Translator = (locale: Locale) => TFunction;

export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The route: municipality and form slugs; anything else under /api/ is not this route. */
export const APPLICATION_API_PATH = /^\/api\/([a-z0-9-]{1,64})\/applications\/([a-z0-9-]{1,64})\/$/;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

// Messages without parameters are translated once per translator, locale and key (an invalid
// application typically carries a few; translating them anew was a visible share of a 400's cost).
const plain = new WeakMap<Translator, Map<string, string>>();
function translated(t: Translator, locale: Locale, key: string, params?: Record<string, string | number>): string {
  if (params && Object.keys(params).length) return t(locale)(key, params);
  let cache = plain.get(t);
  if (!cache) plain.set(t, (cache = new Map()));
  const k = `${locale}\0${key}`;
  let text = cache.get(k);
  if (text === undefined) cache.set(k, (text = t(locale)(key)));
  return text;
}

/** Outcome → the API's JSON reply. */
export function jsonReply(outcome: Outcome, locale: Locale, t: Translator): JsonReply {
  switch (outcome.kind) {
    case 'accepted':
      return {
        status: 201,
        headers: { ...JSON_HEADERS, ...(outcome.replayed ? { 'idempotent-replayed': 'true' } : {}) },
        body: JSON.stringify({ reference: outcome.reference }),
      };
    case 'invalid':
      return {
        status: 400,
        headers: JSON_HEADERS,
        body: JSON.stringify({
          code: 'INVALID',
          message: translated(t, locale, 'forms:summary.title'),
          errors: outcome.errors.map((e) => ({
            path: e.path,
            key: `forms:${e.key}`,
            message: translated(t, locale, `forms:${e.key}`, e.params),
          })),
        }),
      };
    case 'rejected':
      return {
        status: outcome.status,
        headers: { ...JSON_HEADERS, ...(outcome.retryAfter ? { 'retry-after': String(outcome.retryAfter) } : {}) },
        body: JSON.stringify({
          code: outcome.code,
          key: `forms:${outcome.key}`,
          message: translated(t, locale, `forms:${outcome.key}`, outcome.params),
        }),
      };
  }
}

/** A guard refusal (origin, rate limit, size) as the API's JSON reply, translated. */
export function guardReply(
  status: number,
  code: string,
  key: string,
  locale: Locale,
  t: Translator,
  retryAfter?: number,
): JsonReply {
  return {
    status,
    headers: { ...JSON_HEADERS, ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}) },
    body: JSON.stringify({
      code,
      key: `forms:${key}`,
      message: t(locale)(`forms:${key}`, { seconds: retryAfter ?? 0 }),
    }),
  };
}

/**
 * One API request: 201 `{"reference"}`, 400 field errors (i18n keys + translated messages), 409,
 * 413, 415, 503 — never 500 (an unexpected failure answers 503, the client retries).
 */
export async function applicationApiReply(
  request: PostedRequest,
  municipality: string,
  form: string,
  deps: HandlerDeps,
  t: Translator,
): Promise<JsonReply> {
  try {
    const outcome = await handleApplication({ request, municipality, form, mode: 'json' }, deps);
    return jsonReply(outcome, messageLocale(request.headers.get('accept-language')), t);
  } catch {
    // Unreachable by design (the handler maps every failure); a last guard so input never yields a 500.
    return guardReply(503, 'UNAVAILABLE', 'error.request.unavailable', 'lv', t, 30);
  }
}

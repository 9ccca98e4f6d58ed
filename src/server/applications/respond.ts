/** Outcome → JSON Response for the API in the Astro bundle (the HTML page renders outcomes itself). */
import { tFor, type Locale } from '#src/i18n/index.ts';
import { guardReply, jsonReply, type JsonReply } from './api.ts';
import type { Outcome } from './outcome.ts';

export const toResponse = (reply: JsonReply): Response =>
  new Response(reply.body, { status: reply.status, headers: reply.headers });

export function jsonResponse(outcome: Outcome, locale: Locale): Response {
  return toResponse(jsonReply(outcome, locale, tFor));
}

/** A guard refusal (origin, rate limit, size) as JSON, translated. */
export function guardJson(status: number, code: string, key: string, locale: Locale, retryAfter?: number): Response {
  return toResponse(guardReply(status, code, key, locale, tFor, retryAfter));
}

/**
 * JSON API for integrations: POST application/json with the same schema as the HTML forms
 * (`{"locale", "item", "answers", "attachments"}`), `Idempotency-Key` header. 201
 * `{"reference"}`, 400 field errors (i18n keys + translated messages), 413, 415, 429, never 500.
 */
import type { APIRoute } from 'astro';
import { handleApplication } from '../../../../server/applications/handler.ts';
import { serverDeps } from '../../../../server/applications/deps.ts';
import { guardJson, jsonResponse } from '../../../../server/applications/respond.ts';
import type { Locale } from '../../../../i18n/index.ts';

export const prerender = false;

/** Messages in Russian when the client asks for it (Accept-Language: ru…), else Latvian. */
function messageLocale(request: Request): Locale {
  return /^\s*ru\b/i.test(request.headers.get('accept-language') ?? '') ? 'ru' : 'lv';
}

export const POST: APIRoute = async ({ request, params }) => {
  try {
    const outcome = await handleApplication({ request, municipality: params.municipality ?? '', form: params.form ?? '', mode: 'json' }, serverDeps());
    return jsonResponse(outcome, messageLocale(request));
  } catch {
    // Unreachable by design (the handler maps every failure); a last guard so input never yields a 500.
    return guardJson(503, 'UNAVAILABLE', 'error.request.unavailable', 'lv', 30);
  }
};

export const ALL: APIRoute = () => guardJson(405, 'METHOD_NOT_ALLOWED', 'error.request.method', 'lv');

/**
 * JSON API for integrations: POST application/json with the same schema as the HTML forms
 * (`{"locale", "item", "answers", "attachments"}`), `Idempotency-Key` header. 201
 * `{"reference"}`, 400 field errors (i18n keys + translated messages), 413, 415, 429, never 500.
 * The request is answered by src/server/applications/api.ts; the Node server calls that
 * function itself for POSTs (http/portal-handler.ts), so this route serves `astro dev` and
 * anything the server does not take over (other methods → 405).
 */
import type { APIRoute } from 'astro';
import { applicationApiReply } from '#src/server/applications/api.ts';
import { serverDeps } from '#src/server/applications/deps.ts';
import { guardJson, toResponse } from '#src/server/applications/respond.ts';
import { tFor } from '#src/i18n/index.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, params }) =>
  toResponse(await applicationApiReply(request, params.municipality ?? '', params.form ?? '', serverDeps(), tFor));

export const ALL: APIRoute = () => guardJson(405, 'METHOD_NOT_ALLOWED', 'error.request.method', 'lv');

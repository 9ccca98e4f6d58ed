/**
 * Readiness and monitoring: 200 when the server can accept applications (a probe file was
 * written, fsync'ed and removed in the outbox), 503 otherwise; plus the free disk space. Nothing
 * else internal (no queue counts, no references, no personal data): the endpoint is public.
 * Dead letters are the admin's business (`npm run outbox`, docs/deploy.md).
 */
import type { APIRoute } from 'astro';
import { getConfig } from '#src/server/env.ts';
import { outboxHealth } from '#src/server/outbox/status.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const health = await outboxHealth(getConfig().outboxDir);
  return new Response(JSON.stringify({ ok: health.writable, outbox: health }), {
    status: health.writable ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
};

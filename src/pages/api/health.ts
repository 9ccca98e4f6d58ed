/**
 * Readiness and monitoring: 200 when the server can accept applications (the outbox folder is
 * writable), 503 otherwise. `dead` > 0 means dead letters wait for an admin (docs/deploy.md).
 * Counts only — no references, no personal data.
 */
import type { APIRoute } from 'astro';
import { getConfig } from '../../server/env.ts';
import { outboxStatus } from '../../server/outbox/status.ts';

export const prerender = false;

export const GET: APIRoute = async () => {
  const status = await outboxStatus(getConfig().outboxDir);
  return new Response(JSON.stringify({ ok: status.writable, outbox: status }), {
    status: status.writable ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
};

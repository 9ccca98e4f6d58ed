/**
 * The benchmark's floor: the cheapest on-demand Astro endpoint in the same server build, behind
 * the same guards as the application API, so `npm run bench` can compare the application
 * endpoint with what the framework itself costs. It answers only when the server was started
 * with ATBALSTS_BENCH_ROUTE=1 (bench/endpoint.bench.ts does); otherwise 404 like any unknown path.
 */
import type { APIRoute } from 'astro';

export const prerender = false;

const enabled = () => process.env.ATBALSTS_BENCH_ROUTE === '1';
const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export const ALL: APIRoute = () =>
  enabled() ? new Response('{"ok":true}', { status: 200, headers }) : new Response(null, { status: 404 });

/**
 * The Node server answers the JSON application API itself (without Astro's router), behind the
 * same guards and headers as every route; everything else still reaches Astro.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '#src/server/env.ts';
import { readBodyLimited } from '#src/server/guards/body-limit.ts';
import { RateLimiter } from '#src/server/guards/rate-limit.ts';
import { createPortalHandler, type AstroHandler } from '#src/server/http/portal-handler.ts';
import { createStaticHandler } from '#src/server/http/static.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function start(rateLimit = 100) {
  const calls: string[] = [];
  const astro: AstroHandler = async (req, res) => {
    calls.push(`astro ${req.method} ${req.url}`);
    res.writeHead(405, { 'content-type': 'application/json' });
    res.end('{"from":"astro"}');
  };
  const handle = createPortalHandler({
    config: loadConfig({}),
    astro,
    files: createStaticHandler(mkdtempSync(join(tmpdir(), 'atbalsts-dispatch-'))),
    limiter: new RateLimiter(rateLimit),
    headers: { 'X-Frame-Options': 'DENY' },
    ipSalt: 'salt',
    applicationApi: async (request, municipality, form) => {
      const body = new TextDecoder().decode(await readBodyLimited(request, 1_000_000));
      calls.push(`api ${municipality} ${form} ${request.headers.get('idempotency-key')} ${body}`);
      return {
        status: 201,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: '{"reference":"DGV-2026-ABCDE"}',
      };
    },
  });
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls };
}

describe('JSON application API dispatch', () => {
  it('answers POST /api/<municipality>/applications/<form>/ without Astro, with the security headers and the body streamed through', async () => {
    const { url, calls } = await start();
    const res = await fetch(`${url}/api/daugavpils/applications/question/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0123456789abcdef', origin: url },
      body: '{"answers":{}}',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ reference: 'DGV-2026-ABCDE' });
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(calls).toEqual(['api daugavpils question key-0123456789abcdef {"answers":{}}']);
  });

  it('applies the guards first: a cross-origin POST is refused and a client over the rate limit gets 429', async () => {
    const { url, calls } = await start(1);
    const cross = await fetch(`${url}/api/daugavpils/applications/question/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const first = await fetch(`${url}/api/daugavpils/applications/question/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const second = await fetch(`${url}/api/daugavpils/applications/question/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect([first.status, second.status]).toEqual([201, 429]);
    expect(calls.filter((c) => c.startsWith('api'))).toHaveLength(1);
  });

  it('leaves other methods, the path without its slash and other routes to Astro', async () => {
    const { url, calls } = await start();
    await fetch(`${url}/api/daugavpils/applications/question/`);
    await fetch(`${url}/api/bench-floor/`, { method: 'POST', body: '{}' });
    await fetch(`${url}/api/Daugavpils/applications/question/`, { method: 'POST', body: '{}' });
    expect(calls).toEqual([
      'astro GET /api/daugavpils/applications/question/',
      'astro POST /api/bench-floor/',
      'astro POST /api/Daugavpils/applications/question/',
    ]);
  });
});

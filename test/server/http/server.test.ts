/**
 * The real server (scripts/start.mjs) on the test build: precompressed pages, caching, HEAD,
 * redirects, the built 404, path traversal, security headers on every kind of response, the
 * request guards, graceful shutdown.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPortal, type PortalServer } from '../../helpers/portal-server.ts';
import { rawRequest, type RawResponse } from '../support/http.ts';

const distDir = inject('distDir');
const clientDir = join(distDir, 'client');
let portal: PortalServer;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** The largest prerendered page: the one that matters most on a slow connection. */
function largestPage(): string {
  const files = htmlFiles(clientDir).filter((f) => !f.endsWith('404.html'));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  return '/' + relative(clientDir, largest).replace(/index\.html$/, '');
}

function expectSecurityHeaders(res: RawResponse): void {
  const csp = String(res.headers['content-security-policy']);
  for (const directive of [
    "default-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ])
    expect(csp).toContain(directive);
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['permissions-policy']).toContain('geolocation=()');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

beforeAll(async () => {
  portal = await startPortal({ env: { RATE_LIMIT_PER_MINUTE: '5', MAX_BODY_BYTES: '2048' } });
});

afterAll(async () => {
  const code = await portal?.stop();
  expect(code).toBe(0);
  expect(portal.logs.some((l) => l.event === 'server.stopped')).toBe(true);
});

describe('static pages are sent compressed', () => {
  it('answers the largest page with brotli, gzip or identity by Accept-Encoding, and brotli is smallest', async () => {
    const path = largestPage();
    const identity = await rawRequest(portal.url, path, { headers: { 'accept-encoding': 'identity' } });
    const br = await rawRequest(portal.url, path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await rawRequest(portal.url, path, { headers: { 'accept-encoding': 'gzip' } });
    expect([identity.status, br.status, gz.status]).toEqual([200, 200, 200]);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    for (const res of [identity, br, gz]) {
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(identity.body)).toBe(true);
    expect(br.body.length).toBeLessThan(gz.body.length);
    expect(gz.body.length).toBeLessThan(identity.body.length / 2);
    // The sizes, for the benchmark notes (uncompressed, a 13.5 KB page went out as 30.2 KB).
    console.info(
      `[compression] ${path}: identity ${identity.body.length} B, gzip ${gz.body.length} B, brotli ${br.body.length} B`,
    );
  });

  it('honours q-values: "br;q=0, gzip" gets gzip; "*;q=0, identity" gets identity', async () => {
    const gz = await rawRequest(portal.url, '/lv/', { headers: { 'accept-encoding': 'br;q=0, gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await rawRequest(portal.url, '/lv/', { headers: { 'accept-encoding': '*;q=0, identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('caches hashed /_astro/ assets for a year, immutable', async () => {
    const asset = readdirSync(join(clientDir, '_astro')).find((n) => /\.(css|js)$/.test(n))!;
    const res = await rawRequest(portal.url, `/_astro/${asset}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/^(text\/css|text\/javascript)/);
    expectSecurityHeaders(res);
  });

  it('answers HEAD with the same headers and no body, and If-None-Match with 304', async () => {
    const get = await rawRequest(portal.url, '/lv/', { headers: { 'accept-encoding': 'br' } });
    const head = await rawRequest(portal.url, '/lv/', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
    const again = await rawRequest(portal.url, '/lv/', {
      headers: { 'accept-encoding': 'br', 'if-none-match': String(get.headers.etag) },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expectSecurityHeaders(again);
  });

  it('redirects a directory without its trailing slash, keeping the query', async () => {
    const res = await rawRequest(portal.url, '/lv?x=1');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/lv/?x=1');
    expectSecurityHeaders(res);
  });
});

describe('errors and path traversal', () => {
  it('answers an unknown page with the built 404 page and status 404', async () => {
    const res = await rawRequest(portal.url, '/lv/nav-tadas-lapas/', { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(404);
    const html = brotliDecompressSync(res.body).toString('utf8');
    expect(html).toBe(readFileSync(join(clientDir, '404.html'), 'utf8'));
    expect(res.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(res);
  });

  const attempts = [
    '/..%2f..%2fetc/passwd',
    '/..%2F..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/../../etc/passwd',
    '/lv/../../package.json',
    '/_astro/../../server/entry.mjs',
    '/_astro/..%2f..%2fserver%2fentry.mjs',
    '/lv/%5c..%5c..%5cpackage.json',
    '/lv/..\\..\\package.json',
    '/%00/etc/passwd',
    '/lv/index.html%00.txt',
    '/%252e%252e/%252e%252e/etc/passwd',
    '//etc/passwd',
    '/%2f%2fetc/passwd',
    '/..;/etc/passwd',
    '/%c0%ae%c0%ae/etc/passwd',
    '/lv/index.html.br',
    '/.env',
    '/.git/config',
    '/csp-inline.json',
    '/server/entry.mjs',
  ];
  it.each(attempts)('refuses %s with 400 or 404 and never leaks a file', async (path) => {
    const res = await rawRequest(portal.url, path);
    expect([400, 404]).toContain(res.status);
    const text = res.body.toString('latin1');
    expect(text).not.toMatch(/root:|"name": "atbalsts"|createApp|\[core\]|sha256-/);
    expectSecurityHeaders(res);
  });

  it('refuses unknown methods with 405 and writes to static pages with 405', async () => {
    const trace = await rawRequest(portal.url, '/lv/', { method: 'TRACE' });
    expect(trace.status).toBe(405);
    expectSecurityHeaders(trace);
    const post = await rawRequest(portal.url, '/lv/', {
      method: 'POST',
      headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

describe('security headers everywhere', () => {
  it('sets them on on-demand responses (the health endpoint) too', async () => {
    const res = await rawRequest(portal.url, '/api/health/');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({
      ok: true,
      outbox: { writable: true, freeBytes: expect.any(Number) },
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(res);
  });

  it('allows every inline <script>/<style> the build emitted, by hash, and nothing else inline', async () => {
    const res = await rawRequest(portal.url, '/lv/');
    const csp = String(res.headers['content-security-policy']);
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    for (const file of htmlFiles(clientDir)) {
      const html = readFileSync(file, 'utf8');
      for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (/\ssrc=/.test(attrs!) || /application\/(ld\+)?json/.test(attrs!) || body === '') continue;
        expect(csp, `inline script on ${relative(clientDir, file)}`).toContain(hash(body!));
      }
      for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
        expect(csp, `inline style on ${relative(clientDir, file)}`).toContain(hash(body!));
      }
      expect(html, `style attribute on ${relative(clientDir, file)}`).not.toMatch(/<[a-z][^>]*\sstyle="/i);
    }
  });
});

describe('guards for state-changing requests', () => {
  it('refuses a cross-site form post with 403 CROSS_ORIGIN (JSON for API clients)', async () => {
    const res = await rawRequest(portal.url, '/api/health/', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString())).toEqual({
      error: { code: 'CROSS_ORIGIN', status: 403, message: expect.stringContaining('tikai no šīs vietnes') },
    });
    expectSecurityHeaders(res);
    const form = await rawRequest(portal.url, '/api/health/', {
      method: 'POST',
      headers: { referer: 'https://evil.example/page', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(403);
    expect(form.body.toString()).toContain('lang="ru"'); // bilingual page: Latvian first, Russian second
  });

  it('refuses a declared body over MAX_BODY_BYTES with 413 before reading it', async () => {
    const res = await rawRequest(portal.url, '/api/health/', {
      method: 'POST',
      headers: { origin: portal.url, 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9' },
      body: 'x'.repeat(4096),
    });
    expect(res.status).toBe(413);
    expectSecurityHeaders(res);
  });

  it('rate-limits posts per client with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: RawResponse | undefined;
    for (let i = 0; i < 8; i++) {
      last = await rawRequest(portal.url, '/api/health/', {
        method: 'POST',
        headers: { origin: portal.url, 'content-type': 'application/json' },
        body: '{}',
      });
      statuses.push(last.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429).every((s) => s < 500)).toBe(true);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expectSecurityHeaders(last!);
    // GETs are never limited
    expect((await rawRequest(portal.url, '/lv/')).status).toBe(200);
  });

  it('estimator posts (they store nothing) have their own, larger bucket', async () => {
    // The test above used up this client's application posts; the no-JS estimator still answers.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await rawRequest(portal.url, '/lv/daugavpils/novertejums/rezultati/', {
        method: 'POST',
        headers: { origin: portal.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'people=1',
      });
      statuses.push(res.status);
    }
    expect(statuses).not.toContain(429);
    expect(statuses.every((s) => s < 500)).toBe(true);
  });

  it('logs requests as JSON lines without query strings or client addresses', async () => {
    const res = await rawRequest(portal.url, '/lv/nav/?vards=Janis&kods=010101-12345');
    expect(res.status).toBe(404);
    const line = await portal.waitForLog((l) => l.event === 'http.request' && l.path === '/lv/nav/');
    expect(line.status).toBe(404);
    expect(portal.output()).not.toContain('Janis');
    expect(portal.output()).not.toContain('010101-12345');
    expect(portal.output()).not.toContain('127.0.0.1"');
  });
});

describe('behind a reverse proxy (TRUST_PROXY=true, no PUBLIC_ORIGIN)', () => {
  it('takes the scheme from X-Forwarded-Proto and the client from X-Forwarded-For', async () => {
    const proxied = await startPortal({ env: { TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const host = new URL(proxied.url).host;
      const post = (client: string, origin = `https://${host}`) =>
        rawRequest(proxied.url, '/api/health/', {
          method: 'POST',
          headers: {
            origin,
            'x-forwarded-proto': 'https',
            'x-forwarded-for': `203.0.113.7, ${client}`,
            'content-type': 'application/json',
          },
          body: '{}',
        });
      expect((await post('198.51.100.1')).status).not.toBe(403);
      expect((await post('198.51.100.1', `http://${host}`)).status).toBe(403);
      // Two tokens per client: the third post of one client is refused, another client is not.
      await post('198.51.100.1');
      expect((await post('198.51.100.1')).status).toBe(429);
      expect((await post('198.51.100.2')).status).not.toBe(429);
    } finally {
      await proxied.stop();
    }
  });
});

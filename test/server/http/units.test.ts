/** Accept-Encoding negotiation, path safety, and on-the-fly compression of on-demand pages. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '#src/server/http/accept-encoding.ts';
import { compressResponse } from '#src/server/http/dynamic-compression.ts';
import { safePathname } from '#src/server/http/static.ts';
import { rawRequest } from '../support/http.ts';

describe('chooseEncoding', () => {
  const all = ['br', 'gzip', 'identity'] as const;
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['identity;q=0, gzip;q=0.1', 'gzip'],
    ['x-gzip', 'gzip'],
    ['BR', 'br'],
    ['deflate', 'identity'],
  ] as const)('%j → %s', (header, expected) => {
    expect(chooseEncoding(header, all)).toBe(expected);
  });
});

describe('safePathname', () => {
  it.each([
    ['/lv/daugavpils/', '/lv/daugavpils/'],
    ['/lv/pie%C5%A1ķirt/', '/lv/piešķirt/'],
    ['/ru/%D0%BF%D0%BE%D0%BC%D0%BE%D1%89%D1%8C/?q=1', '/ru/помощь/'],
    ['/..%2f..%2fetc/passwd', undefined],
    ['/a/%2e%2e/b', undefined],
    ['/a/./b', undefined],
    ['/%00', undefined],
    ['/%E0%A4%A', undefined],
    ['//evil.example/', undefined],
    ['/%2F%2Fevil.example/', undefined],
    ['/a\\b', undefined],
    ['http://x/', undefined],
    ['*', undefined],
  ] as const)('%s → %s', (raw, expected) => {
    expect(safePathname(raw)).toBe(expected);
  });
});

describe('compressResponse (on-demand pages)', () => {
  it('compresses an on-demand HTML page by Accept-Encoding and leaves small or binary answers alone', async () => {
    const page =
      '<!doctype html><html lang="lv"><body>' +
      '<p>Sociālā palīdzība — социальная помощь</p>'.repeat(200) +
      '</body></html>';
    const server = createServer((req, res) => {
      compressResponse(req, res);
      if (req.url === '/small') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '11' });
        res.end('{"ok":true}');
        return;
      }
      if (req.url === '/png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.alloc(5000));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(page.slice(0, 1000));
      res.write(Buffer.from(page.slice(1000)));
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const br = await rawRequest(base, '/page', { headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toBe('Accept-Encoding');
      expect(brotliDecompressSync(br.body).toString()).toBe(page);
      expect(br.body.length).toBeLessThan(Buffer.byteLength(page) / 5);
      const gz = await rawRequest(base, '/page', { headers: { 'accept-encoding': 'gzip' } });
      expect(gunzipSync(gz.body).toString()).toBe(page);
      const plain = await rawRequest(base, '/page');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(page);
      const small = await rawRequest(base, '/small', { headers: { 'accept-encoding': 'br' } });
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.body.toString()).toBe('{"ok":true}');
      const png = await rawRequest(base, '/png', { headers: { 'accept-encoding': 'br' } });
      expect(png.headers['content-encoding']).toBeUndefined();
      expect(png.body.length).toBe(5000);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('server-made error pages', () => {
  it('are bilingual, Latvian first — and Latvian only for a LOCALES=lv build', async () => {
    const { errorPage, setErrorPageRussian } = await import('#src/server/http/error-responses.ts');
    const both = errorPage(429);
    expect(both.indexOf('Pārāk daudz mēģinājumu')).toBeGreaterThan(-1);
    expect(both.indexOf('Слишком много попыток')).toBeGreaterThan(both.indexOf('Pārāk daudz mēģinājumu'));
    expect(both).not.toMatch(/<script|style=/);
    setErrorPageRussian(false);
    try {
      expect(errorPage(429)).not.toMatch(/lang="ru"|\/ru\/|[а-я]/i);
    } finally {
      setErrorPageRussian(true);
    }
  });

  it('JSON clients get the code and a translated message (Latvian, or Russian on request)', async () => {
    const { sendError } = await import('#src/server/http/error-responses.ts');
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => sendError(req, res, 413, 'BODY_TOO_LARGE'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const ask = async (lang?: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/x/`, {
          headers: { accept: 'application/json', ...(lang ? { 'accept-language': lang } : {}) },
        });
        expect(res.status).toBe(413);
        return ((await res.json()) as { error: { code: string; message: string } }).error;
      };
      const lv = await ask();
      expect(lv.code).toBe('BODY_TOO_LARGE');
      expect(lv.message).toMatch(/pārāk lieli/);
      expect((await ask('ru-RU,ru;q=0.9')).message).toMatch(/слишком велики/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

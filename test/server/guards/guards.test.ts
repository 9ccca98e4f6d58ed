/** Request guards as functions: same origin, token bucket, streaming body limit. */
import { describe, expect, it } from 'vitest';
import {
  checkSameOrigin,
  GuardError,
  limitBody,
  limitedNodeStream,
  RateLimiter,
  readBodyLimited,
} from '#src/server/guards/index.ts';

describe('checkSameOrigin', () => {
  const pub = 'https://atbalsts.example.lv';
  const cases: [string, Record<string, string>, string | undefined, boolean][] = [
    ['same Origin', { origin: pub, host: 'internal:4321' }, pub, true],
    ['Origin of another site', { origin: 'https://evil.example', host: 'atbalsts.example.lv' }, pub, false],
    ['http Origin when the site is https', { origin: 'http://atbalsts.example.lv' }, pub, false],
    ['Origin "null" (sandboxed iframe, file://)', { origin: 'null' }, pub, false],
    ['no Origin, same-site Referer', { referer: `${pub}/lv/daugavpils/pieteikums/` }, pub, true],
    ['no Origin, foreign Referer', { referer: 'https://evil.example/x' }, pub, false],
    ['no Origin, garbage Referer', { referer: 'not a url' }, pub, false],
    ['neither (curl, an integration)', {}, pub, true],
    [
      'without PUBLIC_ORIGIN: Origin equals Host',
      { origin: 'http://localhost:4321', host: 'localhost:4321' },
      undefined,
      true,
    ],
    [
      'without PUBLIC_ORIGIN: Origin differs from Host',
      { origin: 'http://evil.example', host: 'localhost:4321' },
      undefined,
      false,
    ],
    ['subdomain is another origin', { origin: 'https://x.atbalsts.example.lv' }, pub, false],
  ];
  it.each(cases)('%s', (_label, headers, publicOrigin, ok) => {
    expect(checkSameOrigin(headers, publicOrigin).ok).toBe(ok);
    expect(checkSameOrigin(new Headers(headers), publicOrigin).ok).toBe(ok);
  });
});

describe('RateLimiter', () => {
  it('allows a burst of N per minute, then refuses with Retry-After, then refills', () => {
    const limiter = new RateLimiter(3);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.consume('a', t0).ok)).toEqual([true, true, true]);
    const refused = limiter.consume('a', t0);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.retryAfter).toBe(20); // one token per 20 s at 3/min
    expect(limiter.consume('b', t0).ok).toBe(true); // other clients unaffected
    expect(limiter.consume('a', t0 + 20_000).ok).toBe(true);
  });

  it('stays bounded under a flood of addresses', () => {
    const limiter = new RateLimiter(5, 1000);
    for (let i = 0; i < 10_000; i++) limiter.consume(`ip-${i}`, 1_000_000);
    expect(limiter.size).toBeLessThanOrEqual(1000);
  });
});

function chunkedRequest(total: number, chunk = 1000): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n));
    },
  });
  return new Request('http://localhost/api/x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('body limit while streaming', () => {
  it('refuses a declared Content-Length over the limit without reading', async () => {
    const req = new Request('http://localhost/', { method: 'POST', headers: { 'content-length': '5000' }, body: 'x' });
    await expect(readBodyLimited(req, 4000)).rejects.toMatchObject({ code: 'BODY_TOO_LARGE', status: 413 });
    expect(() => limitedNodeStream(req, 4000)).toThrow(GuardError);
  });

  it('cuts a chunked body off just past the limit (web stream, Request, Node stream)', async () => {
    await expect(readBodyLimited(chunkedRequest(10_000), 4000)).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect((await readBodyLimited(chunkedRequest(4000), 4000)).byteLength).toBe(4000);
    await expect(limitBody(chunkedRequest(10_000), 4000).arrayBuffer()).rejects.toMatchObject({
      code: 'BODY_TOO_LARGE',
    });
    const stream = limitedNodeStream(chunkedRequest(10_000), 4000);
    let seen = 0;
    const error = await new Promise<unknown>((resolve) => {
      stream.on('data', (c: Buffer) => (seen += c.length));
      stream.on('error', resolve);
      stream.on('end', () => resolve(undefined));
    });
    expect(error).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(seen).toBeLessThanOrEqual(4000);
  });
});

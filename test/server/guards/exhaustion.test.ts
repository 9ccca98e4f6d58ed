/**
 * Resource exhaustion: bodies in flight (bytes), connections, trickling uploads, JSON attachments
 * held once, and rate-limit keys that a client cannot rotate (IPv6 /64, spoofed X-Forwarded-For).
 */
import { createServer, request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBody } from '#src/server/applications/read-body.ts';
import { loadConfig, ConfigError } from '#src/server/env.ts';
import { BodyBudget, clientAddress, parseProxyList, rateLimitKey, readBodyLimited } from '#src/server/guards/index.ts';
import { applyConnectionLimits } from '#src/server/main.ts';
import { startPortal, type PortalServer } from '../../helpers/portal-server.ts';
import { rawRequest } from '../support/http.ts';

/** A request whose body arrives in `chunks` pieces, one every `everyMs`. */
function tricklingRequest(
  type: string,
  chunks: Uint8Array[],
  everyMs: number,
  headers: Record<string, string> = {},
): Request {
  let i = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (i >= chunks.length) return controller.close();
        await new Promise((r) => setTimeout(r, everyMs));
        controller.enqueue(chunks[i++]!);
      },
    },
    { highWaterMark: 0 },
  );
  return new Request('http://127.0.0.1/x/', {
    method: 'POST',
    headers: { 'content-type': type, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('rate-limit keys', () => {
  const trust = { list: parseProxyList('127.0.0.1, 10.0.0.0/8, fd00::/8') };

  it('take the first X-Forwarded-For hop from the right that is not a trusted proxy; spoofed left entries change nothing', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7', trust)).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '1.1.1.1, 198.51.100.7, 10.1.2.3', trust)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', ['6.6.6.6, 7.7.7.7', '198.51.100.7'], trust)).toBe('198.51.100.7');
    for (const spoof of ['', '9.9.9.9, ', '10.0.0.1, ', 'garbage, 1.2.3.4, ']) {
      expect(clientAddress('127.0.0.1', `${spoof}198.51.100.7, fd00::1`, trust)).toBe('198.51.100.7');
    }
    // A peer that is not our proxy: its X-Forwarded-For is ignored.
    expect(clientAddress('203.0.113.5', '198.51.100.7', trust)).toBe('203.0.113.5');
    // Only proxies: the left-most.
    expect(clientAddress('127.0.0.1', '10.0.0.9, 10.0.0.8', trust)).toBe('10.0.0.9');
    // TRUST_PROXY=true without a list: the direct peer is the one proxy.
    expect(clientAddress('127.0.0.1', '1.1.1.1, 198.51.100.7', { peer: true })).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', '198.51.100.7', {})).toBe('127.0.0.1');
  });

  it('group IPv6 by /64 and keep IPv4 (also IPv4-mapped) as is', () => {
    const key = rateLimitKey('2001:db8:aa:bb:1:2:3:4');
    expect(key).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitKey('2001:db8:aa:bb::99')).toBe(key);
    expect(rateLimitKey('2001:0db8:00aa:00bb:ffff:ffff:ffff:ffff')).toBe(key);
    expect(rateLimitKey('2001:db8:aa:bc::1')).not.toBe(key);
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(rateLimitKey('192.0.2.1')).toBe('192.0.2.1');
  });

  it('TRUSTED_PROXIES must be IPs or CIDRs', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8 ::1 fd00::/8' }).TRUSTED_PROXIES).toBeDefined();
    for (const bad of ['localhost', '10.0.0.0/33', '1.2.3.4/8/1', 'fd00::/129']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(ConfigError);
    }
  });
});

describe('bodies in flight and slow bodies', () => {
  it('the body budget refuses beyond the cap and frees on release', () => {
    const budget = new BodyBudget(1000);
    const a = budget.reserve(600)!;
    expect(budget.reserve(500)).toBeUndefined();
    const b = budget.reserve(400)!;
    expect(budget.used).toBe(1000);
    a();
    a(); // twice is harmless
    expect(budget.used).toBe(400);
    expect(budget.reserve(600)).toBeDefined();
    b();
  });

  it('a body slower than the minimum rate after the grace period is dropped with 408 (JSON and multipart)', async () => {
    const pace = { minBytesPerSecond: 2000, graceMs: 300 };
    const slow = () => Array.from({ length: 20 }, () => new TextEncoder().encode('{"answers":{}} '.slice(0, 10)));
    const started = Date.now();
    await expect(
      readBodyLimited(tricklingRequest('application/json', slow(), 100), 1_000_000, pace),
    ).rejects.toMatchObject({ code: 'BODY_TOO_SLOW', status: 408 });
    expect(Date.now() - started).toBeLessThan(1500);
    const json = await readBody(
      { request: tricklingRequest('application/json', slow(), 100), mode: 'json' },
      1_000_000,
      pace,
    );
    expect(json).toMatchObject({
      ok: false,
      outcome: { status: 408, code: 'BODY_TOO_SLOW', key: 'error.request.tooSlow' },
    });
    const multipart = await readBody(
      { request: tricklingRequest('multipart/form-data; boundary=x', slow(), 100), mode: 'html' },
      1_000_000,
      pace,
    );
    expect(multipart).toMatchObject({ ok: false, outcome: { status: 408, code: 'BODY_TOO_SLOW' } });
    // A body that stalls completely is dropped too.
    const stalled = new Request('http://127.0.0.1/x/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({ pull: () => new Promise(() => {}) }),
      duplex: 'half',
    } as RequestInit);
    await expect(readBodyLimited(stalled, 1000, pace)).rejects.toMatchObject({ code: 'BODY_TOO_SLOW' });
  });

  it('a body at a good pace is read in full', async () => {
    const part = new TextEncoder().encode(' '.repeat(500));
    const bytes = await readBodyLimited(
      tricklingRequest(
        'application/json',
        Array.from({ length: 8 }, () => part),
        50,
      ),
      1_000_000,
      { minBytesPerSecond: 2000, graceMs: 100 },
    );
    expect(bytes.byteLength).toBe(4000);
  });

  it('JSON attachments are kept once: decoded files, no base64 text left in the parsed body', async () => {
    const file = Buffer.alloc(300_000, 7);
    file.write('%PDF-1.4\n');
    const text = JSON.stringify({
      answers: {},
      attachments: [{ filename: 'a.pdf', contentBase64: file.toString('base64') }],
    });
    const request = new Request('http://127.0.0.1/x/', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) },
      body: text,
    });
    const read = await readBody({ request, mode: 'json' }, 1_000_000, { minBytesPerSecond: 0, graceMs: 0 });
    if (!read.ok || !('json' in read)) throw new Error('not read');
    expect(Buffer.compare(Buffer.from(read.files[0]!.bytes), file)).toBe(0);
    expect(read.json.attachments![0]!.contentBase64).toBe('');
  });
});

describe('connections', () => {
  it('at most MAX_CONNECTIONS sockets: a further one is closed at once, a freed slot is reused', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    applyConnectionLimits(server, loadConfig({ MAX_CONNECTIONS: '2' }));
    expect(server.headersTimeout).toBeLessThanOrEqual(20_000);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const open = () =>
      new Promise<ReturnType<typeof connect>>((resolve) => {
        const s = connect(port, '127.0.0.1', () => resolve(s));
      });
    const held = [await open(), await open()];
    await new Promise((r) => setTimeout(r, 50));
    const third = await open();
    const closed = await new Promise<boolean>((resolve) => {
      third.once('close', () => resolve(true));
      third.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      setTimeout(() => resolve(false), 2000);
    });
    expect(closed).toBe(true);
    held[0]!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
    held[1]!.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });
});

describe('the running server', () => {
  let portal: PortalServer;
  beforeAll(async () => {
    portal = await startPortal({
      env: { MAX_BODIES_IN_FLIGHT_BYTES: '150000', TRUSTED_PROXIES: '127.0.0.1, ::1', RATE_LIMIT_PER_MINUTE: '3' },
    });
  });
  afterAll(() => portal?.stop());

  it('refuses an upload beyond the bytes in flight with 503 + Retry-After (translated), and takes it again once the first is done', async () => {
    const url = new URL(portal.url);
    const path = '/api/daugavpils/applications/question/';
    // First upload: declares 100 000 bytes and sends them slowly.
    const first = httpRequest({
      host: url.hostname,
      port: url.port,
      path,
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': '100000', 'x-forwarded-for': '198.51.100.1' },
    });
    const firstDone = new Promise<number>((resolve) =>
      first
        .on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', () => resolve(-1)),
    );
    first.write('{"answers":');
    await new Promise((r) => setTimeout(r, 300));
    const second = await rawRequest(portal.url, path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'accept-language': 'ru',
        'x-forwarded-for': '198.51.100.2',
      },
      body: ' '.repeat(60_000),
    });
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('10');
    expect(JSON.parse(second.body.toString()).error.message).toMatch(/[а-я]/);
    // A chunked body (size unknown) reserves the largest allowed size: refused too.
    const chunkedPost = () =>
      rawRequest(portal.url, path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'transfer-encoding': 'chunked',
          'x-forwarded-for': '198.51.100.4',
        },
        body: '{}',
      });
    expect((await chunkedPost()).status).toBe(503);
    first.end(' '.repeat(100000 - 11));
    expect(await firstDone).toBe(400);
    const third = await rawRequest(portal.url, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.3' },
      body: ' '.repeat(60_000),
    });
    expect(third.status).toBe(400);
    // Alone, the same chunked post is taken (and refused only for its content).
    expect((await chunkedPost()).status).toBe(400);
  });

  it('rate-limits by the real client: spoofed left-most X-Forwarded-For entries and a rotating IPv6 /64 do not get fresh buckets', async () => {
    const post = (xff: string) =>
      rawRequest(portal.url, '/api/daugavpils/applications/question/', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
        body: '{}',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(`10.66.${i}.1, 203.0.113.${i}, 192.0.2.50`)).status);
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const v6: number[] = [];
    for (let i = 0; i < 5; i++) v6.push((await post(`2001:db8:1:2::${(i + 1).toString(16)}`)).status);
    expect(v6.slice(3)).toEqual([429, 429]);
    // Another /64 is another client.
    expect((await post('2001:db8:1:3::1')).status).not.toBe(429);
  });
});

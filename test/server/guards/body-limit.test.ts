/**
 * Reading a body from a Node stream (the server's IncomingMessage, passed without a web Request):
 * the same limits as for a web stream — size, minimum pace, an aborted upload.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { limitedNodeStream, readBodyLimited } from '#src/server/guards/body-limit.ts';

function posted(body: Readable, headers: Record<string, string> = {}) {
  return { headers: { get: (name: string) => headers[name.toLowerCase()] ?? null }, body };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a body from a Node stream', () => {
  it('is read in full, with or without a declared length', async () => {
    const text = '{"answers":{"a":"ā, я"}}';
    const declared = await readBodyLimited(
      posted(Readable.from([bytes(text.slice(0, 5)), bytes(text.slice(5))]), {
        'content-length': String(bytes(text).byteLength),
      }),
      1000,
    );
    expect(new TextDecoder().decode(declared)).toBe(text);
    const chunked = await readBodyLimited(posted(Readable.from([bytes('ab'), bytes('cd')])), 1000);
    expect(new TextDecoder().decode(chunked)).toBe('abcd');
  });

  it('over the limit: BODY_TOO_LARGE, declared (before reading) or while streaming, and the stream is destroyed', async () => {
    await expect(
      readBodyLimited(posted(Readable.from([bytes('x')]), { 'content-length': '5000' }), 1000),
    ).rejects.toMatchObject({ code: 'BODY_TOO_LARGE', status: 413 });
    const stream = Readable.from(Array.from({ length: 20 }, () => bytes('x'.repeat(100))));
    await expect(readBodyLimited(posted(stream), 1000)).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(stream.destroyed).toBe(true);
  });

  it('slower than the minimum pace after the grace period: BODY_TOO_SLOW; a stalled body too', async () => {
    const stalled = new PassThrough();
    stalled.write(bytes('{"a'));
    const started = Date.now();
    await expect(
      readBodyLimited(posted(stalled), 1_000_000, { minBytesPerSecond: 2000, graceMs: 200 }),
    ).rejects.toMatchObject({ code: 'BODY_TOO_SLOW', status: 408 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(stalled.destroyed).toBe(true);
  });

  it('an upload that stops (the client went away): BODY_ABORTED', async () => {
    const stream = new PassThrough();
    stream.write(bytes('{"answers":'));
    const reading = readBodyLimited(posted(stream), 1000);
    setTimeout(() => stream.destroy(), 20);
    await expect(reading).rejects.toMatchObject({ code: 'BODY_ABORTED' });
    // Gone before the handler got to read it: refused at once, not left waiting.
    const gone = new PassThrough();
    gone.write(bytes('{"a'));
    gone.destroy();
    await expect(readBodyLimited(posted(gone), 1000)).rejects.toMatchObject({ code: 'BODY_ABORTED' });
  });

  it('feeds the multipart reader directly, within the limit', async () => {
    const ok = limitedNodeStream(posted(Readable.from([bytes('a=1&b=2')])), 1000);
    const chunks: Buffer[] = [];
    for await (const c of ok) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('a=1&b=2');
    const big = limitedNodeStream(
      posted(Readable.from(Array.from({ length: 20 }, () => bytes('x'.repeat(100))))),
      1000,
    );
    await expect(
      (async () => {
        for await (const _ of big) void _;
      })(),
    ).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
  });
});

/**
 * Body-size limit enforced WHILE streaming: a declared Content-Length over the limit is refused
 * before reading, and a chunked body is cut off the moment it passes the limit — the server never
 * buffers more than MAX_BODY_BYTES of anyone's upload.
 *
 * Minimum upload rate (`pace`): a body that, after `graceMs`, has arrived slower on average than
 * `minBytesPerSecond` is dropped with BODY_TOO_SLOW (408) — a trickling upload (slowloris) would
 * otherwise hold memory and a connection for the whole request timeout.
 */
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { GuardError } from './guard-error.ts';

/**
 * What the body readers need of a request: its headers and its body. A web Request is one; the
 * Node server passes its IncomingMessage's headers and the message itself as the body (a Node
 * stream), which spares building a web Request and a web stream around it.
 */
export interface PostedBody {
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | Readable | null;
}

function tooLarge(maxBytes: number): GuardError {
  return new GuardError('BODY_TOO_LARGE', `request body exceeds ${maxBytes} bytes`);
}

export interface UploadPace {
  /** 0 switches the check off. */
  minBytesPerSecond: number;
  /** The check starts after this long (a phone's first seconds on a weak network are slow). */
  graceMs: number;
}

/** Default grace before the minimum upload rate applies. */
export const UPLOAD_GRACE_MS = 10_000;

/** Calls `onSlow` once the body falls below the pace; `add` counts bytes, `stop` ends the watch. */
function watchPace(
  pace: UploadPace | undefined,
  onSlow: (err: GuardError) => void,
): { add(bytes: number): void; stop(): void } {
  if (!pace || pace.minBytesPerSecond <= 0) return { add() {}, stop() {} };
  const started = performance.now();
  let seen = 0;
  const timer = setInterval(
    () => {
      const elapsed = performance.now() - started;
      if (elapsed >= pace.graceMs && seen < (pace.minBytesPerSecond * elapsed) / 1000) {
        clearInterval(timer);
        onSlow(new GuardError('BODY_TOO_SLOW', `request body slower than ${pace.minBytesPerSecond} bytes/s`));
      }
    },
    Math.max(20, Math.min(1000, pace.graceMs / 4)),
  );
  timer.unref();
  return {
    add(bytes) {
      seen += bytes;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** Refuses early on a declared length; undefined when acceptable or not declared. */
export function checkDeclaredLength(headers: PostedBody['headers'], maxBytes: number): GuardError | undefined {
  const declared = headers.get('content-length');
  if (declared === null || declared.trim() === '') return undefined;
  const bytes = Number(declared);
  if (!Number.isFinite(bytes) || bytes < 0) return new GuardError('BODY_ABORTED', 'invalid Content-Length');
  return bytes > maxBytes ? tooLarge(maxBytes) : undefined;
}

/** A web stream that errors with BODY_TOO_LARGE once more than `maxBytes` have passed. */
function limitStream(stream: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * The request's body as a Node stream (for busboy), limited to `maxBytes`. Throws at once
 * (synchronously) for a declared Content-Length over the limit.
 */
export function limitedNodeStream(request: PostedBody, maxBytes: number, pace?: UploadPace): Readable {
  const early = checkDeclaredLength(request.headers, maxBytes);
  if (early) throw early;
  if (!request.body) return Readable.from([]);
  let seen = 0;
  const watch = watchPace(pace, (err) => {
    source.destroy();
    limiter.destroy(err);
  });
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      seen += chunk.byteLength;
      watch.add(chunk.byteLength);
      if (seen > maxBytes) callback(tooLarge(maxBytes));
      else callback(null, chunk);
    },
    flush(callback) {
      watch.stop();
      callback();
    },
  });
  limiter.on('close', () => watch.stop());
  const source =
    request.body instanceof Readable ? request.body : Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  source.on('error', (err) =>
    limiter.destroy(err instanceof GuardError ? err : new GuardError('BODY_ABORTED', 'request body aborted')),
  );
  return source.pipe(limiter);
}

/** A copy of `request` whose body errors with BODY_TOO_LARGE past `maxBytes`. */
export function limitBody(request: Request, maxBytes: number): Request {
  const early = checkDeclaredLength(request.headers, maxBytes);
  if (early) throw early;
  if (!request.body) return request;
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: limitStream(request.body, maxBytes),
    signal: request.signal,
    duplex: 'half',
  } as RequestInit);
}

/** Reads the whole body (JSON API) within the limit. Throws GuardError. */
export async function readBodyLimited(request: PostedBody, maxBytes: number, pace?: UploadPace): Promise<Uint8Array> {
  const early = checkDeclaredLength(request.headers, maxBytes);
  if (early) throw early;
  if (!request.body) return new Uint8Array();
  // With a declared length the body is copied straight into one buffer (chunks are not kept
  // alongside it); a longer body than declared falls back to collecting chunks.
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const collect = new Collector(
    Number.isInteger(declared) && declared > 0 && declared <= maxBytes ? declared : undefined,
    maxBytes,
  );
  // A web body (Astro endpoints, tests) is read through the same Node-stream reader as the
  // server's IncomingMessage: one place for the size, pace and abort rules.
  const stream =
    request.body instanceof Readable ? request.body : Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  return readNodeBody(stream, collect, pace);
}

/** Reads a body stream into `collect`; the stream is destroyed when too large or too slow. */
function readNodeBody(stream: Readable, collect: Collector, pace: UploadPace | undefined): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: GuardError) => {
      if (settled) return;
      settled = true;
      watch.stop();
      stream.off('data', onData);
      stream.destroy();
      reject(err);
    };
    const watch = watchPace(pace, fail);
    const onData = (chunk: Buffer) => {
      watch.add(chunk.byteLength);
      if (!collect.add(chunk)) fail(tooLarge(collect.maxBytes));
    };
    if (stream.destroyed && !stream.readableEnded) return fail(new GuardError('BODY_ABORTED', 'request body aborted'));
    stream.on('data', onData);
    stream.once('end', () => {
      if (settled) return;
      settled = true;
      watch.stop();
      resolve(collect.bytes());
    });
    // An aborted upload (the client went away) emits 'aborted' and 'close' without 'end'.
    const aborted = () => fail(new GuardError('BODY_ABORTED', 'request body aborted'));
    stream.once('error', aborted);
    stream.once('close', () => {
      if (!stream.readableEnded) aborted();
    });
  });
}

/** Collects a body within `maxBytes`: into one buffer of the declared length, else chunk by chunk. */
class Collector {
  private seen = 0;
  private chunks: Uint8Array[] = [];
  private direct: Uint8Array | undefined;
  readonly maxBytes: number;
  constructor(declared: number | undefined, maxBytes: number) {
    this.direct = declared === undefined ? undefined : new Uint8Array(declared);
    this.maxBytes = maxBytes;
  }

  /** False once the body is over the limit. */
  add(chunk: Uint8Array): boolean {
    this.seen += chunk.byteLength;
    if (this.seen > this.maxBytes) return false;
    if (this.direct && this.seen <= this.direct.byteLength) this.direct.set(chunk, this.seen - chunk.byteLength);
    else {
      // Longer than declared: keep what came so far, then collect chunks.
      if (this.direct) {
        this.chunks.push(this.direct.subarray(0, this.seen - chunk.byteLength));
        this.direct = undefined;
      }
      this.chunks.push(chunk);
    }
    return true;
  }

  bytes(): Uint8Array {
    if (this.direct) return this.seen === this.direct.byteLength ? this.direct : this.direct.subarray(0, this.seen);
    const out = new Uint8Array(this.seen);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}

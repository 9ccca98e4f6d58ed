/**
 * Body-size limit enforced WHILE streaming: a declared Content-Length over the limit is refused
 * before reading, and a chunked body is cut off the moment it passes the limit — the server never
 * buffers more than MAX_BODY_BYTES of anyone's upload.
 */
import { Readable, Transform } from 'node:stream';
import { GuardError } from './guard-error.ts';

function tooLarge(maxBytes: number): GuardError {
  return new GuardError('BODY_TOO_LARGE', `request body exceeds ${maxBytes} bytes`);
}

/** Refuses early on a declared length; undefined when acceptable or not declared. */
export function checkDeclaredLength(headers: Headers, maxBytes: number): GuardError | undefined {
  const declared = headers.get('content-length');
  if (declared === null || declared.trim() === '') return undefined;
  const bytes = Number(declared);
  if (!Number.isFinite(bytes) || bytes < 0) return new GuardError('BODY_ABORTED', 'invalid Content-Length');
  return bytes > maxBytes ? tooLarge(maxBytes) : undefined;
}

/** A web stream that errors with BODY_TOO_LARGE once more than `maxBytes` have passed. */
export function limitStream(stream: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
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
export function limitedNodeStream(request: Request, maxBytes: number): Readable {
  const early = checkDeclaredLength(request.headers, maxBytes);
  if (early) throw early;
  if (!request.body) return Readable.from([]);
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      seen += chunk.byteLength;
      if (seen > maxBytes) callback(tooLarge(maxBytes));
      else callback(null, chunk);
    },
  });
  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>);
  source.on('error', (err) => limiter.destroy(err instanceof GuardError ? err : new GuardError('BODY_ABORTED', 'request body aborted')));
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
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const early = checkDeclaredLength(request.headers, maxBytes);
  if (early) throw early;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += value.byteLength;
      if (seen > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof GuardError) throw err;
    throw new GuardError('BODY_ABORTED', 'request body aborted');
  }
  const out = new Uint8Array(seen);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

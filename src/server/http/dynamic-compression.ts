/**
 * Compresses on-demand responses (form pages, their error re-renders, JSON answers) on the fly.
 * Static pages are precompressed at build time; these are rendered per request, so a fast
 * brotli level is used. Works by wrapping writeHead/write/end of the Node response, because
 * Astro's adapter writes to `res` directly.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';
import { chooseEncoding } from './accept-encoding.ts';
import { isCompressible } from './content-types.ts';

const MIN_BYTES = 1024;

function addVary(res: ServerResponse): void {
  const vary = String(res.getHeader('Vary') ?? '');
  if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

export function compressResponse(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'HEAD') return;
  const encoding = chooseEncoding(req.headers['accept-encoding'], ['br', 'gzip', 'identity']);
  if (encoding !== 'br' && encoding !== 'gzip') return;

  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let zip: BrotliCompress | Gzip | undefined;

  res.writeHead = function (status: number, ...rest: unknown[]) {
    let headers: OutgoingHttpHeaders | undefined;
    let message: string | undefined;
    for (const arg of rest) {
      if (typeof arg === 'string') message = arg;
      else if (arg && typeof arg === 'object') headers = arg as OutgoingHttpHeaders;
    }
    if (headers && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
    const type = String(res.getHeader('Content-Type') ?? '');
    const length = Number(res.getHeader('Content-Length') ?? NaN);
    if (isCompressible(type)) addVary(res);
    if (
      status >= 200 &&
      status !== 204 &&
      status !== 304 &&
      isCompressible(type) &&
      !res.getHeader('Content-Encoding') &&
      !(length < MIN_BYTES)
    ) {
      res.setHeader('Content-Encoding', encoding);
      res.removeHeader('Content-Length');
      zip =
        encoding === 'br'
          ? createBrotliCompress({
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 5,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              },
            })
          : createGzip({ level: 6 });
      zip.on('data', (chunk: Buffer) => write(chunk));
      zip.on('end', () => end());
      zip.on('error', () => res.destroy());
    }
    return message === undefined ? writeHead(status) : writeHead(status, message);
  } as typeof res.writeHead;

  res.write = function (chunk: unknown, ...rest: unknown[]) {
    if (!zip) return write(chunk, ...rest);
    const callback = rest.find((a) => typeof a === 'function') as ((err?: Error | null) => void) | undefined;
    const encodingArg = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
    zip.write(typeof chunk === 'string' ? Buffer.from(chunk, encodingArg) : (chunk as Buffer), callback);
    return true;
  } as typeof res.write;

  res.end = function (...args: unknown[]) {
    if (!res.headersSent && !zip) {
      // end() without writeHead: Node would send implicit headers; decide the same way.
      res.writeHead(res.statusCode);
    }
    if (!zip) return end(...args);
    const [chunk, ...rest] = args;
    const callback = [chunk, ...rest].find((a) => typeof a === 'function') as (() => void) | undefined;
    if (chunk !== undefined && typeof chunk !== 'function')
      zip.write(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    if (callback) res.once('finish', callback);
    zip.end();
    return res;
  } as typeof res.end;
}

/**
 * Serves the prerendered portal (dist/client) — the pages residents read most, on slow rural
 * connections and old phones — with the precompressed `.br`/`.gz` siblings written at build time
 * (src/integrations/precompress.ts), chosen by Accept-Encoding.
 *
 * Paths: percent-decoded once; `..`, `.`, NUL and backslashes refuse the request (400); the
 * resolved file must stay under the root; dot-files and the `.br`/`.gz` siblings are never
 * served by name. `/dir` with an index.html redirects to `/dir/` (trailingSlash: 'always').
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { chooseEncoding, type Encoding } from './accept-encoding.ts';
import { contentTypeFor, isCompressible } from './content-types.ts';

type StaticOutcome =
  | { kind: 'served'; status: number }
  | { kind: 'redirect'; location: string }
  | { kind: 'bad-request' }
  | { kind: 'not-found'; pathname: string }
  | { kind: 'method-not-allowed' };

// HTML: cached but revalidated every time (a 304 costs a few hundred bytes). A longer max-age
// would let a browser show an old page whose /_astro/ files a new deploy has removed.
const HTML_CACHE = 'public, max-age=0, must-revalidate';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
const OTHER_CACHE = 'public, max-age=3600';

async function statFile(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/** Decodes and checks a URL path; undefined = refuse (400). */
export function safePathname(rawUrl: string | undefined): string | undefined {
  if (!rawUrl || !rawUrl.startsWith('/') || rawUrl.startsWith('//')) return undefined;
  const pathname = rawUrl.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.startsWith('//') || /[\0\\]/.test(decoded) || /[\u0000-\u001f]/.test(decoded)) return undefined;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return decoded;
}

export interface StaticHandler {
  root: string;
  /** Handles GET/HEAD for files under root; other outcomes are left to the caller. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<StaticOutcome>;
  /** Sends a built file (e.g. 404.html) with the given status, compressed when possible. */
  sendFile(req: IncomingMessage, res: ServerResponse, relativePath: string, status: number): Promise<boolean>;
}

export function createStaticHandler(clientDir: string): StaticHandler {
  const root = resolve(clientDir);

  function inside(path: string): boolean {
    return path === root || path.startsWith(root + sep);
  }

  async function send(
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    info: Stats,
    status: number,
    pathname: string,
  ): Promise<void> {
    const type = contentTypeFor(file);
    const compressible = isCompressible(type);
    let encoding: Encoding = 'identity';
    let body = file;
    let size = info.size;
    if (compressible) {
      res.setHeader('Vary', 'Accept-Encoding');
      const variants: Encoding[] = ['identity'];
      const br = await statFile(file + '.br');
      const gz = await statFile(file + '.gz');
      if (br?.isFile()) variants.push('br');
      if (gz?.isFile()) variants.push('gzip');
      encoding = chooseEncoding(req.headers['accept-encoding'], variants) ?? 'identity';
      if (encoding === 'br') [body, size] = [file + '.br', br!.size];
      if (encoding === 'gzip') [body, size] = [file + '.gz', gz!.size];
    }
    const etag = `"${Math.floor(info.mtimeMs).toString(36)}-${info.size.toString(36)}-${encoding}"`;
    res.setHeader('Content-Type', type);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', info.mtime.toUTCString());
    res.setHeader(
      'Cache-Control',
      status !== 200
        ? 'no-store'
        : pathname.startsWith('/_astro/')
          ? IMMUTABLE_CACHE
          : type.startsWith('text/html')
            ? HTML_CACHE
            : OTHER_CACHE,
    );
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    const inm = req.headers['if-none-match'];
    if (status === 200 && inm && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.setHeader('Content-Length', size);
    res.writeHead(status);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      await pipeline(createReadStream(body), res);
    } catch {
      res.destroy(); // client went away or the file vanished mid-send (a redeploy): nothing to add
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<StaticOutcome> {
    const pathname = safePathname(req.url);
    if (pathname === undefined) return { kind: 'bad-request' };
    const hidden =
      pathname.split('/').some((s) => s.startsWith('.') && s !== '.well-known') || /\.(br|gz)$/.test(pathname);
    if (hidden) return { kind: 'not-found', pathname };
    const target = resolve(join(root, pathname));
    if (!inside(target)) return { kind: 'bad-request' };
    const isRead = req.method === 'GET' || req.method === 'HEAD';

    if (pathname.endsWith('/')) {
      const index = join(target, 'index.html');
      const info = await statFile(index);
      if (!info?.isFile()) return { kind: 'not-found', pathname };
      if (!isRead) return { kind: 'method-not-allowed' };
      await send(req, res, index, info, 200, pathname);
      return { kind: 'served', status: 200 };
    }
    const info = await statFile(target);
    if (info?.isDirectory()) {
      const index = await statFile(join(target, 'index.html'));
      if (!index?.isFile()) return { kind: 'not-found', pathname };
      const query = req.url!.includes('?') ? req.url!.slice(req.url!.indexOf('?')) : '';
      return { kind: 'redirect', location: encodeURI(pathname + '/') + query };
    }
    if (!info?.isFile()) return { kind: 'not-found', pathname };
    if (!isRead) return { kind: 'method-not-allowed' };
    await send(req, res, target, info, 200, pathname);
    return { kind: 'served', status: 200 };
  }

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    relativePath: string,
    status: number,
  ): Promise<boolean> {
    const file = resolve(join(root, relativePath));
    if (!inside(file)) return false;
    const info = await statFile(file);
    if (!info?.isFile()) return false;
    await send(req, res, file, info, status, '/' + relativePath);
    return true;
  }

  return { root, handle, sendFile };
}

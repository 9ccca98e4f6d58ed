/**
 * The Atbalsts server: one Node process that
 *   1. reads the configuration once (a bad value stops start-up naming the variable),
 *   2. serves the prerendered portal with precompressed files and security headers,
 *   3. guards state-changing requests (same origin, rate limit, declared body size),
 *   4. hands everything else to Astro's handler (on-demand routes: forms, API),
 *   5. runs the outbox worker that e-mails applications,
 *   6. stops gracefully on SIGTERM/SIGINT (finish requests in flight, let the worker finish).
 *
 * Started by scripts/start.mjs (`npm start` / `npm run serve`); Node ≥ 22.18 strips the types.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, setConfig, type Config } from './env.ts';
import { checkDeclaredLength } from './guards/body-limit.ts';
import { checkSameOrigin } from './guards/same-origin.ts';
import { sharedRateLimiter } from './guards/rate-limit.ts';
import { compressResponse } from './http/dynamic-compression.ts';
import { sendError } from './http/error-responses.ts';
import { astroIslandHashes, buildCsp, cspHashesFromBuild, securityHeaders } from './http/security-headers.ts';
import { createStaticHandler, safePathname } from './http/static.ts';
import { purgeIdempotencyRecords } from './idempotency.ts';
import { hashIp, logger } from './log.ts';
import { startOutboxWorker } from './outbox/worker.ts';

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void, locals?: object) => Promise<void>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}

export async function main(): Promise<void> {
  const config = readConfigOrExit();
  setConfig(config);
  const entry = join(config.distDir, 'server', 'entry.mjs');
  const clientDir = join(config.distDir, 'client');
  if (!existsSync(entry) || !existsSync(clientDir)) {
    process.stderr.write(`Config error: DIST_DIR must be a built portal (${entry} not found — run "npm run build")\n`);
    process.exit(78);
  }
  const { handler: astro } = (await import(pathToFileURL(entry).href)) as { handler: AstroHandler };

  const hashes = [await astroIslandHashes(config.distDir), await cspHashesFromBuild(config.distDir)];
  const csp = buildCsp({ scripts: hashes.flatMap((h) => h.scripts), styles: hashes.flatMap((h) => h.styles) });
  const headers = securityHeaders(csp, config.PUBLIC_ORIGIN?.startsWith('https:') ?? false);
  const files = createStaticHandler(clientDir);
  const limiter = sharedRateLimiter(config.RATE_LIMIT_PER_MINUTE);
  const ipSalt = randomBytes(16).toString('hex'); // per process: hashes cannot be joined across restarts
  const worker = await startOutboxWorker(config);

  function clientAddress(req: IncomingMessage): string | undefined {
    if (config.TRUST_PROXY) {
      const forwarded = req.headers['x-forwarded-for'];
      const list = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      // The proxy appends the address it saw; the last entry is the one we can trust.
      if (list.length > 0) return list[list.length - 1];
    }
    return req.socket.remoteAddress;
  }

  async function notFound(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    // Only slug-like paths (letters of any script, digits, - and _) get the slash redirect; a
    // probe like /..;/etc or /.git/config gets a plain 404.
    const sluggy = pathname.split('/').slice(1).every((segment) => /^[\p{L}\p{N}_-]+$/u.test(segment));
    if (!pathname.endsWith('/') && sluggy) {
      // trailingSlash: 'always' — /lv/daugavpils → /lv/daugavpils/ (308 keeps a POST a POST).
      const query = req.url!.includes('?') ? req.url!.slice(req.url!.indexOf('?')) : '';
      res.setHeader('Location', encodeURI(pathname + '/') + query);
      res.setHeader('Cache-Control', 'no-store');
      res.writeHead(isRead ? 301 : 308);
      res.end();
      return;
    }
    const locale = pathname.startsWith('/ru/') ? 'ru' : 'lv';
    for (const candidate of [`${locale}/404/index.html`, `${locale}/404.html`, '404.html', '404/index.html']) {
      if (isRead && (await files.sendFile(req, res, candidate, 404))) return;
    }
    sendError(req, res, 404, 'NOT_FOUND');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const method = req.method ?? 'GET';
    const pathname = safePathname(req.url);
    res.on('finish', () => {
      const fields = { method, path: pathname?.slice(0, 200) ?? 'invalid', status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (res.statusCode >= 500) logger.error('http.request', fields);
      else if (SAFE_METHODS.has(method) && res.statusCode < 400) logger.debug('http.request', fields);
      else logger.info('http.request', fields);
    });
    if (!KNOWN_METHODS.has(method)) return sendError(req, res, 405, 'METHOD_NOT_ALLOWED', { Allow: 'GET, HEAD, POST' });
    if (pathname === undefined) return sendError(req, res, 400, 'BAD_PATH');

    const outcome = await files.handle(req, res);
    if (outcome.kind === 'served') return;
    if (outcome.kind === 'bad-request') return sendError(req, res, 400, 'BAD_PATH');
    if (outcome.kind === 'method-not-allowed') return sendError(req, res, 405, 'METHOD_NOT_ALLOWED', { Allow: 'GET, HEAD' });
    if (outcome.kind === 'redirect') {
      res.setHeader('Location', outcome.location);
      res.writeHead(301);
      res.end();
      return;
    }

    const client = hashIp(clientAddress(req), ipSalt);
    if (!SAFE_METHODS.has(method)) {
      const origin = checkSameOrigin(req.headers, config.PUBLIC_ORIGIN, 'encrypted' in req.socket);
      if (!origin.ok) {
        logger.warn('guard.cross_origin', { path: pathname, basis: origin.basis, client });
        return sendError(req, res, 403, 'CROSS_ORIGIN');
      }
      const rate = limiter.consume(client ?? 'unknown');
      if (!rate.ok) {
        logger.warn('guard.rate_limited', { path: pathname, client, retryAfter: rate.retryAfter });
        return sendError(req, res, 429, 'RATE_LIMITED', { 'Retry-After': String(rate.retryAfter) });
      }
      const tooLarge = checkDeclaredLength(new Headers({ 'content-length': String(req.headers['content-length'] ?? '') }), config.MAX_BODY_BYTES);
      if (tooLarge) {
        logger.warn('guard.body_too_large', { path: pathname, client });
        // Let the client finish sending (discarding it) so it can read the 413 instead of
        // seeing a reset connection — but never for more than a few seconds.
        res.setHeader('Connection', 'close');
        req.resume();
        setTimeout(() => req.socket.destroy(), 5_000).unref();
        return sendError(req, res, tooLarge.status, tooLarge.code);
      }
    }

    compressResponse(req, res);
    const locals = { atbalsts: { client } };
    await astro(req, res, () => notFound(req, res, pathname), locals);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      logger.error('http.unhandled', { code: (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.name ?? 'unknown' });
      if (!res.headersSent) sendError(req, res, 500, 'INTERNAL');
      else res.destroy();
    });
  };
  const server = createServer(onRequest);
  // `Expect: 100-continue`: say "continue" only to bodies we would accept; an oversized one gets
  // its 413 before the client uploads anything.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared > config.MAX_BODY_BYTES)) res.writeContinue();
    onRequest(req, res);
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 300_000; // slow rural uploads of a few MB still fit

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  logger.info('server.listening', { url: `http://${config.HOST === 'localhost' ? 'localhost' : host}:${address.port}`, port: address.port, dist: config.distDir });

  const housekeeping = setInterval(() => {
    purgeIdempotencyRecords(config.idempotencyDir).catch(() => {});
  }, 3_600_000);
  housekeeping.unref();
  void purgeIdempotencyRecords(config.idempotencyDir).catch(() => {});

  let closing = false;
  async function shutdown(signal: string): Promise<void> {
    if (closing) return;
    closing = true;
    logger.info('server.stopping', { signal });
    clearInterval(housekeeping);
    const force = setTimeout(() => {
      logger.warn('server.forced_close', { afterMs: config.SHUTDOWN_TIMEOUT_MS });
      server.closeAllConnections();
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await worker.stop();
    clearTimeout(force);
    logger.info('server.stopped', { signal });
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

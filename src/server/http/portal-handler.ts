/**
 * One request through the portal: security headers → static file (precompressed) → guards for
 * state-changing requests → the JSON application API (answered here, see below) or Astro's
 * on-demand routes → the built 404 page. Logs one JSON line
 * per request (method, path without query, status, duration — no addresses, no answers).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APPLICATION_API_PATH, type JsonReply } from '../applications/api.ts';
import type { PostedRequest } from '../applications/deps.ts';
import type { Config } from '../env.ts';
import { checkDeclaredLength } from '../guards/body-limit.ts';
import {
  clientAddress as resolveClient,
  isTrustedPeer,
  parseProxyList,
  rateLimitKey,
} from '../guards/client-address.ts';
import { BUSY_RETRY_AFTER_S, type BodyBudget } from '../guards/in-flight.ts';
import type { RateLimiter } from '../guards/rate-limit.ts';
import { checkSameOrigin } from '../guards/same-origin.ts';
import { hashIp, logger } from '../log.ts';
import { compressResponse } from './dynamic-compression.ts';
import { sendError } from './error-responses.ts';
import { safePathname, type StaticHandler } from './static.ts';

export type AstroHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
  locals?: object,
) => Promise<void>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']);

interface PortalHandlerDeps {
  config: Config;
  astro: AstroHandler;
  files: StaticHandler;
  limiter: RateLimiter;
  /**
   * The no-JS estimator posts (add a person, fix an answer, see results) store nothing, and one
   * resident may send many; they get their own, larger bucket so a library room estimating does
   * not use up the allowance for applications.
   */
  estimatorLimiter?: RateLimiter;
  headers: Record<string, string>;
  /** Per-process salt for hashing client addresses (hashes cannot be joined across restarts). */
  ipSalt: string;
  /** Cap on the bytes of request bodies being received at once (MAX_BODIES_IN_FLIGHT_BYTES). */
  bodyBudget?: BodyBudget;
  /**
   * Answers `POST /api/<municipality>/applications/<form>/` (applications/api.ts) after the same
   * guards, headers and compression as any route, without Astro's router and Response
   * rendering: the route is framework-free, and that layer cost more than the answer itself.
   * Unset: the Astro endpoint answers it (same function, same replies).
   */
  applicationApi?: (request: PostedRequest, municipality: string, form: string) => Promise<JsonReply>;
}

/**
 * The Node request as the handler reads it (applications/deps.ts `PostedRequest`): method,
 * headers by name (repeated headers joined as Node joins them) and the message itself as the body
 * stream — no web Request or web stream is built around it.
 */
function postedRequest(req: IncomingMessage): PostedRequest {
  return {
    method: req.method ?? 'POST',
    headers: {
      get(name: string): string | null {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    body: req,
  };
}

export function createPortalHandler(deps: PortalHandlerDeps) {
  const { config, astro, files, limiter, estimatorLimiter, headers, ipSalt, bodyBudget, applicationApi } = deps;
  const trust = {
    list: config.TRUSTED_PROXIES ? parseProxyList(config.TRUSTED_PROXIES) : undefined,
    peer: config.TRUST_PROXY,
  };
  // X-Forwarded-Proto counts only when it comes from one of our proxies.
  const peerIsProxy = (req: IncomingMessage): boolean => isTrustedPeer(req.socket.remoteAddress, trust);
  function clientAddress(req: IncomingMessage): string | undefined {
    // Trusted proxies: the first X-Forwarded-For hop from the right that is not ours; IPv6 by /64.
    return rateLimitKey(resolveClient(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust));
  }

  async function notFound(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    // Only slug-like paths (letters of any script, digits, - and _) get the slash redirect; a
    // probe like /..;/etc or /.git/config gets a plain 404.
    const sluggy = pathname
      .split('/')
      .slice(1)
      .every((segment) => /^[\p{L}\p{N}_-]+$/u.test(segment));
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
    // 'close' fires for finished and for aborted responses alike; `complete` tells them apart.
    res.once('close', () => {
      const fields = {
        method,
        path: pathname?.slice(0, 200) ?? 'invalid',
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        complete: res.writableFinished ? undefined : false,
      };
      if (res.statusCode >= 500) logger.error('http.request', fields);
      else if (SAFE_METHODS.has(method) && res.statusCode < 400) logger.debug('http.request', fields);
      else logger.info('http.request', fields);
    });
    if (!KNOWN_METHODS.has(method)) return sendError(req, res, 405, 'METHOD_NOT_ALLOWED', { Allow: 'GET, HEAD, POST' });
    if (pathname === undefined) return sendError(req, res, 400, 'BAD_PATH');

    // The JSON application API: no built file lives under /api/ (those routes are on-demand), so
    // the static lookup (a failing stat per request) is skipped for it.
    const api = applicationApi && method === 'POST' ? APPLICATION_API_PATH.exec(pathname) : null;
    const outcome = api ? ({ kind: 'not-found', pathname } as const) : await files.handle(req, res);
    if (outcome.kind === 'served') return;
    if (outcome.kind === 'bad-request') return sendError(req, res, 400, 'BAD_PATH');
    if (outcome.kind === 'method-not-allowed')
      return sendError(req, res, 405, 'METHOD_NOT_ALLOWED', { Allow: 'GET, HEAD' });
    if (outcome.kind === 'redirect') {
      res.setHeader('Location', outcome.location);
      res.writeHead(301);
      res.end();
      return;
    }

    const client = hashIp(clientAddress(req), ipSalt);
    const posted = postedRequest(req);
    if (!SAFE_METHODS.has(method)) {
      // Without PUBLIC_ORIGIN, the expected origin is built from Host; behind a trusted TLS proxy
      // the scheme comes from X-Forwarded-Proto.
      const https =
        'encrypted' in req.socket ||
        (peerIsProxy(req) &&
          String(req.headers['x-forwarded-proto'] ?? '')
            .split(',')[0]
            ?.trim() === 'https');
      const origin = checkSameOrigin(req.headers, config.PUBLIC_ORIGIN, https);
      if (!origin.ok) {
        logger.warn('guard.cross_origin', { path: pathname, basis: origin.basis, client });
        return sendError(req, res, 403, 'CROSS_ORIGIN');
      }
      const bucket = estimatorLimiter && /^\/(lv|ru)\/[^/]+\/novertejums\//.test(pathname) ? estimatorLimiter : limiter;
      const rate = bucket.consume(client ?? 'unknown');
      if (!rate.ok) {
        logger.warn('guard.rate_limited', { path: pathname, client, retryAfter: rate.retryAfter });
        return sendError(req, res, 429, 'RATE_LIMITED', { 'Retry-After': String(rate.retryAfter) });
      }
      const tooLarge = checkDeclaredLength(posted.headers, config.MAX_BODY_BYTES);
      if (tooLarge) {
        logger.warn('guard.body_too_large', { path: pathname, client });
        // Let the client finish sending (discarding it) so it can read the 413 instead of
        // seeing a reset connection — but never for more than a few seconds.
        res.setHeader('Connection', 'close');
        req.resume();
        setTimeout(() => req.socket.destroy(), 5_000).unref();
        return sendError(req, res, tooLarge.status, tooLarge.code);
      }
      if (bodyBudget) {
        // Reserve the declared size (a chunked body of unknown size: the largest allowed, at most
        // the whole budget) until the response is done; beyond the budget the upload is refused
        // before it is read.
        const declared = Number(req.headers['content-length'] ?? 0);
        const chunked = req.headers['transfer-encoding'] !== undefined;
        const release = bodyBudget.reserve(
          chunked ? Math.min(config.MAX_BODY_BYTES, bodyBudget.maxBytes) : Number.isFinite(declared) ? declared : 0,
        );
        if (!release) {
          logger.warn('guard.busy', { path: pathname, client, inFlightBytes: bodyBudget.used });
          res.setHeader('Connection', 'close');
          return sendError(req, res, 503, 'BUSY', { 'Retry-After': String(BUSY_RETRY_AFTER_S) });
        }
        res.once('close', release);
      }
    }

    compressResponse(req, res);
    if (api) {
      const reply = await applicationApi!(posted, api[1]!, api[2]!);
      res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
      res.end(reply.body);
      return;
    }
    const locals = { atbalsts: { client } };
    await astro(req, res, () => notFound(req, res, pathname), locals);
  }

  return handle;
}

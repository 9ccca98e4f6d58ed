/**
 * The Atbalsts server: one Node process that
 *   1. reads the configuration once (a bad value stops start-up naming the variable),
 *   2. serves the prerendered portal with precompressed files and security headers,
 *   3. guards state-changing requests (same origin, rate limit, declared body size),
 *   4. answers the JSON application API itself, and hands everything else to Astro's handler
 *      (on-demand routes: forms, health),
 *   5. runs the outbox worker that e-mails applications,
 *   6. stops gracefully on SIGTERM/SIGINT (finish requests in flight, let the worker finish).
 *
 * Started by scripts/start.mjs (`npm start` / `npm run serve`); Node ≥ 22.18 strips the types.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, setConfig, type Config } from './env.ts';
import { RateLimiter, sharedRateLimiter } from './guards/rate-limit.ts';
import { BodyBudget } from './guards/in-flight.ts';
import { createPortalHandler, type AstroHandler } from './http/portal-handler.ts';
import { sendError, setErrorPageRussian } from './http/error-responses.ts';
import { astroIslandHashes, buildCsp, cspHashesFromBuild, securityHeaders } from './http/security-headers.ts';
import { createStaticHandler } from './http/static.ts';
import { applicationApiReply } from './applications/api.ts';
import type { HandlerDeps, PostedRequest } from './applications/deps.ts';
import { loadCatalogueFromDisk } from '../data/load-from-disk.ts';
import { nodeTranslator } from './mail/translate.ts';
import { formKeySecret } from './form-key.ts';
import { purgeIdempotencyRecords } from './idempotency.ts';
import { logger, routeConsoleToJsonLogs } from './log.ts';
import { OutboxError } from './outbox/types.ts';
import { ensureLayout, outboxLayout } from './outbox/layout.ts';
import { intakeJournal } from './outbox/journal.ts';
import { startOutboxWorker, type OutboxWorker } from './outbox/worker.ts';

/**
 * Connection-level limits: at most MAX_CONNECTIONS open sockets (further ones are closed at
 * once), headers within 20 s (checked every 5 s, so a slow-headers client is dropped after at
 * most ~25 s), a whole request within 300 s (slow rural uploads of a few MB still
 * fit; a trickling body is dropped much earlier by the minimum upload rate in read-body).
 */
export function applyConnectionLimits(server: Server, config: Pick<Config, 'MAX_CONNECTIONS'>): void {
  server.maxConnections = config.MAX_CONNECTIONS;
  server.headersTimeout = 20_000;
  server.requestTimeout = 300_000;
  server.keepAliveTimeout = 5_000;
}

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
  routeConsoleToJsonLogs();
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
  setErrorPageRussian(existsSync(join(clientDir, 'ru')));
  const limiter = sharedRateLimiter(config.RATE_LIMIT_PER_MINUTE);
  const estimatorLimiter = new RateLimiter(config.RATE_LIMIT_PER_MINUTE * 5);
  const ipSalt = randomBytes(16).toString('hex'); // per process: hashes cannot be joined across restarts
  await ensureLayout(outboxLayout(config.outboxDir)); // an unwritable outbox stops start-up here
  try {
    await formKeySecret(config); // generated on first start when FORM_KEY_SECRET is unset
  } catch (err) {
    process.stderr.write(
      `Config error: FORM_KEY_SECRET must be set, or form-key.secret next to OUTBOX_DIR must be readable (${(err as Error).message})\n`,
    );
    process.exit(78);
  }

  const bodyBudget = new BodyBudget(config.MAX_BODIES_IN_FLIGHT_BYTES);
  // The JSON application API is answered by the server itself (http/portal-handler.ts) with the
  // catalogue and translations read from the repository's files, as the outbox's render thread
  // does — the same sources the build bundled.
  const apiDeps: HandlerDeps = {
    catalogue: loadCatalogueFromDisk(fileURLToPath(new URL('../../', import.meta.url))),
    maxBodyBytes: config.MAX_BODY_BYTES,
  };
  const translator = nodeTranslator();
  const applicationApi = (request: PostedRequest, municipality: string, form: string) =>
    applicationApiReply(request, municipality, form, apiDeps, translator);
  const handle = createPortalHandler({
    config,
    astro,
    files,
    limiter,
    estimatorLimiter,
    headers,
    ipSalt,
    bodyBudget,
    applicationApi,
  });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      logger.error('http.unhandled', {
        code: (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.name ?? 'unknown',
      });
      if (!res.headersSent) sendError(req, res, 500, 'INTERNAL');
      else res.destroy();
    });
  };
  // Timeouts are checked every 5 s (Node's default, 30 s, would let slow headers live ~50 s).
  const server = createServer({ connectionsCheckingInterval: 5_000 }, onRequest);
  // `Expect: 100-continue`: say "continue" only to bodies we would accept; an oversized one gets
  // its 413 before the client uploads anything.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared > config.MAX_BODY_BYTES)) res.writeContinue();
    onRequest(req, res);
  });
  applyConnectionLimits(server, config);

  // Signals are handled from here on, so a SIGTERM during start-up is graceful too.
  let worker: OutboxWorker | undefined;
  let housekeeping: NodeJS.Timeout | undefined;
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
    // Applications journaled but not yet in queue/ are written now (the next start would do it
    // otherwise), within the same time limit.
    await Promise.race([intakeJournal(config.outboxDir).settled(), delay(config.SHUTDOWN_TIMEOUT_MS)]);
    await (worker ?? (await workerStarting?.catch(() => undefined)))?.stop();
    clearTimeout(force);
    logger.info('server.stopped', { signal });
    process.exit(0);
  }
  let workerStarting: Promise<OutboxWorker> | undefined;
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });

  // After listen: a second instance that cannot get the port never touches the outbox.
  try {
    workerStarting = startOutboxWorker(config, { warmRenderer: true });
    worker = await workerStarting;
  } catch (err) {
    if (err instanceof OutboxError && err.code === 'OUTBOX_LOCKED') {
      process.stderr.write(`Config error: OUTBOX_DIR must belong to one server only (${err.message})\n`);
      process.exit(78);
    }
    throw err;
  }
  if (closing) return;

  housekeeping = setInterval(() => {
    purgeIdempotencyRecords(config.idempotencyDir).catch(() => {});
  }, 3_600_000);
  housekeeping.unref();
  void purgeIdempotencyRecords(config.idempotencyDir).catch(() => {});

  // Ready: the readiness signal for process managers and test helpers (portal-server.ts).
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  logger.info('server.listening', {
    url: `http://${config.HOST === 'localhost' ? 'localhost' : host}:${address.port}`,
    port: address.port,
    dist: config.distDir,
  });
}

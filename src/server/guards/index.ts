/**
 * Request guards for form endpoints. Every refusal is a GuardError with a stable `code` and
 * `status` (403 CROSS_ORIGIN, 429 RATE_LIMITED + `retryAfter` seconds, 413 BODY_TOO_LARGE,
 * 400 BODY_ABORTED) — never a 500.
 *
 * The server (src/server/main.ts) ALREADY applies the cheap checks to every POST/PUT/PATCH/DELETE
 * before Astro sees it: same origin (403), the per-client rate limit (429 + Retry-After) and a
 * declared Content-Length over MAX_BODY_BYTES (413). An endpoint therefore only has to:
 *
 *   import { limitedNodeStream, readBodyLimited, isGuardError } from '../guards/index.ts';
 *   const stream = limitedNodeStream(request, getConfig().MAX_BODY_BYTES); // multipart → busboy
 *   const bytes = await readBodyLimited(request, getConfig().MAX_BODY_BYTES); // JSON
 *   // catch (err) { if (isGuardError(err)) → answer err.status with a translated message }
 *
 * because a chunked body has no Content-Length and is only caught while streaming.
 * `checkSameOrigin` and `RateLimiter` are exported for tests and other servers; do not consume
 * from `sharedRateLimiter` again inside an endpoint — that would count each post twice.
 * The client address main.ts used is in `Astro.locals.atbalsts.client` (a hash, not the IP).
 */
export { GuardError, isGuardError } from './guard-error.ts';
export { checkSameOrigin } from './same-origin.ts';
export { RateLimiter } from './rate-limit.ts';
export { limitBody, limitedNodeStream, readBodyLimited, UPLOAD_GRACE_MS, type UploadPace } from './body-limit.ts';
export { BodyBudget } from './in-flight.ts';
export { clientAddress, parseProxyList, rateLimitKey } from './client-address.ts';

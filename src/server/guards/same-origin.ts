/**
 * Same-origin check for state-changing requests (cross-site request forgery).
 *
 * Browsers send `Origin` on every cross-origin POST; older ones send at least `Referer` on a
 * same-origin form post (our Referrer-Policy is `same-origin`, which keeps it for us and strips
 * it for others). So: Origin present → must equal the expected origin; else Referer present →
 * its origin must; else (curl, an integration posting JSON — JSON cannot be sent cross-site by a
 * browser without a CORS preflight we never answer) → allowed.
 *
 * Expected origin: PUBLIC_ORIGIN when configured (the only reliable value behind a reverse proxy
 * that terminates TLS); otherwise `http(s)://<Host header>` as the server sees it.
 */
type OriginVerdict =
  { ok: true; basis: 'origin' | 'referer' | 'none' } | { ok: false; basis: 'origin' | 'referer'; code: 'CROSS_ORIGIN' };

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

function expectedOrigin(
  headers: HeaderSource,
  publicOrigin: string | undefined,
  encrypted = false,
): string | undefined {
  if (publicOrigin) return publicOrigin;
  const host = header(headers, 'host');
  return host ? `${encrypted ? 'https' : 'http'}://${host.toLowerCase()}` : undefined;
}

export function checkSameOrigin(
  headers: HeaderSource,
  publicOrigin: string | undefined,
  encrypted = false,
): OriginVerdict {
  const expected = expectedOrigin(headers, publicOrigin, encrypted);
  const origin = header(headers, 'origin');
  if (origin !== undefined && origin !== '') {
    return origin.toLowerCase() === expected
      ? { ok: true, basis: 'origin' }
      : { ok: false, basis: 'origin', code: 'CROSS_ORIGIN' };
  }
  const referer = header(headers, 'referer');
  if (referer !== undefined && referer !== '') {
    return originOf(referer) === expected
      ? { ok: true, basis: 'referer' }
      : { ok: false, basis: 'referer', code: 'CROSS_ORIGIN' };
  }
  return { ok: true, basis: 'none' };
}

/**
 * Security headers on EVERY response (static, on-demand, errors, redirects).
 *
 * CSP: no inline script or style is allowed, with one exception we cannot avoid: Astro's island
 * runtime. A page with a Preact island carries Astro's fixed `<astro-island>` loader and a
 * directive script (`client:load`, …) inline, plus a one-rule `<style>`. Their texts are
 * constants of the installed Astro version, so we allow exactly those by SHA-256 hash (CSP
 * Level 2) — never 'unsafe-inline'. Anything else inline is blocked; the build's audit
 * (src/integrations/csp-audit.ts) reports it, and `cspHashesFromBuild` adds hashes of inline
 * elements the build itself emitted, so a page never ships something our own CSP blocks
 * silently.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

interface CspHashes {
  scripts: string[];
  styles: string[];
}

/**
 * Hashes of the inline island runtime of the installed Astro (the one next to the server's
 * code, which is the one that built the portal; `fromDir` is tried first).
 */
export async function astroIslandHashes(fromDir?: string): Promise<CspHashes> {
  let astroRoot: string | undefined;
  for (const base of [fromDir ? join(fromDir, 'noop.js') : undefined, import.meta.url]) {
    if (!base || astroRoot) continue;
    try {
      astroRoot = join(createRequire(base).resolve('astro/package.json'), '..');
    } catch {
      // not resolvable from there
    }
  }
  if (!astroRoot) return { scripts: [], styles: [] };
  const root = astroRoot;
  const load = async (rel: string) => {
    const mod = (await import(pathToFileURL(join(root, rel)).href)) as { default?: string; ISLAND_STYLES?: string };
    return mod;
  };
  const scripts: string[] = [];
  const island = await load('dist/runtime/server/astro-island.prebuilt.js').catch(() => undefined);
  if (island?.default) scripts.push(sha256Source(island.default));
  for (const directive of ['idle', 'load', 'media', 'only', 'visible']) {
    const mod = await load(`dist/runtime/client/${directive}.prebuilt.js`).catch(() => undefined);
    if (mod?.default) scripts.push(sha256Source(mod.default));
  }
  const styles: string[] = [];
  const islandStyles = await load('dist/runtime/server/astro-island-styles.js').catch(() => undefined);
  if (islandStyles?.ISLAND_STYLES) styles.push(sha256Source(islandStyles.ISLAND_STYLES));
  return { scripts, styles };
}

/** Hashes recorded by the build's CSP audit (`<distDir>/csp-inline.json`), if present. */
export async function cspHashesFromBuild(distDir: string): Promise<CspHashes> {
  try {
    const parsed = JSON.parse(await readFile(join(distDir, 'csp-inline.json'), 'utf8')) as Partial<CspHashes>;
    return { scripts: parsed.scripts ?? [], styles: parsed.styles ?? [] };
  } catch {
    return { scripts: [], styles: [] };
  }
}

export function buildCsp(hashes: CspHashes): string {
  const uniq = (list: string[]) => [...new Set(list)].sort();
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...uniq(hashes.scripts)].join(' '),
    ['style-src', "'self'", ...uniq(hashes.styles)].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders(csp: string, https: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    // same-origin: our own form posts keep a Referer (the same-origin check's fallback for old
    // browsers without Origin); other sites never learn which benefit page a resident read.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy':
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (https) headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}

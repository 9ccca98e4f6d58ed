/**
 * Short-lived PDF downloads for the thank-you page. The link is an unguessable token (256 random
 * bits) handed to the resident's browser in a session cookie — not in the URL, so it stays out of
 * a library computer's history — and the file is deleted after DOWNLOAD_TTL_MS. The PDF holds
 * personal data; nothing else links to it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { getConfig } from '../env.ts';

export const DOWNLOAD_TTL_MS = 24 * 3_600_000;
export const DOWNLOAD_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Cookie that carries the token from the POST to the thank-you page (HttpOnly, SameSite=Strict). */
export const DOWNLOAD_COOKIE = 'atbalsts_pdf';

interface Meta {
  reference: string;
  expiresAt: number;
}

export function downloadsDir(): string {
  return join(dirname(getConfig().outboxDir), 'downloads');
}

async function purgeExpired(dir: string, now: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info && now - info.mtimeMs > DOWNLOAD_TTL_MS + 60_000) await rm(join(dir, name), { force: true });
  }
}

/** Stores a PDF for `reference`; returns the token. A second call for one reference returns the first token. */
export async function putDownload(reference: string, pdf: Uint8Array, opts: { dir?: string; now?: number } = {}): Promise<string> {
  const dir = opts.dir ?? downloadsDir();
  const now = opts.now ?? Date.now();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await purgeExpired(dir, now);
  const existing = await tokenFor(reference, { dir });
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  await writeFile(join(dir, `${token}.pdf`), pdf, { mode: 0o600 });
  await writeFile(join(dir, `${token}.json`), JSON.stringify({ reference, expiresAt: now + DOWNLOAD_TTL_MS } satisfies Meta), { mode: 0o600 });
  await writeFile(join(dir, `ref-${reference}.txt`), token, { mode: 0o600 });
  return token;
}

export async function tokenFor(reference: string, opts: { dir?: string } = {}): Promise<string | undefined> {
  if (!/^[A-Z0-9-]{6,40}$/.test(reference)) return undefined;
  const token = await readFile(join(opts.dir ?? downloadsDir(), `ref-${reference}.txt`), 'utf8').catch(() => undefined);
  return token && DOWNLOAD_TOKEN.test(token) ? token : undefined;
}

export type DownloadLookup = { state: 'ok'; reference: string; pdf: Uint8Array } | { state: 'gone' } | { state: 'invalid' };

export async function getDownload(token: string, opts: { dir?: string; now?: number; meta?: boolean } = {}): Promise<DownloadLookup> {
  if (!DOWNLOAD_TOKEN.test(token)) return { state: 'invalid' };
  const dir = opts.dir ?? downloadsDir();
  const raw = await readFile(join(dir, `${token}.json`), 'utf8').catch(() => undefined);
  if (!raw) return { state: 'gone' };
  const meta = JSON.parse(raw) as Meta;
  if ((opts.now ?? Date.now()) > meta.expiresAt) {
    await Promise.all([`${token}.pdf`, `${token}.json`, `ref-${meta.reference}.txt`].map((n) => rm(join(dir, n), { force: true })));
    return { state: 'gone' };
  }
  if (opts.meta) return { state: 'ok', reference: meta.reference, pdf: new Uint8Array() };
  const pdf = await readFile(join(dir, `${token}.pdf`)).catch(() => undefined);
  return pdf ? { state: 'ok', reference: meta.reference, pdf: new Uint8Array(pdf) } : { state: 'gone' };
}

/**
 * The resident's PDF, once, right after sending — for the thank-you page on this browser only.
 *
 * On first acceptance (never on a replay of an idempotency key) the handler stores a download
 * entry: the application record without the resident's files (enough to render the PDF) under
 * the SHA-256 of a fresh 256-bit token, and the page puts the token in an HttpOnly,
 * SameSite=Strict cookie with a short Max-Age (`Secure` on https). The token is never in a URL
 * or a log. The download route (`pieteikums/lejupielade/`) reads the cookie, renders the PDF,
 * deletes the entry and clears the cookie: one download, so the next person at a shared
 * computer finds nothing in the history. Expired entries are purged by a timer in the server
 * (the outbox worker calls `purgeExpiredDownloads`), not only when someone asks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { getConfig } from '../env.ts';
import type { RecordItem } from '../outbox/record.ts';

export const DOWNLOAD_TTL_MS = 30 * 60_000;
const DOWNLOAD_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Cookie that carries the token (HttpOnly, SameSite=Strict, Max-Age = the TTL). */
export const DOWNLOAD_COOKIE = 'atbalsts_pdf';

interface Entry {
  version: 1;
  reference: string;
  expiresAt: number;
  record: RecordItem;
}

function downloadsDir(): string {
  return join(dirname(getConfig().outboxDir), 'downloads');
}

const fileOf = (dir: string, token: string) => join(dir, `${createHash('sha256').update(token).digest('hex')}.json`);

/** Deletes entries past their expiry (by file age, so a torn file goes too). Returns how many. */
export async function purgeExpiredDownloads(opts: { dir?: string; now?: number } = {}): Promise<number> {
  const dir = opts.dir ?? downloadsDir();
  const now = opts.now ?? Date.now();
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info && now - info.mtimeMs > DOWNLOAD_TTL_MS) {
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

const made = new Set<string>();

/**
 * Stores the download entry for a just-accepted application; returns the token for the cookie.
 * `record` is the stored record; the resident's files are not kept here.
 */
export async function putDownload(record: RecordItem, opts: { dir?: string; now?: number } = {}): Promise<string> {
  const dir = opts.dir ?? downloadsDir();
  const now = opts.now ?? Date.now();
  if (!made.has(dir)) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    made.add(dir);
  }
  const token = randomBytes(32).toString('base64url');
  const entry: Entry = { version: 1, reference: record.reference, expiresAt: now + DOWNLOAD_TTL_MS, record };
  // Not fsync'ed: losing a download entry in a power cut costs a convenience, not an application.
  const write = () => writeFile(fileOf(dir, token), JSON.stringify(entry), { mode: 0o600, flag: 'wx' });
  await write().catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await write();
  });
  return token;
}

type DownloadLookup = { state: 'ok'; reference: string; record: RecordItem } | { state: 'gone' } | { state: 'invalid' };

async function lookup(token: string, dir: string, now: number): Promise<DownloadLookup> {
  if (!DOWNLOAD_TOKEN.test(token)) return { state: 'invalid' };
  const raw = await readFile(fileOf(dir, token), 'utf8').catch(() => undefined);
  if (!raw) return { state: 'gone' };
  let entry: Entry;
  try {
    entry = JSON.parse(raw) as Entry;
  } catch {
    return { state: 'gone' };
  }
  if (now > entry.expiresAt) {
    await rm(fileOf(dir, token), { force: true });
    return { state: 'gone' };
  }
  return { state: 'ok', reference: entry.reference, record: entry.record };
}

/** Is there a download for this token (the thank-you page shows the link only then)? */
export function getDownload(token: string, opts: { dir?: string; now?: number } = {}): Promise<DownloadLookup> {
  return lookup(token, opts.dir ?? downloadsDir(), opts.now ?? Date.now());
}

/** The download, used up: the entry is deleted before the PDF is rendered, so it works once. */
export async function takeDownload(token: string, opts: { dir?: string; now?: number } = {}): Promise<DownloadLookup> {
  const dir = opts.dir ?? downloadsDir();
  const found = await lookup(token, dir, opts.now ?? Date.now());
  if (found.state === 'ok') await rm(fileOf(dir, token), { force: true });
  return found;
}

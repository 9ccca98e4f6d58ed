/**
 * Reference numbers for applications: `<PREFIX>-<YEAR>-<CODE>`, e.g. `DGV-2026-7KQ3M`.
 *
 * The code is 5 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a resident
 * can read it over the phone or copy it from paper. 31^5 ≈ 28.6 million codes per prefix and
 * year; codes are drawn with crypto randomness (unguessable).
 *
 * A reference is never issued twice: `issueReference` records every issued reference in a
 * per-year index (`references/<year>/<reference>`, an empty marker file — no personal data)
 * with an exclusive create, fsync'ed before the reference is used. The outbox alone cannot
 * guarantee this: delivered applications leave it (OUTBOX_RETENTION_DAYS=0), and by the birthday
 * bound 5 000 applications a year would repeat a code with ~35 % probability.
 */
import { randomInt } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createEmptyFile, ensureDirs, fsyncDir } from './outbox/durable-fs.ts';

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const REFERENCE_CODE_LENGTH = 5;
export const REFERENCE_PATTERN = /^[A-Z]{2,6}-\d{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/;
const PREFIX = /^[A-Z]{2,6}$/;

/** A random integer in [0, max): crypto randomness by default; tests inject their own. */
export type RandomInt = (max: number) => number;

/** The reference year: Latvia's civil year (an application at 00:30 on 1 January local time is that year's). */
function referenceYear(now: Date = new Date()): string {
  // Formatting with a time zone costs tens of microseconds — a visible share of accepting an
  // application — so the year is kept for the minute it was computed in. Riga's offset is a
  // whole number of hours, so a year never changes within a UTC minute.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== yearOf.minute) yearOf = { minute, year: rigaYear.format(now) };
  return yearOf.year;
}
// Built once: constructing an Intl formatter costs far more than formatting with it.
const rigaYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Riga', year: 'numeric' });
let yearOf = { minute: NaN, year: '' };

/**
 * A new random reference; `prefix` is the municipality's (2–6 capital Latin letters, from the
 * pack). Not checked against earlier ones — applications use `issueReference`.
 */
export function newReference(prefix: string, now: Date = new Date(), random: RandomInt = randomInt): string {
  if (!PREFIX.test(prefix)) throw new TypeError(`reference prefix must match ${PREFIX.source}`);
  let code = '';
  for (let i = 0; i < REFERENCE_CODE_LENGTH; i++) code += REFERENCE_ALPHABET[random(REFERENCE_ALPHABET.length)];
  return `${prefix}-${referenceYear(now)}-${code}`;
}

class ReferenceSpaceError extends Error {
  readonly code = 'REFERENCE_SPACE_EXHAUSTED';
  constructor(attempts: number) {
    super(`REFERENCE_SPACE_EXHAUSTED: no unused reference after ${attempts} draws`);
    this.name = 'ReferenceSpaceError';
  }
}

interface IssueOptions {
  /** The index folder (`references/` in the server's state folder). */
  dir: string;
  now?: Date;
  random?: RandomInt;
  /** Draws before giving up (a practically full year); default 64. */
  maxAttempts?: number;
  /**
   * false: do not fsync the year's folder — the caller makes the marker durable another way (the
   * intake journal records it and recreates it after a crash). Default true.
   */
  sync?: boolean;
}

/** Year folders known to exist (created once, not checked with a mkdir on every application). */
const readyDirs = new Set<string>();

/**
 * A reference never issued before: drawn at random, then claimed in the per-year index with an
 * exclusive create (a taken one is drawn again), durable before it is returned.
 */
export async function issueReference(prefix: string, options: IssueOptions): Promise<string> {
  const claimed = await claimReference(prefix, options);
  await claimed.durable;
  return claimed.reference;
}

/**
 * Like `issueReference`, but returns as soon as the marker exists (no other caller can draw the
 * same reference from then on) with its path and `durable`, the folder fsync that makes the
 * marker survive a power cut. The caller may write its own records meanwhile, and must await
 * `durable` (or journal the marker, see `sync`) before it acknowledges anything that carries the
 * reference.
 */
export async function claimReference(
  prefix: string,
  options: IssueOptions,
): Promise<{ reference: string; marker: string; durable: Promise<void> }> {
  const now = options.now ?? new Date();
  const yearDir = join(options.dir, referenceYear(now));
  if (!readyDirs.has(yearDir)) {
    await ensureDirs(yearDir);
    readyDirs.add(yearDir);
  }
  const attempts = options.maxAttempts ?? 64;
  for (let i = 0; i < attempts; i++) {
    const reference = newReference(prefix, now, options.random);
    const marker = join(yearDir, reference);
    try {
      // An empty marker: only its name matters, so the folder's fsync is what makes it durable
      // (shared by every marker created before it starts, see fsyncDir).
      await createEmptyFile(marker);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT') readyDirs.delete(yearDir); // the folder was removed: create it again next time
      throw err;
    }
    const durable = options.sync === false ? Promise.resolve() : fsyncDir(yearDir);
    durable.catch(() => {}); // observed here; the caller awaits it
    return { reference, marker, durable };
  }
  throw new ReferenceSpaceError(attempts);
}

/** True when `reference` is in the index (it was issued once). */
export async function wasIssued(reference: string, dir: string): Promise<boolean> {
  const year = /-(\d{4})-/.exec(reference)?.[1];
  if (!year || !isReference(reference)) return false;
  return access(join(dir, year, reference)).then(
    () => true,
    () => false,
  );
}

export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

/** Normalises a reference a resident typed (lower case, spaces or dashes as separators). */
export function normalizeReference(input: string): string | undefined {
  const candidate = input
    .trim()
    .toUpperCase()
    .replace(/[\s_–—]+/g, '-');
  return REFERENCE_PATTERN.test(candidate) ? candidate : undefined;
}

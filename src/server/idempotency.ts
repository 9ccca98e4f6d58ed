/**
 * Idempotency: one form render (its hidden `idempotencyKey`, or a JSON client's
 * `Idempotency-Key` header) yields at most one application, whatever the resident does —
 * double click, reload after a timeout, a proxy retrying the POST.
 *
 * Durable key → reference records live in IDEMPOTENCY_DIR (default: `idempotency/` next to
 * OUTBOX_DIR), one small JSON file per key, named by the SHA-256 of key and scope (no user text
 * in file names). Records hold no personal data and are purged after RECORD_TTL_MS.
 *
 *   const { reference, replayed } = await withIdempotency(
 *     { key, scope: `${municipality}/${form}`, prefix: 'DGV' },
 *     async (reference) => { await enqueue(buildItem(reference), files); },
 *   );
 *
 * A key is bound to the body it was first used with (`bodyHash`, see `canonicalBodyHash`): the
 * same key with a different body is refused (IDEMPOTENCY_KEY_MISMATCH → 409), so knowing someone
 * else's key does not reveal their reference.
 *
 * Flow with the outbox's intake journal (`options.journal`, what applications use): a new key's
 * record is handed to `store` as a `Reservation` and journaled with the application in one
 * durable write (outbox/journal.ts); the record file is written when the journal applies the
 * entry, and until then `pendingKey` and the in-flight slot answer a repeat of the key.
 *
 * Flow without a journal (and for `pending` records left by earlier versions): the reference is
 * reserved in a `pending` record (exclusive create) BEFORE `store` runs; the record is marked
 * `done` (renamed to its final name, see `run`) after it resolves. A retry after a crash between
 * the two finds the pending record and runs `store` again with the SAME reference — the outbox
 * then either stores it (first attempt never reached the disk) or answers OUTBOX_DUPLICATE (it
 * did), which counts as success. Concurrent calls with one key in this process share one
 * promise; across processes the exclusive create decides.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { getConfig } from './env.ts';
import { logger } from './log.ts';
import { createDurable, ensureDirs, fsyncDir, renameFast, writeFileAtomic } from './outbox/durable-fs.ts';
import { OutboxError } from './outbox/types.ts';
import type { IntakeJournal, KeyRecord } from './outbox/journal.ts';
import { claimReference, type RandomInt } from './reference.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
const RECORD_TTL_MS = 7 * 86_400_000;
const MAX_COLLISION_RETRIES = 5;

export class IdempotencyError extends Error {
  readonly code: 'IDEMPOTENCY_KEY_INVALID' | 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_MISMATCH';
  constructor(code: IdempotencyError['code'], message: string) {
    super(`${code}: ${message}`);
    this.name = 'IdempotencyError';
    this.code = code;
  }
}

/**
 * A record on disk. Version 3 records are written once and never rewritten: `<hash>.pending.json`
 * while the application is being stored, renamed to `<hash>.json` once it is — the name says the
 * state, so confirming costs a rename and a (shared) folder fsync instead of a second file
 * written and fsync'ed. Versions 1–2 (one file, `state` inside) are still read.
 */
interface RecordFile {
  version: 1 | 2 | 3;
  scope: string;
  /** SHA-256 of the canonical body (version ≥ 2); no personal data can be read back from it. */
  bodyHash?: string;
  reference: string;
  /** Versions 1–2 only. */
  state?: 'pending' | 'done';
  createdAt: string;
}

interface IdempotencyOptions {
  /** The client's key: 16–128 characters of [A-Za-z0-9_-] (e.g. a UUID without braces). */
  key: string;
  /** What the key was issued for, e.g. `daugavpils/question`: the same key for another form is refused. */
  scope: string;
  /** Reference prefix of the municipality (see reference.ts). */
  prefix: string;
  /** `canonicalBodyHash(...)` of the request: the same key with another body is refused. */
  bodyHash?: string;
  /** Defaults to the configured IDEMPOTENCY_DIR. */
  dir?: string;
  /** Index of issued references (reference.ts); default: `references/` beside `dir`, else the configured one. */
  referencesDir?: string;
  /** Randomness for reference codes (tests). */
  random?: RandomInt;
  /**
   * The outbox's intake journal (outbox/journal.ts). With it, a new key's record is not written
   * here: `store` gets it as a `Reservation` and journals it with the application in one write.
   */
  journal?: IntakeJournal;
}

/** What a journaled `store` writes together with the application (see IdempotencyOptions.journal). */
export interface Reservation {
  key: KeyRecord;
  /** The reference's marker in the index (created, not yet fsync'ed). */
  marker: string;
}

/** Stores the application under `reference`; with a journal, resolves with its `applied` promise. */
type Store = (reference: string, reservation?: Reservation) => Promise<void | { applied: Promise<void> }>;

const IN_FLIGHT_KEY = Symbol.for('atbalsts.idempotency.inflight');
type Outcome = { reference: string; replayed: boolean };
type Running = { work: Promise<Outcome>; scope: string; bodyHash: string | undefined };
type Holder = { [IN_FLIGHT_KEY]?: Map<string, Running> };
// Process-global: the endpoint bundle and native modules share one map.
const inFlight: Map<string, Running> = ((globalThis as Holder)[IN_FLIGHT_KEY] ??= new Map<string, Running>());

/** JSON with object keys sorted, so equal values always give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * SHA-256 over what makes an application: municipality, form, item, the validated values and
 * each attachment's name and content hash. Two posts of the same filled-in form hash equally
 * (field order does not matter); any changed answer or file changes the hash.
 */
export function canonicalBodyHash(body: {
  municipality: string;
  form: string;
  item?: string | undefined;
  values: unknown;
  attachments: { filename: string; content: Uint8Array }[];
}): string {
  const attachments = body.attachments.map((a) => ({
    name: a.filename,
    sha256: createHash('sha256').update(a.content).digest('hex'),
  }));
  const canonical = canonicalJson({
    municipality: body.municipality,
    form: body.form,
    item: body.item ?? null,
    values: body.values,
    attachments,
  });
  return createHash('sha256').update('atbalsts-body\0').update(canonical).digest('hex');
}

export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY.test(value);
}

function recordName(key: string): string {
  return createHash('sha256').update('atbalsts-idempotency\0').update(key).digest('hex') + '.json';
}

/** Read synchronously: a small file (usually none) in a hot folder — a lookup that never waits
 * for the disk's journal, cheaper than a trip to the thread pool. */
function readRecord(path: string): RecordFile | undefined {
  // Usually there is none: a stat that does not throw is several times cheaper than a failed read.
  if (!statSync(path, { throwIfNoEntry: false })) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RecordFile;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // A torn record cannot exist (atomic writes); anything else unreadable is treated as absent
    // only if empty — otherwise surface it.
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}

/**
 * Runs `store(reference)` at most once per key (see the module comment). Resolves with the
 * reference and whether this call replayed an earlier one. Throws IdempotencyError for a bad or
 * reused key; errors from `store` (e.g. OUTBOX_WRITE_FAILED) propagate and leave the key pending,
 * so the resident's retry tries again with the same reference.
 */
export function withIdempotency(
  options: IdempotencyOptions,
  store: Store,
): Promise<{ reference: string; replayed: boolean }> {
  if (!isIdempotencyKey(options.key)) {
    return Promise.reject(
      new IdempotencyError('IDEMPOTENCY_KEY_INVALID', 'key must be 16–128 characters of A–Z, a–z, 0–9, _ or -'),
    );
  }
  const dir = options.dir ?? getConfig().idempotencyDir;
  const slot = `${dir}\0${options.key}`;
  const running = inFlight.get(slot);
  if (running) {
    if (running.scope !== options.scope)
      return Promise.reject(new IdempotencyError('IDEMPOTENCY_KEY_REUSED', 'key was issued for another form'));
    if (running.bodyHash !== options.bodyHash) return Promise.reject(mismatch());
    return running.work.then((r) => ({ ...r, replayed: true }));
  }
  let confirmed: Promise<void> = Promise.resolve();
  const work = run(dir, options, store, (c) => (confirmed = c));
  inFlight.set(slot, { work, scope: options.scope, bodyHash: options.bodyHash });
  // The slot stays taken until the `done` mark is written, so a repeat of the key in this
  // process is answered from memory rather than by replaying a pending record.
  work
    .then(
      () => confirmed,
      () => {},
    )
    .finally(() => {
      if (inFlight.get(slot)?.work === work) inFlight.delete(slot);
    })
    .catch(() => {});
  return work;
}

function mismatch(): IdempotencyError {
  return new IdempotencyError('IDEMPOTENCY_KEY_MISMATCH', 'key was already used with a different body');
}

/** The record of a new key: written once, never rewritten (version 3, see RecordFile). */
function newRecord(options: IdempotencyOptions, reference: string): RecordFile {
  return {
    version: 3,
    scope: options.scope,
    ...(options.bodyHash ? { bodyHash: options.bodyHash } : {}),
    reference,
    createdAt: new Date().toISOString(),
  };
}

/** Idempotency folders known to exist (checked once, not with a mkdir per application). */
const readyDirs = new Set<string>();

async function run(
  dir: string,
  options: IdempotencyOptions,
  store: Store,
  onConfirming: (confirmed: Promise<void>) => void,
) {
  if (!readyDirs.has(dir)) {
    await ensureDirs(dir);
    readyDirs.add(dir);
  }
  const referencesDir =
    options.referencesDir ?? (options.dir ? join(dirname(options.dir), 'references') : getConfig().referencesDir);
  const claim = (sync = true) =>
    claimReference(options.prefix, {
      dir: referencesDir,
      sync,
      ...(options.random ? { random: options.random } : {}),
    });
  const name = recordName(options.key);
  const path = join(dir, name);
  const pendingPath = join(dir, name.replace(/\.json$/, '.pending.json'));
  const check = (existing: RecordFile) => {
    if (existing.scope !== options.scope)
      throw new IdempotencyError('IDEMPOTENCY_KEY_REUSED', 'key was issued for another form');
    if (existing.bodyHash !== options.bodyHash) throw mismatch();
  };
  const journaled = options.journal;
  await journaled?.ready; // recovered entries are known before their keys are looked up
  for (let round = 0; ; round++) {
    // Journaled, not yet written: the entry is applied in the background with this reference.
    const waiting = journaled?.pendingKey(path);
    if (waiting) {
      const known = JSON.parse(waiting) as RecordFile;
      check(known);
      return { reference: known.reference, replayed: true };
    }
    const existing = readRecord(path);
    if (existing) {
      check(existing);
      if (existing.version === 3 || existing.state === 'done') return { reference: existing.reference, replayed: true };
      // A pending record of the earlier format: store again (same reference), then mark it done.
      await storeTolerant(store, existing.reference, true);
      await writeFileAtomic(path, JSON.stringify({ ...existing, state: 'done' }));
      return { reference: existing.reference, replayed: true };
    }
    const pending = readRecord(pendingPath);
    if (pending) {
      // An earlier attempt reserved this reference but did not confirm storing it.
      check(pending);
      await storeTolerant(store, pending.reference, true);
      await renameFast(pendingPath, path);
      await fsyncDir(dir);
      return { reference: pending.reference, replayed: true };
    }
    if (journaled) return storeJournaled(options, path, claim, store, onConfirming);
    // Without a journal: the reservation — the reference's index marker and the pending record —
    // is made durable first, then `store` writes the application. After a power cut a stored
    // application always has its record: a retry with the key finds it and never stores a second
    // application.
    const claimed = await claim();
    const record = newRecord(options, claimed.reference);
    try {
      const created = await createDurable(pendingPath, JSON.stringify(record), { syncDir: true });
      await Promise.all([created.durable, claimed.durable]);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') readyDirs.delete(dir);
      if (code === 'EEXIST' && round < 3) continue; // another process won (its marker stays: an unused reference)
      throw err;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await storeTolerant(store, record.reference, false);
        break;
      } catch (err) {
        if (!(err instanceof OutboxError && err.code === 'OUTBOX_DUPLICATE') || attempt > MAX_COLLISION_RETRIES)
          throw err;
      }
      // A fresh reference that is already in the outbox (issued before the index existed) is a
      // random collision: draw another, reserve it durably, store again.
      const next = await claim();
      await next.durable;
      record.reference = next.reference;
      await writeFileAtomic(pendingPath, JSON.stringify(record));
    }
    // Confirmed by renaming the record to its final name before the answer goes out (a killed
    // process leaves it confirmed: the rename is done). The folder fsync that makes the rename
    // survive a power cut runs while the answer goes out: the application is already durable in
    // the outbox, and a record that a power cut returned to `pending` replays safely (the
    // repeat finds the stored item, OUTBOX_DUPLICATE counts as success, the same reference is
    // answered). In this process the in-flight slot covers repeats until that fsync is done.
    await renameFast(pendingPath, path);
    onConfirming(
      fsyncDir(dir).catch((err: unknown) => {
        logger.warn('idempotency.confirm_failed', {
          reference: record.reference,
          code: (err as NodeJS.ErrnoException)?.code ?? 'unknown',
        });
      }),
    );
    return { reference: record.reference, replayed: false };
  }
}

/**
 * A new key with the intake journal: the reference is claimed in the index (the marker exists,
 * its fsync is left to the journal), then `store` journals the application together with this
 * key's record in one durable write. Resolves when that write is durable; the record file and
 * the outbox item are written when the journal applies the entry (`applied`), and until then the
 * in-flight slot (this process) and `pendingKey` answer repeats of the key.
 */
async function storeJournaled(
  options: IdempotencyOptions,
  path: string,
  claim: (sync: boolean) => Promise<{ reference: string; marker: string }>,
  store: Store,
  onConfirming: (confirmed: Promise<void>) => void,
): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    const claimed = await claim(false);
    const record = newRecord(options, claimed.reference);
    let stored;
    try {
      stored = await store(claimed.reference, {
        key: { path, content: JSON.stringify(record) },
        marker: claimed.marker,
      });
    } catch (err) {
      // Already in the outbox (issued before the index existed): draw another.
      if (err instanceof OutboxError && err.code === 'OUTBOX_DUPLICATE' && attempt <= MAX_COLLISION_RETRIES) continue;
      throw err;
    }
    if (!stored) throw new TypeError('a journaled store must resolve with { applied }');
    onConfirming(stored.applied);
    return { reference: claimed.reference, replayed: false };
  }
}

async function storeTolerant(store: Store, reference: string, replay: boolean): Promise<void> {
  try {
    await store(reference);
  } catch (err) {
    // Replaying a pending record: "already in the outbox" means the first attempt did store it.
    if (replay && err instanceof OutboxError && err.code === 'OUTBOX_DUPLICATE') return;
    throw err;
  }
}

/** Deletes records older than `ttlMs` (called by the server's housekeeping). */
export async function purgeIdempotencyRecords(dir: string, ttlMs = RECORD_TTL_MS, now = Date.now()): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > ttlMs) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * The intake journal (OUTBOX_DIR/journal/): how an accepted application becomes durable in one
 * write. The application record, the resident's files, the idempotency record of its key and the
 * reference's index marker go into ONE append-only file as one checksummed frame; concurrent
 * applications share one write and one fdatasync (group commit). Only then is the reference
 * shown. Afterwards, in the background, each entry is APPLIED: the marker, the outbox item
 * (tmp/ → queue/, ./enqueue.ts) and the idempotency record are written and fsync'ed exactly as
 * before, the idempotency record last. A segment file is deleted once all its entries are applied.
 *
 *   const journal = intakeJournal(outboxDir);
 *   const { applied } = await journal.append({ record, uploads, key, marker }); // durable now
 *
 * Why: writing those files one by one costs about 15 file-system calls and 5 fsyncs before the
 * answer; under a burst they queued behind each other. The journal costs one shared write and
 * fdatasync; the files follow at their own pace.
 *
 * Guarantees:
 * - An entry whose append resolved survives a crash or power cut: on startup (`ready`) every
 *   segment is read, and each entry whose idempotency record is missing is applied again. Every
 *   step of applying tolerates "already there", so a half-applied entry completes.
 * - The worker delivers an item only once its entry is applied (`isSettling`): after a crash an
 *   unapplied entry has never been delivered, so applying it again cannot send it twice.
 * - A retry with the key of an entry not yet applied finds it (`pendingKey`, and in this process
 *   the in-flight slot of idempotency.ts), so it gets the same reference.
 * - A write or fdatasync that fails rejects every entry of that batch (OUTBOX_WRITE_FAILED → 503,
 *   nothing acknowledged); the segment is cut back to its last good frame and closed. A torn frame
 *   at a segment's end (crash mid-write) is ignored: it was never acknowledged.
 * - Memory and disk are bounded: while entries waiting to be applied hold more than
 *   MAX_BACKLOG_BYTES, appends wait (the burst slows down instead of growing without limit).
 * - Residents first: while applications keep arriving (one within INTAKE_QUIET_MS), applying
 *   waits — unless the backlog is half full — and so does the outbox worker (worker.ts); a burst
 *   is answered first and written and mailed just after. Segment files hold the same personal
 *   data as the outbox (mode 0600) and are deleted as soon as their entries are applied.
 *
 * Frame: "ATJ1" | payload length (u32 BE) | SHA-256 of the payload | payload, where payload =
 * header length (u32 BE) | header JSON { record, key, marker, uploads: [{ name, size }] } | the
 * upload bytes in that order. No personal data is logged; only references.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fdatasync, ftruncateSync, open, readFileSync, write } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { logger } from '../log.ts';
import { createDurable, createEmptyFile, ensureDirs, fsyncDir, writeFault, writeFileAtomic } from './durable-fs.ts';
import { enqueueRecord } from './enqueue.ts';
import { outboxLayout, type OutboxLayout } from './layout.ts';
import type { RecordItem } from './record.ts';
import { OutboxError, type OutboxFile } from './types.ts';
import { wakeOutboxWorker } from './wake.ts';

const MAGIC = Buffer.from('ATJ1');
const FRAME_HEAD = 4 + 4 + 32;
/** A segment is closed (a new one started) once it holds this much. */
const SEGMENT_MAX_BYTES = 8 * 1024 * 1024;
/** Appends wait while entries not yet applied hold more than this. */
const MAX_BACKLOG_BYTES = 64 * 1024 * 1024;
/** Entries applied at once (their folder fsyncs are shared). */
const APPLY_CONCURRENCY = 8;
/** Applications arriving within this long count as a rush (applying and delivery wait for it). */
export const INTAKE_QUIET_MS = 100;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 60_000;

/** The idempotency record of the application's key: written (last) when the entry is applied. */
export interface KeyRecord {
  path: string;
  content: string;
}

export interface JournalEntry {
  record: RecordItem;
  uploads: OutboxFile[];
  key: KeyRecord;
  /** The reference's marker in the index (references/<year>/<REF>), created before the append. */
  marker?: string;
}

interface Segment {
  path: string;
  fd: number | undefined;
  size: number;
  /** Entries in it not yet applied. */
  open: number;
  closed: boolean;
}

interface Waiting {
  entry: JournalEntry;
  frame: Buffer;
  resolve: (result: { applied: Promise<void> }) => void;
  reject: (err: unknown) => void;
}

interface Pending {
  entry: JournalEntry;
  segment: Segment;
  bytes: number;
  attempts: number;
  done: () => void;
  applied: Promise<void>;
}

/** Encodes one entry as a frame. */
export function encodeEntry(entry: JournalEntry): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      record: entry.record,
      key: entry.key,
      ...(entry.marker ? { marker: entry.marker } : {}),
      uploads: entry.uploads.map((u) => ({ name: u.name, size: u.content.byteLength })),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.byteLength);
  const payload = Buffer.concat([length, header, ...entry.uploads.map((u) => u.content)]);
  const head = Buffer.alloc(8);
  MAGIC.copy(head);
  head.writeUInt32BE(payload.byteLength, 4);
  return Buffer.concat([head, createHash('sha256').update(payload).digest(), payload]);
}

/**
 * The entries of a segment, in order, up to the first frame that is incomplete or does not match
 * its checksum (a write cut short by a crash: never acknowledged). `rest` is how many bytes follow.
 */
export function decodeSegment(bytes: Buffer): { entries: JournalEntry[]; rest: number } {
  const entries: JournalEntry[] = [];
  let at = 0;
  while (at + FRAME_HEAD <= bytes.byteLength) {
    if (!bytes.subarray(at, at + 4).equals(MAGIC)) break;
    const length = bytes.readUInt32BE(at + 4);
    const end = at + FRAME_HEAD + length;
    if (end > bytes.byteLength) break;
    const payload = bytes.subarray(at + FRAME_HEAD, end);
    if (
      !createHash('sha256')
        .update(payload)
        .digest()
        .equals(bytes.subarray(at + 8, at + FRAME_HEAD))
    )
      break;
    const headerLength = payload.readUInt32BE(0);
    const header = JSON.parse(payload.subarray(4, 4 + headerLength).toString('utf8')) as Omit<
      JournalEntry,
      'uploads'
    > & { uploads: { name: string; size: number }[] };
    let offset = 4 + headerLength;
    const uploads = header.uploads.map((u) => {
      const content = new Uint8Array(payload.subarray(offset, offset + u.size)); // a copy: the segment can go
      offset += u.size;
      return { name: u.name, content };
    });
    entries.push({
      record: header.record,
      key: header.key,
      ...(header.marker ? { marker: header.marker } : {}),
      uploads,
    });
    at = end;
  }
  return { entries, rest: bytes.byteLength - at };
}

function datasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve())));
}

async function writeAt(fd: number, bytes: Buffer, position: number): Promise<void> {
  for (let done = 0; done < bytes.byteLength;) {
    done += await new Promise<number>((resolve, reject) =>
      write(fd, bytes, done, bytes.byteLength - done, position + done, (err, n) => (err ? reject(err) : resolve(n))),
    );
  }
}

function openFile(path: string): Promise<number> {
  return new Promise((resolve, reject) => open(path, 'wx', 0o600, (err, fd) => (err ? reject(err) : resolve(fd))));
}

function tolerate(code: string): (err: unknown) => void {
  return (err) => {
    if ((err as NodeJS.ErrnoException).code !== code) throw err;
  };
}

/** True when the key's record is on disk with this entry's text (the entry's last step is done). */
function keyRecordWritten(key: KeyRecord): boolean {
  try {
    return readFileSync(key.path, 'utf8') === key.content;
  } catch {
    return false;
  }
}

/** Writes the key's record (new, fsync'ed with its folder); a torn one left by a crash is replaced. */
async function writeKeyRecord(key: KeyRecord): Promise<void> {
  await ensureDirs(dirname(key.path));
  try {
    await (
      await createDurable(key.path, key.content, { syncDir: true })
    ).durable;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (!keyRecordWritten(key)) await writeFileAtomic(key.path, key.content);
  }
}

export class IntakeJournal {
  readonly layout: OutboxLayout;
  readonly dir: string;
  private recovering: Promise<void> | undefined;
  private current: Segment | undefined;
  private waiting: Waiting[] = [];
  private flushing = false;
  private readonly pending = new Map<string, Pending>();
  private readonly keys = new Map<string, string>();
  private readonly toApply: Pending[] = [];
  private applying = 0;
  private backlog = 0;
  private room: (() => void)[] = [];
  private lastAppendAt = -Infinity;
  private pumpTimer: NodeJS.Timeout | undefined;

  private readonly maxBacklogBytes: number;

  constructor(root: string, options: { maxBacklogBytes?: number } = {}) {
    this.maxBacklogBytes = options.maxBacklogBytes ?? MAX_BACKLOG_BYTES;
    this.layout = outboxLayout(root);
    this.dir = this.layout.journal;
  }

  /**
   * Resolves once the segments left by an earlier process are read (their entries queued to
   * apply). Rejects with OUTBOX_WRITE_FAILED when the folder cannot be read; the next call tries
   * again.
   */
  get ready(): Promise<void> {
    this.recovering ??= this.recover().catch((err: unknown) => {
      this.recovering = undefined;
      const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
      logger.error('outbox.journal_unreadable', { code });
      throw new OutboxError('OUTBOX_WRITE_FAILED', `could not read the intake journal (${code})`, { cause: err });
    });
    return this.recovering;
  }

  /** True while the entry of `reference` is not applied: the worker leaves its item alone. */
  isSettling(reference: string): boolean {
    return this.pending.has(reference);
  }

  /** The text of an idempotency record that is journaled but not yet written (by its path). */
  pendingKey(path: string): string | undefined {
    return this.keys.get(path);
  }

  /** True when an application was journaled within the last `ms` (residents are sending now). */
  appendedWithin(ms: number): boolean {
    return Date.now() - this.lastAppendAt < ms;
  }

  /**
   * Appends the entry and resolves once it is durable (fdatasync'ed), with `applied`: resolves
   * when the marker, the outbox item and the idempotency record are written and fsync'ed.
   * Throws OutboxError: OUTBOX_DUPLICATE when the reference is already in the outbox (draw
   * another), OUTBOX_WRITE_FAILED when the journal cannot be written (answer 503).
   */
  async append(entry: JournalEntry): Promise<{ applied: Promise<void> }> {
    await this.ready;
    const reference = entry.record.reference;
    const l = this.layout;
    if (
      this.pending.has(reference) ||
      [l.queue, l.sent, l.dead].some((folder) => existsSync(join(folder, reference)))
    ) {
      throw new OutboxError('OUTBOX_DUPLICATE', `reference ${reference} already in the outbox`);
    }
    while (this.backlog > this.maxBacklogBytes) await new Promise<void>((resolve) => this.room.push(resolve));
    const frame = encodeEntry(entry);
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, frame, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** Resolves when every entry appended so far is applied (tests, shutdown). */
  async settled(): Promise<void> {
    await this.ready;
    while (this.pending.size || this.waiting.length) {
      await Promise.all([...this.pending.values()].map((p) => p.applied));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0);
      let segment: Segment | undefined;
      try {
        segment = await this.segment();
        const bytes = batch.length === 1 ? batch[0]!.frame : Buffer.concat(batch.map((w) => w.frame));
        const fault = writeFault(segment.path);
        if (fault) {
          await writeAt(segment.fd!, bytes.subarray(0, bytes.byteLength >> 1), segment.size);
          throw fault;
        }
        await writeAt(segment.fd!, bytes, segment.size);
        await datasync(segment.fd!);
        segment.size += bytes.byteLength;
        this.lastAppendAt = Date.now();
        for (const w of batch) w.resolve({ applied: this.track(w.entry, segment, w.frame.byteLength) });
      } catch (err) {
        if (segment) this.abandon(segment);
        const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
        for (const w of batch) {
          w.reject(
            new OutboxError('OUTBOX_WRITE_FAILED', `could not store ${w.entry.record.reference} (${code})`, {
              cause: err,
            }),
          );
        }
      }
    }
    this.flushing = false;
    this.dropIdleSegment();
  }

  /** The segment to append to: the current one, or a new one (its name made durable first). */
  private async segment(): Promise<Segment> {
    if (this.current && !this.current.closed && this.current.size < SEGMENT_MAX_BYTES) return this.current;
    if (this.current) this.close(this.current);
    await ensureDirs(this.dir);
    const path = join(this.dir, `${Date.now()}-${process.pid}-${randomBytes(4).toString('hex')}.log`);
    const fd = await openFile(path);
    const segment: Segment = { path, fd, size: 0, open: 0, closed: false };
    this.current = segment;
    try {
      await fsyncDir(this.dir);
    } catch (err) {
      this.abandon(segment);
      throw err;
    }
    return segment;
  }

  /** A write failed: cut the segment back to its last good frame and stop appending to it. */
  private abandon(segment: Segment): void {
    try {
      if (segment.fd !== undefined) ftruncateSync(segment.fd, segment.size);
    } catch {
      // A torn frame stays at the end: recovery stops before it (it was never acknowledged).
    }
    this.close(segment);
  }

  private close(segment: Segment): void {
    segment.closed = true;
    if (this.current === segment) this.current = undefined;
    if (segment.fd !== undefined) {
      closeSync(segment.fd);
      segment.fd = undefined;
    }
    if (segment.open === 0) void unlink(segment.path).catch(() => {});
  }

  /** Nothing waiting and everything applied: the current segment is no longer needed. */
  private dropIdleSegment(): void {
    const segment = this.current;
    if (segment && segment.open === 0 && !this.flushing && this.waiting.length === 0) this.close(segment);
  }

  private track(entry: JournalEntry, segment: Segment, bytes: number): Promise<void> {
    let done!: () => void;
    const applied = new Promise<void>((resolve) => (done = resolve));
    const p: Pending = { entry, segment, bytes, attempts: 0, done, applied };
    this.pending.set(entry.record.reference, p);
    this.keys.set(entry.key.path, entry.key.content);
    segment.open++;
    this.backlog += bytes;
    this.toApply.push(p);
    this.pump();
    return applied;
  }

  private pump(): void {
    // Residents first: while applications are arriving, applying waits (the entries are durable
    // already) — unless the backlog is half full, so a long rush never stops it.
    const rush = this.appendedWithin(INTAKE_QUIET_MS) && this.backlog < this.maxBacklogBytes / 2;
    if (rush && this.toApply.length) {
      this.pumpTimer ??= setTimeout(() => {
        this.pumpTimer = undefined;
        this.pump();
      }, INTAKE_QUIET_MS);
      return;
    }
    while (this.applying < APPLY_CONCURRENCY && this.toApply.length) {
      const p = this.toApply.shift()!;
      this.applying++;
      void this.apply(p).finally(() => {
        this.applying--;
        this.pump();
      });
    }
  }

  private async apply(p: Pending): Promise<void> {
    const { entry } = p;
    const reference = entry.record.reference;
    try {
      if (entry.marker) {
        // Created when the reference was claimed; gone only if a power cut took it (recovery).
        if (!existsSync(entry.marker)) {
          await ensureDirs(dirname(entry.marker));
          await createEmptyFile(entry.marker).catch(tolerate('EEXIST'));
        }
        await fsyncDir(dirname(entry.marker));
      }
      await enqueueRecord(entry.record, entry.uploads, { dir: this.layout.root }).catch(async (err: unknown) => {
        // Applied before (a crash came before its idempotency record): make sure the name is durable.
        if (!(err instanceof OutboxError && err.code === 'OUTBOX_DUPLICATE')) throw err;
        await fsyncDir(this.layout.queue);
      });
      await writeKeyRecord(entry.key);
    } catch (err) {
      p.attempts++;
      const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (p.attempts - 1));
      logger.error('outbox.journal_apply_failed', {
        reference,
        code: (err as NodeJS.ErrnoException).code ?? 'unknown',
        attempt: p.attempts,
        retryInMs: delay,
      });
      setTimeout(() => {
        this.toApply.push(p);
        this.pump();
      }, delay).unref();
      return;
    }
    this.pending.delete(reference);
    this.keys.delete(entry.key.path);
    this.backlog -= p.bytes;
    for (const wake of this.room.splice(0)) wake();
    p.segment.open--;
    if (p.segment.open === 0 && p.segment.closed) void unlink(p.segment.path).catch(() => {});
    this.dropIdleSegment();
    p.done();
    wakeOutboxWorker();
  }

  /** Reads the segments an earlier process left and queues their unapplied entries. */
  private async recover(): Promise<void> {
    let recovered = 0;
    for (const { name, path, size, entries, rest } of await readSegments(this.dir)) {
      if (rest) logger.warn('outbox.journal_torn_tail', { segment: name, bytes: rest });
      const segment: Segment = { path, fd: undefined, size, open: 0, closed: true };
      for (const entry of entries) {
        if (keyRecordWritten(entry.key) || this.pending.has(entry.record.reference)) continue;
        void this.track(entry, segment, encodeEntry(entry).byteLength);
        recovered++;
      }
      if (segment.open === 0) await unlink(path).catch(() => {});
    }
    if (recovered) logger.info('outbox.journal_recovered', { entries: recovered });
  }
}

/**
 * What the journal of an outbox holds that is not applied yet (for `npm run outbox -- list`):
 * references and when they were accepted. Read-only; the server applies them when it starts.
 */
export async function journaledApplications(root: string): Promise<{ reference: string; createdAt: string }[]> {
  const segments = await readSegments(outboxLayout(root).journal).catch(() => []);
  return segments.flatMap((segment) =>
    segment.entries
      .filter((entry) => !keyRecordWritten(entry.key))
      .map((entry) => ({ reference: entry.record.reference, createdAt: entry.record.createdAt })),
  );
}

/** The segment files of a journal folder, oldest first, decoded; none when there is no folder. */
async function readSegments(
  dir: string,
): Promise<{ name: string; path: string; size: number; entries: JournalEntry[]; rest: number }[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.log')).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return []; // nothing journaled here yet
    throw err;
  }
  const segments = [];
  for (const name of names) {
    const path = join(dir, name);
    const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined; // applied and removed meanwhile
      throw err;
    });
    if (bytes) segments.push({ name, path, size: bytes.byteLength, ...decodeSegment(bytes) });
  }
  return segments;
}

const REGISTRY_KEY = Symbol.for('atbalsts.outbox.journals');
type RegistryHolder = { [REGISTRY_KEY]?: Map<string, IntakeJournal> };
// Process-global: the endpoint bundle (HTML form) and native modules (JSON API, worker) share one
// journal per outbox.
const journals: Map<string, IntakeJournal> = ((globalThis as RegistryHolder)[REGISTRY_KEY] ??= new Map());

/** The journal of an outbox (one per folder and process); created, and recovered, on first use. */
export function intakeJournal(root: string): IntakeJournal {
  let journal = journals.get(root);
  if (!journal) journals.set(root, (journal = new IntakeJournal(root)));
  return journal;
}

/**
 * Small durable-write helpers. "Durable" means: after the promise resolves, a power cut does not
 * lose the data — file contents are fsync'ed, and the directory holding a new name is fsync'ed
 * after the rename so the name itself survives (POSIX: rename is atomic, but only a directory
 * fsync makes it durable).
 *
 * Only the fsyncs (and writes of large files) go to libuv's thread pool. Creating, writing a small
 * file, renaming and closing are done synchronously: they touch only the page cache and cost a
 * few microseconds, while each trip through the pool costs a thread hand-off both ways — and the
 * pool's four threads are shared with the fsyncs, which hold a thread for milliseconds, so under
 * load a quick open queued behind them waited as long as an fsync.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsync, openSync, renameSync, rmSync, write, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Fault injection for tests (disk full and the like): a process-wide hook asked before each
 * durable write; when it returns an error, part of the data is written and the error thrown,
 * as a real ENOSPC would. Process-global so the Astro bundle and native modules share it.
 */
export type WriteFault = (path: string) => NodeJS.ErrnoException | undefined;
const FAULT_KEY = Symbol.for('atbalsts.fs.writeFault');
type FaultHolder = { [FAULT_KEY]?: WriteFault };

export function setWriteFault(fault: WriteFault | undefined): void {
  (globalThis as FaultHolder)[FAULT_KEY] = fault;
}

/** Files up to this size are written synchronously (a copy into the page cache); larger ones on the pool. */
const SYNC_WRITE_MAX = 256 * 1024;

function fsyncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
}

function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at);
}

async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength; ) {
    at += await new Promise<number>((resolve, reject) =>
      write(fd, bytes, at, bytes.byteLength - at, null, (err, n) => (err ? reject(err) : resolve(n))),
    );
  }
}

/**
 * Creates a NEW file (fails if it exists) and writes it before returning — it throws at once
 * when it cannot (EEXIST, ENOSPC…), so the caller knows the name is taken by it — and returns
 * the promise of its fsync. `syncDir`: the directory is fsync'ed too (its new name), in parallel
 * with the file's own fsync — a fresh file costs one fsync's wait, not two in a row.
 */
export function startDurableWrite(path: string, data: Uint8Array | string, opts: { syncDir?: boolean } = {}): Promise<void> {
  const fd = openSync(path, 'wx', 0o600);
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let written: Promise<void> | undefined;
  try {
    const fault = (globalThis as FaultHolder)[FAULT_KEY]?.(path);
    if (fault) {
      writeAllSync(fd, bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
      throw fault;
    }
    if (bytes.byteLength <= SYNC_WRITE_MAX) writeAllSync(fd, bytes);
    else written = writeAll(fd, bytes);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  const dirSynced = opts.syncDir ? fsyncDir(dirname(path)) : undefined;
  // Observed here so a failing file fsync first does not leave it unhandled; awaited below.
  dirSynced?.catch(() => {});
  const fileSynced = (async () => {
    try {
      await written;
      await fsyncFd(fd);
    } finally {
      closeSync(fd);
    }
  })();
  return dirSynced ? fileSynced.then(() => dirSynced) : fileSynced;
}

/** Writes a NEW file (fails if it exists) and fsyncs it; `syncDir` as in `startDurableWrite`. */
export async function writeFileDurable(path: string, data: Uint8Array | string, opts: { syncDir?: boolean } = {}): Promise<void> {
  await startDurableWrite(path, data, opts);
}

interface DirSyncs {
  busy: boolean;
  waiting: { resolve: () => void; reject: (err: unknown) => void }[];
}
const dirSyncs = new Map<string, DirSyncs>();

/**
 * fsync a directory so that names created/renamed in it are on disk. Concurrent callers share
 * syncs: each caller is answered by a sync that STARTS after its call (one already running may
 * have begun before its rename), and everyone who arrives while one runs shares the next — under
 * load one directory fsync covers many applications instead of one each.
 */
export function fsyncDir(dir: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let state = dirSyncs.get(dir);
    if (!state) dirSyncs.set(dir, (state = { busy: false, waiting: [] }));
    state.waiting.push({ resolve, reject });
    if (!state.busy) void pumpDirSyncs(dir, state);
  });
}

async function pumpDirSyncs(dir: string, state: DirSyncs): Promise<void> {
  state.busy = true;
  while (state.waiting.length) {
    const batch = state.waiting.splice(0);
    try {
      await syncDirNow(dir);
      for (const w of batch) w.resolve();
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
  state.busy = false;
  dirSyncs.delete(dir);
}

async function syncDirNow(dir: string): Promise<void> {
  const fd = openSync(dir, 'r');
  try {
    await fsyncFd(fd);
  } catch (err) {
    // Some filesystems refuse fsync on directories (EINVAL/EISDIR); nothing more we can do there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw err;
  } finally {
    closeSync(fd);
  }
}

export function tempName(base: string): string {
  return `${base}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Replaces `path` atomically: write temp file, fsync, rename over, fsync directory. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = tempName(path);
  try {
    await startDurableWrite(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dirname(path));
}

/** Creates directories (recursively) and makes their names durable in their parents. */
export async function ensureDirs(...dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    const created = await mkdir(dir, { recursive: true, mode: 0o700 });
    if (created) await fsyncDir(dirname(dir));
  }
}

/** Renames a directory entry and makes both directories durable. */
export async function moveDurable(from: string, to: string): Promise<void> {
  renameSync(from, to);
  await Promise.all([fsyncDir(dirname(to)), ...(dirname(from) !== dirname(to) ? [fsyncDir(dirname(from))] : [])]);
}

export const joinSafe = join;

/**
 * Small durable-write helpers. "Durable" means: after the promise resolves, a power cut does not
 * lose the data — file contents are fsync'ed, and the directory holding a new name is fsync'ed
 * after the rename so the name itself survives (POSIX: rename is atomic, but only a directory
 * fsync makes it durable).
 *
 * The calls use Node's callback API by file descriptor (one trip to the thread pool per system
 * call, no FileHandle objects); opening a folder to fsync it and closing descriptors are done
 * synchronously (they never wait for the disk). Creating, writing and renaming stay on the pool:
 * they take ext4's journal, which under fsync load can hold them for milliseconds — measured on
 * the event loop they cost several times the thread hand-off they save.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsync, open, openSync, rename, rmSync, write } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Fault injection for tests (disk full and the like): a process-wide hook asked before each
 * durable write; when it returns an error, part of the data is written and the error thrown,
 * as a real ENOSPC would. Process-global so the Astro bundle and native modules share it.
 */
type WriteFault = (path: string) => NodeJS.ErrnoException | undefined;
const FAULT_KEY = Symbol.for('atbalsts.fs.writeFault');
type FaultHolder = { [FAULT_KEY]?: WriteFault };

export function setWriteFault(fault: WriteFault | undefined): void {
  (globalThis as FaultHolder)[FAULT_KEY] = fault;
}

/** The injected fault for a write to `path`, if any (see setWriteFault). */
export function writeFault(path: string): NodeJS.ErrnoException | undefined {
  return (globalThis as FaultHolder)[FAULT_KEY]?.(path);
}

function fsyncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
}

function openFd(path: string, flags: string, mode?: number): Promise<number> {
  return new Promise((resolve, reject) => open(path, flags, mode, (err, fd) => (err ? reject(err) : resolve(fd))));
}

/** fs.rename by callback (one trip to the pool, no promise wrapper of node:fs/promises). */
export function renameFast(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => rename(from, to, (err) => (err ? reject(err) : resolve())));
}

async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength;) {
    at += await new Promise<number>((resolve, reject) =>
      write(fd, bytes, at, bytes.byteLength - at, null, (err, n) => (err ? reject(err) : resolve(n))),
    );
  }
}

/** An empty file created exclusively (EEXIST if the name is taken); not fsync'ed. */
export async function createEmptyFile(path: string): Promise<void> {
  closeSync(await openFd(path, 'wx', 0o600));
}

/**
 * Creates a NEW file (fails if it exists) and writes it (a failed write removes it again); resolves
 * once it is written — the name is
 * taken by the caller from then on — with `durable`, its fsync. `syncDir`: the directory is
 * fsync'ed too (the new name), in parallel with the file's own fsync, so a fresh file costs one
 * fsync's wait, not two in a row. The caller may do other work before awaiting `durable`.
 */
export async function createDurable(
  path: string,
  data: Uint8Array | string,
  opts: { syncDir?: boolean } = {},
): Promise<{ durable: Promise<void> }> {
  const fd = await openFd(path, 'wx', 0o600);
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    const fault = writeFault(path);
    if (fault) {
      await writeAll(fd, bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
      throw fault;
    }
    await writeAll(fd, bytes);
  } catch (err) {
    closeSync(fd);
    rmSync(path, { force: true }); // nothing half-written stays under the new name
    throw err;
  }
  const dirSynced = opts.syncDir ? fsyncDir(dirname(path)) : undefined;
  // Observed here so a failing file fsync first does not leave it unhandled; awaited below.
  dirSynced?.catch(() => {});
  const durable = (async () => {
    try {
      await fsyncFd(fd);
    } finally {
      closeSync(fd);
    }
    await dirSynced;
  })();
  durable.catch(() => {}); // observed here; the caller awaits it
  return { durable };
}

/** Writes a NEW file (fails if it exists) and fsyncs it; `syncDir` as in `createDurable`. */
export async function writeFileDurable(
  path: string,
  data: Uint8Array | string,
  opts: { syncDir?: boolean } = {},
): Promise<void> {
  await (
    await createDurable(path, data, opts)
  ).durable;
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

function tempName(base: string): string {
  return `${base}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Replaces `path` atomically: write temp file, fsync, rename over, fsync directory. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = tempName(path);
  try {
    await writeFileDurable(tmp, data);
    await renameFast(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
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
  await renameFast(from, to);
  await Promise.all([fsyncDir(dirname(to)), ...(dirname(from) !== dirname(to) ? [fsyncDir(dirname(from))] : [])]);
}

/**
 * Small durable-write helpers. "Durable" means: after the promise resolves, a power cut does not
 * lose the data — file contents are fsync'ed, and the directory holding a new name is fsync'ed
 * after the rename so the name itself survives (POSIX: rename is atomic, but only a directory
 * fsync makes it durable).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
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

/** Writes a NEW file (fails if it exists) and fsyncs it. */
export async function writeFileDurable(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    const fault = (globalThis as FaultHolder)[FAULT_KEY]?.(path);
    if (fault) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      await handle.write(bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
      throw fault;
    }
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
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
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (err) {
    // Some filesystems refuse fsync on directories (EINVAL/EISDIR); nothing more we can do there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw err;
  } finally {
    await handle.close();
  }
}

export function tempName(base: string): string {
  return `${base}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Replaces `path` atomically: write temp file, fsync, rename over, fsync directory. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = tempName(path);
  try {
    await writeFileDurable(tmp, data);
    await rename(tmp, path);
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
  await rename(from, to);
  await fsyncDir(dirname(to));
  if (dirname(from) !== dirname(to)) await fsyncDir(dirname(from));
}

export const joinSafe = join;

/**
 * Outbox upkeep around the delivery loop: the one-worker lock, arrival order, deleting
 * delivered items, cleaning crashed half-writes and purging sent items past their retention.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../env.ts';
import { logger } from '../log.ts';
import { isReference } from '../reference.ts';
import { readState } from './delivery.ts';
import { moveDurable, writeFileDurable } from './durable-fs.ts';
import type { OutboxLayout } from './layout.ts';
import { OutboxError } from './types.ts';

const DAY_MS = 86_400_000;
const STALE_TMP_MS = 10 * 60_000;

/**
 * Oldest first by the folder's mtime: arrival in queue/, or the last attempt (a retried item
 * queues behind fresh applications). `known`: the times found by earlier calls, kept by the
 * caller — only names not in it are looked up (one stat each), and names gone from `names` are
 * forgotten. The caller deletes a name whose folder it changed (an attempt), so it is looked up
 * again. Without it, every pass over a long queue would stat every item: under a burst of
 * applications thousands of lookups at once, queued in the thread pool ahead of the writes that
 * store new applications.
 */
export async function inArrivalOrder(
  dir: string,
  names: string[],
  known = new Map<string, number>(),
): Promise<string[]> {
  const present = new Set(names);
  for (const name of known.keys()) if (!present.has(name)) known.delete(name);
  await Promise.all(
    names
      .filter((name) => !known.has(name))
      .map(async (name) => {
        const at = (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs;
        if (at !== undefined) known.set(name, at);
      }),
  );
  return names
    .map((name) => ({ name, at: known.get(name) ?? 0 }))
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name))
    .map((s) => s.name);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One worker per outbox: two would send the same application twice. `worker.lock` holds the
 * owner's pid; a lock whose process is gone (crash, reboot) — or is us, as after a container
 * restart where every run is pid 1 — is taken over.
 */
export async function acquireWorkerLock(layout: OutboxLayout): Promise<() => Promise<void>> {
  const path = join(layout.root, 'worker.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFileDurable(path, String(process.pid));
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new OutboxError('OUTBOX_LOCKED', `another process (pid ${owner}) is sending from ${layout.root}`);
      }
      logger.warn('outbox.stale_lock_taken_over', { pid: owner || undefined });
      await rm(path, { force: true });
    }
  }
  throw new OutboxError('OUTBOX_LOCKED', `could not take the lock in ${layout.root}`);
}

export async function removeDir(layout: OutboxLayout, dir: string, reference: string): Promise<void> {
  // Rename out of queue/ first (atomic), then delete: a crash mid-delete cannot leave a
  // half-deleted item in queue/ that would be sent again.
  const trash = join(layout.tmp, `${reference}.sent-${process.pid}-${Date.now()}`);
  await moveDurable(dir, trash);
  await rm(trash, { recursive: true, force: true });
}

/** Cleans crashed half-writes in tmp/ and purges sent items past their retention. */
export async function housekeeping(layout: OutboxLayout, config: Config, now = Date.now()): Promise<void> {
  for (const name of await readdir(layout.tmp)) {
    const path = join(layout.tmp, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > STALE_TMP_MS) {
      await rm(path, { recursive: true, force: true });
      logger.info('outbox.tmp_cleaned', { entry: name.split('.')[0] });
    }
  }
  const keepMs = config.OUTBOX_RETENTION_DAYS * DAY_MS;
  for (const reference of (await readdir(layout.sent)).filter(isReference)) {
    const dir = join(layout.sent, reference);
    const state = await readState(dir).catch(() => undefined);
    const completed = state?.completedAt ? Date.parse(state.completedAt) : (await stat(dir)).mtimeMs;
    if (now - completed >= keepMs) {
      await rm(dir, { recursive: true, force: true });
      logger.info('outbox.purged', { reference });
    }
  }
}

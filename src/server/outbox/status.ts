/**
 * Outbox status. `outboxHealth` is what the public health check reports: a real write + fsync +
 * unlink in the outbox (an fs that went read-only or a full disk shows up, unlike a permission
 * check) and the free space — nothing internal such as queue counts.
 */
import { randomBytes } from 'node:crypto';
import { open, statfs, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { outboxLayout } from './layout.ts';

interface OutboxHealth {
  /** A probe file could be written, fsync'ed and removed in the outbox. */
  writable: boolean;
  /** Bytes available to the server on the outbox's file system (undefined when unknown). */
  freeBytes?: number;
}

async function probeWrite(dir: string): Promise<boolean> {
  const path = join(dir, `.health-${randomBytes(6).toString('hex')}`);
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
    await handle.writeFile('ok');
    await handle.sync();
    return true;
  } catch {
    return false;
  } finally {
    await handle?.close().catch(() => {});
    await unlink(path).catch(() => {});
  }
}

const CACHE_MS = 1000;
let last: { at: number; root: string; result: Promise<OutboxHealth> } | undefined;

/** The health probe; calls within a second share one probe (the endpoint is public). */
export function outboxHealth(root: string, now = Date.now()): Promise<OutboxHealth> {
  if (last && last.root === root && now - last.at < CACHE_MS) return last.result;
  const result = (async (): Promise<OutboxHealth> => {
    const layout = outboxLayout(root);
    // tmp/ (items being written) and journal/ (every accepted application is appended there first).
    const writable = (await probeWrite(layout.tmp)) && (await probeWrite(layout.journal));
    const fs = await statfs(root).catch(() => undefined);
    return { writable, ...(fs ? { freeBytes: Number(fs.bavail) * Number(fs.bsize) } : {}) };
  })();
  last = { at: now, root, result };
  return result;
}

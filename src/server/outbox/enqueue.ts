import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { getConfig } from '../env.ts';
import { fsyncDir, moveDurable, writeFileDurable } from './durable-fs.ts';
import { ensureLayout, FILES_DIR, ITEM_FILE, outboxLayout } from './layout.ts';
import { OutboxError, type OutboxFile, type OutboxItem } from './types.ts';
import { validateOutboxItem } from './validate.ts';
import { wakeOutboxWorker } from './wake.ts';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stores an application durably in the outbox; resolves only when it is on disk (files and
 * directory entries fsync'ed). Throws OutboxError: OUTBOX_HEADER_INJECTION / OUTBOX_INVALID_ITEM /
 * OUTBOX_BAD_FILE_NAME (caller bug), OUTBOX_DUPLICATE (reference already used), OUTBOX_WRITE_FAILED
 * (disk full, permissions — answer 503 and do not show a reference).
 */
export async function enqueue(item: OutboxItem, files: OutboxFile[], opts: { dir?: string } = {}): Promise<void> {
  validateOutboxItem(item, files);
  const layout = outboxLayout(opts.dir ?? getConfig().outboxDir);
  const target = join(layout.queue, item.reference);
  const work = join(layout.tmp, `${item.reference}.${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await ensureLayout(layout);
    for (const folder of [layout.queue, layout.sent, layout.dead]) {
      if (await exists(join(folder, item.reference))) {
        throw new OutboxError('OUTBOX_DUPLICATE', `reference ${item.reference} already in the outbox`);
      }
    }
    await mkdir(join(work, FILES_DIR), { recursive: true, mode: 0o700 });
    const manifest = [];
    for (const file of files) {
      await writeFileDurable(join(work, FILES_DIR, file.name), file.content);
      manifest.push({ name: file.name, size: file.content.byteLength, sha256: createHash('sha256').update(file.content).digest('hex') });
    }
    await fsyncDir(join(work, FILES_DIR));
    await writeFileDurable(join(work, ITEM_FILE), JSON.stringify({ version: 1, ...item, files: manifest }, null, 2));
    await fsyncDir(work);
    try {
      await moveDurable(work, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') {
        throw new OutboxError('OUTBOX_DUPLICATE', `reference ${item.reference} already in the outbox`, { cause: err });
      }
      throw err;
    }
  } catch (err) {
    await rm(work, { recursive: true, force: true }).catch(() => {});
    if (err instanceof OutboxError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
    throw new OutboxError('OUTBOX_WRITE_FAILED', `could not store ${item.reference} (${code})`, { cause: err });
  }
  wakeOutboxWorker();
}

import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { getConfig } from '../env.ts';
import { createDurable, fsyncDir, moveDurable, renameFast, writeFileDurable } from './durable-fs.ts';
import { ensureLayout, FILES_DIR, ITEM_FILE, outboxLayout } from './layout.ts';
import { OutboxError, type OutboxFile, type OutboxItem } from './types.ts';
import { FILE_NAME, validateOutboxItem } from './validate.ts';
import type { RecordItem } from './record.ts';
import { REFERENCE_PATTERN } from '../reference.ts';
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
      manifest.push({
        name: file.name,
        size: file.content.byteLength,
        sha256: createHash('sha256').update(file.content).digest('hex'),
      });
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

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ready = new Set<string>();

/** Waits for every promise (nothing still running on return), then throws the first failure. */
async function settleAll(promises: (Promise<unknown> | undefined)[]): Promise<void> {
  for (const r of await Promise.allSettled(promises)) if (r.status === 'rejected') throw r.reason;
}

/**
 * Stores one application record (./record.ts) durably in the outbox: item.json (the validated
 * answers, no rendering) plus the resident's files, written in tmp/ and renamed into queue/.
 * Resolves only when it is on disk: each file and its folders fsync'ed (all at once), then
 * queue/ after the rename. Same errors as `enqueue`. Applications are stored through the intake
 * journal (./journal.ts), which calls this when it applies an entry.
 */
export async function enqueueRecord(
  item: RecordItem,
  uploads: OutboxFile[],
  opts: { dir?: string } = {},
): Promise<void> {
  if (!REFERENCE_PATTERN.test(item.reference) || !ID.test(item.municipality) || !ID.test(item.form)) {
    throw new OutboxError('OUTBOX_INVALID_ITEM', 'reference, municipality or form malformed');
  }
  const names = new Set(item.application.uploads.map((u) => u.file));
  if (uploads.some((f) => !FILE_NAME.test(f.name) || !names.has(f.name)) || names.size !== uploads.length) {
    throw new OutboxError('OUTBOX_BAD_FILE_NAME', 'upload files must match the record and ' + FILE_NAME.source);
  }
  const layout = outboxLayout(opts.dir ?? getConfig().outboxDir);
  const target = join(layout.queue, item.reference);
  const work = join(layout.tmp, `${item.reference}.${process.pid}-${randomBytes(6).toString('hex')}`);
  const syncing: Promise<void>[] = [];
  try {
    if (!ready.has(layout.root)) {
      await ensureLayout(layout);
      ready.add(layout.root);
    }
    // The lookups are synchronous (no journal involved); every file is created and written, then
    // all fsyncs wait together: each file with its folder (folder fsyncs shared, see fsyncDir).
    if (existsSync(join(layout.sent, item.reference)) || existsSync(join(layout.dead, item.reference)))
      throw new OutboxError('OUTBOX_DUPLICATE', `reference ${item.reference} already in the outbox`);
    await mkdir(work, { mode: 0o700 });
    const created: Promise<{ durable: Promise<void> }>[] = [];
    if (uploads.length) {
      await mkdir(join(work, FILES_DIR), { mode: 0o700 });
      for (const f of uploads) created.push(createDurable(join(work, FILES_DIR, f.name), f.content, { syncDir: true }));
    }
    // item.json synced together with the item folder (which also holds files/'s name).
    created.push(createDurable(join(work, ITEM_FILE), JSON.stringify(item), { syncDir: true }));
    for (const c of await Promise.allSettled(created)) if (c.status === 'fulfilled') syncing.push(c.value.durable);
    await settleAll(created);
    await settleAll(syncing);
    try {
      await renameFast(work, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') {
        throw new OutboxError('OUTBOX_DUPLICATE', `reference ${item.reference} already in the outbox`, { cause: err });
      }
      throw err;
    }
    // One directory fsync makes the new name durable. tmp/ is not synced: after a power cut a
    // stale entry there is at worst an empty name, and housekeeping cleans tmp/.
    await fsyncDir(layout.queue);
  } catch (err) {
    ready.delete(layout.root);
    await settleAll(syncing).catch(() => {}); // no write of ours still running in the folder removed next
    await rm(work, { recursive: true, force: true }).catch(() => {});
    if (err instanceof OutboxError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
    throw new OutboxError('OUTBOX_WRITE_FAILED', `could not store ${item.reference} (${code})`, { cause: err });
  }
  wakeOutboxWorker();
}

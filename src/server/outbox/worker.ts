/**
 * The outbox worker, running inside the server process. One item at a time, in order of
 * arrival; it wakes on the in-process doorbell (./wake.ts), on fs.watch of queue/, and on a
 * poll timer (OUTBOX_POLL_MS) — so delivery starts within about a second of `enqueue`, also
 * for items written by another process, and after a restart the queue simply resumes.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { purgeExpiredDownloads } from '../downloads/store.ts';
import type { Config } from '../env.ts';
import { logger } from '../log.ts';
import { isReference } from '../reference.ts';
import { backoffMs, buildMail, classifyFailure, readState, writeState } from './delivery.ts';
import { moveDurable } from './durable-fs.ts';
import { acquireWorkerLock, housekeeping, inArrivalOrder, removeDir } from './maintenance.ts';
import { INTAKE_QUIET_MS, intakeJournal } from './journal.ts';
import { ensureLayout, ITEM_FILE, outboxLayout } from './layout.ts';
import { createMailTransport, type MailTransport } from './transport.ts';
import { isRecordItem } from './record.ts';
import { readRendered, threadRenderer, type ItemRenderer } from './render.ts';
import type { DeliveryState, OutboxItem } from './types.ts';
import { setOutboxWake } from './wake.ts';

const PURGE_EVERY_MS = 60 * 60_000;
/**
 * Residents first: while applications are arriving (one journaled within INTAKE_QUIET_MS), the
 * worker waits before it renders and sends the next item — for at most YIELD_MAX_MS per item, so
 * delivery never stops under steady traffic. A burst is answered quickly and mailed just after.
 */
const YIELD_MAX_MS = 1_000;
/** Download entries live 30 minutes; they are purged on this timer even when nobody asks. */
const DOWNLOAD_PURGE_EVERY_MS = 60_000;

export interface OutboxWorker {
  /** Ask for a pass now (used by the doorbell). */
  kick(): void;
  /** Stop taking new work, let the message in flight finish, close the transport. */
  stop(): Promise<void>;
  readonly transport: MailTransport;
}

interface WorkerOptions {
  transport?: MailTransport;
  random?: () => number;
  /** Renders record items (version 2); default: a worker thread. */
  renderer?: ItemRenderer;
  /** Start the renderer with the worker (the server does), not on the first item. */
  warmRenderer?: boolean;
}

export async function startOutboxWorker(config: Config, options: WorkerOptions = {}): Promise<OutboxWorker> {
  const layout = outboxLayout(config.outboxDir);
  await ensureLayout(layout);
  const releaseLock = await acquireWorkerLock(layout);
  const transport = options.transport ?? createMailTransport(config);
  const random = options.random ?? Math.random;
  const renderer = options.renderer ?? threadRenderer();
  if (options.warmRenderer) renderer.warm?.();
  // Entries an earlier process journaled but did not apply are applied again first; an item
  // whose entry is not applied yet is left alone (see journal.ts: it cannot be sent twice).
  const journal = intakeJournal(layout.root);
  await journal.ready;

  let stopping = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let lastPurge = 0;
  /** When each queued item arrived or was last attempted (its folder's mtime), see inArrivalOrder. */
  const arrival = new Map<string, number>();

  async function pass(): Promise<void> {
    if (Date.now() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = Date.now();
      await housekeeping(layout, config).catch((err) =>
        logger.error('outbox.housekeeping_failed', { code: (err as NodeJS.ErrnoException).code ?? 'unknown' }),
      );
    }
    let names: string[];
    try {
      const ready = (await readdir(layout.queue)).filter((name) => isReference(name) && !journal.isSettling(name));
      names = await inArrivalOrder(layout.queue, ready, arrival);
    } catch (err) {
      logger.error('outbox.queue_unreadable', { code: (err as NodeJS.ErrnoException).code ?? 'unknown' });
      return;
    }
    let earliest = Infinity;
    for (const reference of names) {
      if (stopping) return;
      const due = await processItem(reference);
      if (due !== undefined) earliest = Math.min(earliest, due);
    }
    schedule(Number.isFinite(earliest) ? Math.max(0, earliest - Date.now()) : config.OUTBOX_POLL_MS);
  }

  async function yieldToIntake(): Promise<void> {
    const started = Date.now();
    while (!stopping && journal.appendedWithin(INTAKE_QUIET_MS) && Date.now() - started < YIELD_MAX_MS)
      await new Promise((resolve) => setTimeout(resolve, INTAKE_QUIET_MS));
  }

  /** Returns the time the item is next due, or undefined when it left the queue. */
  async function processItem(reference: string): Promise<number | undefined> {
    const dir = join(layout.queue, reference);
    let stored: unknown;
    let state: DeliveryState;
    try {
      stored = JSON.parse(await readFile(join(dir, ITEM_FILE), 'utf8'));
      state = await readState(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // moved away meanwhile
      logger.alert('outbox.dead_letter', { reference, reason: 'corrupt', code: 'OUTBOX_ITEM_CORRUPT' });
      await moveDurable(dir, join(layout.dead, reference)).catch(() => {});
      return undefined;
    }
    if (state.deadAt) {
      // An admin moved a dead letter back to queue/: start counting again, keep delivered flags.
      logger.info('outbox.requeued', { reference, delivered: Object.keys(state.delivered).length });
      state = { ...state, attempts: 0, nextAttemptAt: null, deadAt: undefined, deadReason: undefined };
      await writeState(dir, state);
    }
    const due = state.nextAttemptAt ? Date.parse(state.nextAttemptAt) : 0;
    if (due > Date.now()) return due;
    await yieldToIntake();
    if (stopping) return Date.now();
    arrival.delete(reference); // attempted now: its folder changes, its place in the queue with it

    let item: OutboxItem;
    if (isRecordItem(stored)) {
      // A record (answers only): render once, keep the result in the item for every retry.
      let messages = await readRendered(dir);
      if (!messages) {
        if (stopping) return Date.now();
        const started = Date.now();
        try {
          messages = await renderer(dir, stored);
        } catch (err) {
          return failed(dir, reference, 'render', state, err);
        }
        logger.info('outbox.rendered', { reference, ms: Date.now() - started });
      }
      item = {
        reference: stored.reference,
        municipality: stored.municipality,
        form: stored.form,
        createdAt: stored.createdAt,
        messages,
      };
    } else {
      item = stored as OutboxItem;
    }

    for (const message of item.messages) {
      if (state.delivered[message.id]) continue;
      if (stopping) return Date.now();
      const started = Date.now();
      try {
        const mail = await buildMail(config, item, message, dir);
        const result = await transport.send(mail, `${reference}-${message.id}`);
        state.delivered[message.id] = { at: new Date().toISOString(), messageId: result.messageId };
        await writeState(dir, state);
        logger.info(transport.mode === 'file' ? 'mail.written' : 'mail.sent', {
          reference,
          message: message.id,
          attempt: state.attempts + 1,
          ms: Date.now() - started,
          file: result.file,
          rejected: result.rejectedCount || undefined,
        });
        if (result.rejectedCount)
          logger.warn('mail.recipients_rejected', { reference, message: message.id, count: result.rejectedCount });
      } catch (err) {
        return failed(dir, reference, message.id, state, err);
      }
    }
    state.completedAt = new Date().toISOString();
    await writeState(dir, state);
    if (config.OUTBOX_RETENTION_DAYS === 0) {
      await removeDir(layout, dir, reference);
    } else {
      await moveDurable(dir, join(layout.sent, reference));
    }
    logger.info('outbox.delivered', { reference, messages: item.messages.length, attempts: state.attempts + 1 });
    return undefined;
  }

  async function failed(
    dir: string,
    reference: string,
    messageId: string,
    state: DeliveryState,
    err: unknown,
  ): Promise<number | undefined> {
    const verdict = classifyFailure(err);
    state.attempts += 1;
    state.lastError = {
      at: new Date().toISOString(),
      message: messageId,
      code: verdict.code,
      responseCode: verdict.responseCode,
      permanent: verdict.permanent,
    };
    const exhausted = state.attempts >= config.OUTBOX_MAX_ATTEMPTS;
    if (verdict.permanent || exhausted) {
      state.deadAt = new Date().toISOString();
      state.deadReason = verdict.permanent ? 'permanent' : 'attempts-exhausted';
      state.nextAttemptAt = null;
      await writeState(dir, state);
      await moveDurable(dir, join(layout.dead, reference));
      logger.alert('outbox.dead_letter', {
        reference,
        message: messageId,
        reason: state.deadReason,
        code: verdict.code,
        responseCode: verdict.responseCode,
        attempts: state.attempts,
        folder: join(layout.dead, reference),
      });
      return undefined;
    }
    const delay = backoffMs(state.attempts, config.OUTBOX_RETRY_BASE_MS, config.OUTBOX_RETRY_MAX_MS, random);
    state.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    await writeState(dir, state);
    logger.warn('mail.retry', {
      reference,
      message: messageId,
      attempt: state.attempts,
      delayMs: delay,
      code: verdict.code,
      responseCode: verdict.responseCode,
    });
    return Date.now() + delay;
  }

  function schedule(ms: number): void {
    if (stopping) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(kick, Math.min(ms, config.OUTBOX_POLL_MS));
  }

  function kick(): void {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((err) => logger.error('outbox.pass_failed', { code: (err as NodeJS.ErrnoException).code ?? 'unknown' }))
      .finally(() => {
        running = undefined;
        if (again && !stopping) {
          again = false;
          kick();
        }
      });
  }

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(layout.queue, () => kick());
    watcher.on('error', () => watcher?.close());
  } catch {
    // fs.watch is best effort (some network filesystems); the poll timer still runs.
  }
  setOutboxWake(kick);
  const downloads = join(dirname(config.outboxDir), 'downloads');
  const purgeDownloads = () => void purgeExpiredDownloads({ dir: downloads }).catch(() => {});
  const downloadTimer = setInterval(purgeDownloads, DOWNLOAD_PURGE_EVERY_MS);
  downloadTimer.unref();
  purgeDownloads();

  const queued = (await readdir(layout.queue)).filter(isReference).length;
  const dead = (await readdir(layout.dead)).filter(isReference).length;
  logger.info('outbox.started', { dir: layout.root, queued, dead, mail: transport.mode, target: transport.target });
  if (dead > 0) logger.alert('outbox.dead_letters_waiting', { count: dead, folder: layout.dead });
  kick();

  return {
    kick,
    transport,
    async stop() {
      stopping = true;
      setOutboxWake(undefined);
      if (timer) clearTimeout(timer);
      clearInterval(downloadTimer);
      watcher?.close();
      await running;
      transport.close();
      await renderer.close?.();
      await releaseLock();
      logger.info('outbox.stopped', {});
    },
  };
}

export { housekeeping } from './maintenance.ts';

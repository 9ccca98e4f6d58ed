/**
 * On-disk layout of the outbox (all under OUTBOX_DIR, one folder per application):
 *
 *   journal/        the intake journal (./journal.ts): accepted applications not yet in queue/
 *   tmp/            items being written; never read by the worker; stale ones are cleaned
 *   queue/<REF>/    durable, waiting for delivery: item.json, files/, state.json (once tried)
 *   sent/<REF>/     delivered, kept OUTBOX_RETENTION_DAYS days then purged (0 = not kept)
 *   dead/<REF>/     dead letters: a permanent SMTP refusal or attempts exhausted; an admin
 *                   looks at state.json, fixes the cause and moves the folder back to queue/
 *
 * A folder appears in queue/ only by an atomic rename from tmp/, so the worker never sees a
 * half-written application.
 */
import { join } from 'node:path';
import { ensureDirs } from './durable-fs.ts';

export interface OutboxLayout {
  root: string;
  journal: string;
  tmp: string;
  queue: string;
  sent: string;
  dead: string;
}

export function outboxLayout(root: string): OutboxLayout {
  return {
    root,
    journal: join(root, 'journal'),
    tmp: join(root, 'tmp'),
    queue: join(root, 'queue'),
    sent: join(root, 'sent'),
    dead: join(root, 'dead'),
  };
}

export async function ensureLayout(layout: OutboxLayout): Promise<void> {
  await ensureDirs(layout.root, layout.journal, layout.tmp, layout.queue, layout.sent, layout.dead);
}

export const ITEM_FILE = 'item.json';
export const STATE_FILE = 'state.json';
export const FILES_DIR = 'files';

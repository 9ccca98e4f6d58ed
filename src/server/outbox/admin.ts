/**
 * Administration of the outbox for `npm run outbox` (scripts/outbox.ts): list what waits and
 * what is dead, show one item's metadata, move a dead letter back to the queue. Output carries
 * no personal data — references, states, counts, error codes, our own file names and sizes; never
 * answers, subjects, addresses or the resident's file names.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeReference, isReference } from '../reference.ts';
import { readState } from './delivery.ts';
import { moveDurable } from './durable-fs.ts';
import { journaledApplications } from './journal.ts';
import { FILES_DIR, ITEM_FILE, outboxLayout, type OutboxLayout } from './layout.ts';
import { RENDERED_FILE } from './record.ts';

type Folder = 'queue' | 'dead' | 'sent';

export interface ItemSummary {
  reference: string;
  /** journal: accepted, in the intake journal, not yet written to queue/ (./journal.ts). */
  folder: Folder | 'journal';
  /** journaled (accepted, not yet in queue/), queued (never tried), retrying (failed before), dead. */
  state: 'journaled' | 'queued' | 'retrying' | 'dead' | 'sent';
  attempts: number;
  lastError?: string;
  /** Seconds since the application was stored. */
  ageSeconds: number;
}

interface ItemDetails extends ItemSummary {
  format: 'record' | 'rendered';
  municipality?: string;
  form?: string;
  item?: string;
  createdAt?: string;
  rendered: boolean;
  nextAttemptAt?: string | null;
  deadAt?: string;
  deadReason?: string;
  lastErrorDetail?: { at: string; message: string; code: string; responseCode?: number; permanent: boolean };
  delivered: { message: string; at: string }[];
  files: { name: string; size: number }[];
}

async function names(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter(isReference).sort();
}

async function summary(layout: OutboxLayout, folder: Folder, reference: string, now: number): Promise<ItemSummary> {
  const dir = join(layout[folder], reference);
  const state = await readState(dir).catch(() => undefined);
  const item = await readFile(join(dir, ITEM_FILE), 'utf8').then(
    (t) => JSON.parse(t) as { createdAt?: string },
    () => undefined,
  );
  const created = item?.createdAt
    ? Date.parse(item.createdAt)
    : ((await stat(dir).catch(() => undefined))?.mtimeMs ?? now);
  const attempts = state?.attempts ?? 0;
  return {
    reference,
    folder,
    state: folder === 'dead' ? 'dead' : folder === 'sent' ? 'sent' : attempts > 0 ? 'retrying' : 'queued',
    attempts,
    ...(state?.lastError?.code
      ? {
          lastError: state.lastError.responseCode
            ? `${state.lastError.code} ${state.lastError.responseCode}`
            : state.lastError.code,
        }
      : {}),
    ageSeconds: Math.max(0, Math.round((now - created) / 1000)),
  };
}

/**
 * Journaled, queued and dead items (sent ones too with `sent`), oldest first within each folder.
 * Journaled ones are accepted applications the server has not yet written to queue/ (it does so
 * shortly after, or when it starts).
 */
export async function listItems(root: string, opts: { sent?: boolean; now?: number } = {}): Promise<ItemSummary[]> {
  const layout = outboxLayout(root);
  const now = opts.now ?? Date.now();
  const folders: Folder[] = opts.sent ? ['queue', 'dead', 'sent'] : ['queue', 'dead'];
  const out: ItemSummary[] = [];
  for (const folder of folders) {
    const items = await Promise.all((await names(layout[folder])).map((r) => summary(layout, folder, r, now)));
    out.push(...items.sort((a, b) => b.ageSeconds - a.ageSeconds));
  }
  const listed = new Set(out.map((i) => i.reference));
  const journaled = (await journaledApplications(root))
    .filter((j) => !listed.has(j.reference))
    .map((j): ItemSummary => ({
      reference: j.reference,
      folder: 'journal',
      state: 'journaled',
      attempts: 0,
      ageSeconds: Math.max(0, Math.round((now - Date.parse(j.createdAt)) / 1000)),
    }));
  return [...journaled.sort((a, b) => b.ageSeconds - a.ageSeconds), ...out];
}

async function locate(layout: OutboxLayout, reference: string): Promise<Folder | undefined> {
  for (const folder of ['queue', 'dead', 'sent'] as Folder[]) {
    if (
      await stat(join(layout[folder], reference)).then(
        () => true,
        () => false,
      )
    )
      return folder;
  }
  return undefined;
}

/** A reference as an admin may type it (lower case, spaces) → canonical, or undefined. */
export function parseReference(input: string | undefined): string | undefined {
  return input ? normalizeReference(input) : undefined;
}

export async function showItem(root: string, reference: string, now = Date.now()): Promise<ItemDetails | undefined> {
  const layout = outboxLayout(root);
  const folder = await locate(layout, reference);
  if (!folder) return undefined;
  const dir = join(layout[folder], reference);
  const base = await summary(layout, folder, reference, now);
  const state = await readState(dir).catch(() => undefined);
  const raw = await readFile(join(dir, ITEM_FILE), 'utf8').then(
    (t) => JSON.parse(t) as Record<string, unknown>,
    () => ({}) as Record<string, unknown>,
  );
  const application = (raw['application'] ?? {}) as { item?: unknown };
  const files = await Promise.all(
    (await readdir(join(dir, FILES_DIR)).catch(() => [] as string[]))
      .sort()
      .map(async (name) => ({ name, size: (await stat(join(dir, FILES_DIR, name))).size })),
  );
  const rendered =
    raw['version'] === 2
      ? await stat(join(dir, RENDERED_FILE)).then(
          () => true,
          () => false,
        )
      : true;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    ...base,
    format: raw['version'] === 2 ? 'record' : 'rendered',
    ...(str(raw['municipality']) ? { municipality: str(raw['municipality']) } : {}),
    ...(str(raw['form']) ? { form: str(raw['form']) } : {}),
    ...(str(application.item) ? { item: str(application.item) } : {}),
    ...(str(raw['createdAt']) ? { createdAt: str(raw['createdAt']) } : {}),
    rendered,
    nextAttemptAt: state?.nextAttemptAt ?? null,
    ...(state?.deadAt ? { deadAt: state.deadAt } : {}),
    ...(state?.deadReason ? { deadReason: state.deadReason } : {}),
    ...(state?.lastError ? { lastErrorDetail: state.lastError } : {}),
    delivered: Object.entries(state?.delivered ?? {}).map(([message, d]) => ({ message, at: d.at })),
    files,
  };
}

type RetryResult = 'requeued' | 'not-found' | 'not-dead';

/**
 * Moves a dead letter back to queue/ (one atomic rename, then both folders fsync'ed). The
 * running server's worker notices it, starts counting attempts again and sends only the
 * messages not yet delivered.
 */
export async function retryItem(root: string, reference: string): Promise<RetryResult> {
  const layout = outboxLayout(root);
  const folder = await locate(layout, reference);
  if (!folder) return 'not-found';
  if (folder !== 'dead') return 'not-dead';
  await moveDurable(join(layout.dead, reference), join(layout.queue, reference));
  return 'requeued';
}

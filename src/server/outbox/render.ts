/**
 * Rendering a version-2 item (./record.ts) in the worker: the e-mails, the PDF and
 * application.json are built from the stored record once, checked like any enqueued item
 * (no header injection), and kept in the item folder — files/application.pdf,
 * files/application.json and rendered.json with the messages — so a retry sends the same bytes
 * without rendering again.
 *
 * PDF rendering is CPU work of tens of milliseconds; it runs on a worker thread
 * (./render-thread.ts) so the server keeps answering residents meanwhile.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from '#src/data/build-catalogue.ts';
import { JSON_FILE, PDF_FILE, renderApplication } from '../mail/render.ts';
import type { Translator } from '../mail/translate.ts';
import { writeFileAtomic } from './durable-fs.ts';
import { FILES_DIR } from './layout.ts';
import { RENDERED_FILE, submissionFromRecord, type RecordItem, type RenderedFile } from './record.ts';
import { OutboxError, type OutboxMessage } from './types.ts';
import { FILE_NAME, validateOutboxItem } from './validate.ts';

/** Renders a record item in `dir` and stores the result there; resolves with the messages. */
export type ItemRenderer = ((dir: string, item: RecordItem) => Promise<OutboxMessage[]>) & {
  /** Start now rather than on the first item. */
  warm?: () => void;
  close?: () => Promise<void>;
};

/** The stored result of an earlier render, or undefined (never rendered, or a torn/odd file). */
export async function readRendered(dir: string): Promise<OutboxMessage[] | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(dir, RENDERED_FILE), 'utf8')) as RenderedFile;
    return parsed.version === 1 && Array.isArray(parsed.messages) ? parsed.messages : undefined;
  } catch {
    return undefined;
  }
}

/** Renders in this thread (tests, and the thread's own work). Errors are OutboxError OUTBOX_RENDER_FAILED (or the validation code). */
export async function renderInto(
  dir: string,
  item: RecordItem,
  ctx: { catalogue: Catalogue; tr: Translator },
): Promise<OutboxMessage[]> {
  let rendered;
  const contents = new Map<string, Uint8Array>();
  try {
    for (const u of item.application.uploads) {
      if (typeof u?.file !== 'string' || !FILE_NAME.test(u.file) || u.file === PDF_FILE || u.file === JSON_FILE)
        throw new Error('bad upload file name');
      contents.set(u.file, new Uint8Array(await readFile(join(dir, FILES_DIR, u.file))));
    }
    const s = submissionFromRecord(item, ctx.catalogue, (f) => contents.get(f) ?? new Uint8Array());
    rendered = await renderApplication(s, ctx.tr);
  } catch (err) {
    if (err instanceof OutboxError) throw err;
    throw new OutboxError('OUTBOX_RENDER_FAILED', `could not render ${item.reference}`, { cause: err });
  }
  const files = [
    ...[...contents].map(([name, content]) => ({ name, content })),
    { name: PDF_FILE, content: rendered.pdf },
    { name: JSON_FILE, content: rendered.json },
  ];
  validateOutboxItem(
    {
      reference: item.reference,
      municipality: item.municipality,
      form: item.form,
      createdAt: item.createdAt,
      messages: rendered.messages,
    },
    files,
  );
  await mkdir(join(dir, FILES_DIR), { recursive: true, mode: 0o700 });
  await Promise.all([
    writeFileAtomic(join(dir, FILES_DIR, PDF_FILE), rendered.pdf),
    writeFileAtomic(join(dir, FILES_DIR, JSON_FILE), rendered.json),
  ]);
  await writeFileAtomic(
    join(dir, RENDERED_FILE),
    JSON.stringify({ version: 1, messages: rendered.messages } satisfies RenderedFile),
  );
  return rendered.messages;
}

interface Reply {
  id: number;
  messages?: OutboxMessage[];
  error?: { code: string; message: string };
}

/**
 * A renderer on one worker thread, started on first use or by `warm()` (the worker calls it at
 * start, so the thread's start-up does not fall on the first application). A render error is permanent
 * (OutboxError, the item goes to dead letters); the thread dying is not (plain Error: retried).
 */
export function threadRenderer(): ItemRenderer {
  let thread: Worker | undefined;
  let next = 1;
  const pending = new Map<number, { resolve: (m: OutboxMessage[]) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    thread = undefined;
  };
  const start = () => {
    const t = new Worker(new URL('./render-thread.ts', import.meta.url));
    t.unref();
    t.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.messages) p.resolve(reply.messages);
      else
        p.reject(
          new OutboxError(
            (reply.error?.code as 'OUTBOX_RENDER_FAILED') ?? 'OUTBOX_RENDER_FAILED',
            reply.error?.message ?? 'render failed',
          ),
        );
    });
    t.on('error', () => failAll(Object.assign(new Error('render thread failed'), { code: 'ERENDER_THREAD' })));
    t.on('exit', () => failAll(Object.assign(new Error('render thread exited'), { code: 'ERENDER_THREAD' })));
    return t;
  };
  const render: ItemRenderer = (dir, item) =>
    new Promise<OutboxMessage[]>((resolve, reject) => {
      thread ??= start();
      const id = next++;
      pending.set(id, { resolve, reject });
      thread.ref();
      thread.postMessage({ id, dir, item });
    }).finally(() => {
      if (pending.size === 0) thread?.unref();
    });
  render.warm = () => {
    thread ??= start();
  };
  render.close = async () => {
    const t = thread;
    thread = undefined;
    if (t) await t.terminate();
  };
  return render;
}

/**
 * The render thread (see ./render.ts): plain Node, so the catalogue and the translations are
 * read from the repository's files (src/data, locales/) rather than from the Astro build.
 */
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import type { RecordItem } from './record.ts';

// Rendering yields the CPU to the server's main thread, which answers residents: on Linux the
// nice value is per thread, so this lowers only the render thread (elsewhere it may be a no-op).
// The lowest priority: an application is safe once stored, its e-mails can wait for a burst of
// submissions to pass; on an otherwise idle machine the thread renders at full speed anyway.
// Set before the renderer's modules (PDF, fonts, translations) are loaded and compiled, so that
// start-up runs at this priority too.
try {
  setPriority(19);
} catch {
  // not permitted here: render at normal priority
}
const { loadCatalogueFromDisk } = await import('#src/data/load-from-disk.ts');
const { nodeTranslator } = await import('../mail/translate.ts');
const { renderInto } = await import('./render.ts');

const catalogue = loadCatalogueFromDisk(fileURLToPath(new URL('../../../', import.meta.url)));
const tr = nodeTranslator();

parentPort!.on('message', (msg: { id: number; dir: string; item: RecordItem }) => {
  renderInto(msg.dir, msg.item, { catalogue, tr }).then(
    (messages) => parentPort!.postMessage({ id: msg.id, messages }),
    (err: { code?: string; message?: string }) =>
      parentPort!.postMessage({
        id: msg.id,
        error: {
          code: typeof err?.code === 'string' && err.code.startsWith('OUTBOX_') ? err.code : 'OUTBOX_RENDER_FAILED',
          message: String(err?.message ?? 'render failed').slice(0, 300),
        },
      }),
  );
});

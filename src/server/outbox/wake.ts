/**
 * A process-global doorbell between `enqueue` (bundled into dist/server by Astro) and the worker
 * (loaded natively by src/server/main.ts): two module instances, one process. The worker also
 * watches queue/ and polls, so an item enqueued by another process is picked up too.
 */
const KEY = Symbol.for('atbalsts.outbox.wake');
type Holder = { [KEY]?: () => void };

export function setOutboxWake(fn: (() => void) | undefined): void {
  (globalThis as Holder)[KEY] = fn;
}

export function wakeOutboxWorker(): void {
  (globalThis as Holder)[KEY]?.();
}

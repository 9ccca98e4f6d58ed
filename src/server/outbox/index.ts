/**
 * Durable outbox — "store, then acknowledge, then send": an application is fsync'ed here before the resident gets a reference.
 *
 * PRODUCER (the application endpoint/handler, bundled by Astro): applications go through the
 * intake journal (./journal.ts, via applications/store.ts), which calls `enqueueRecord` when it
 * applies an entry:
 *
 *   import { enqueueRecord, type RecordItem } from '../outbox/index.ts';
 *   await enqueueRecord(record, uploads);  // the validated answers + the resident's files, fsync'ed
 *   // The worker renders the e-mails, the PDF and application.json from the record
 *   // (./render.ts, ./record.ts).
 *
 *   `enqueue(item, files)` stores an item with its messages already rendered (version 1, the
 *   format of earlier versions; still delivered as is).
 *
 *   - `item.reference` is the folder name; use `newReference()` (src/server/reference.ts) or
 *     `withIdempotency()` (src/server/idempotency.ts), which draws one and retries on a collision.
 *   - `files`: `{ name, content }` where `name` is OUR file name (`attachment-1.pdf`,
 *     `application.json`, `application.pdf`; /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/). Messages refer
 *     to them with `attachments[].file`; the name the recipient sees is `attachments[].filename`
 *     (use `safeDisplayFilename(upload.name)` for a resident's upload name).
 *   - Every message lists plain addresses in `to` (no display names); `replyTo` is one address.
 *     `subject`, `to`, `replyTo` and attachment `filename` must not contain CR/LF or control
 *     characters: enqueue throws OutboxError `OUTBOX_HEADER_INJECTION` rather than send.
 *   - Errors are `OutboxError` with `code`: OUTBOX_HEADER_INJECTION | OUTBOX_INVALID_ITEM |
 *     OUTBOX_BAD_FILE_NAME (programming errors), OUTBOX_DUPLICATE (reference taken — draw another),
 *     OUTBOX_WRITE_FAILED (disk problem: answer 503, do not acknowledge).
 *   - `opts.dir` overrides OUTBOX_DIR (tests); by default the configured OUTBOX_DIR is used.
 *   - MAIL_FROM is added by the worker; MAIL_TO_OVERRIDE (staging) redirects every message
 *     except the one with id `receipt` to one address.
 *
 * CONSUMER: `startOutboxWorker(config)` runs in the server process (src/server/main.ts). It sends
 * each message with nodemailer, records per-message delivery in state.json (a retry never
 * re-sends a delivered message), retries transient failures (no connection, 4xx) with
 * exponential backoff and jitter, moves the item to dead/ on a permanent 5xx or when
 * OUTBOX_MAX_ATTEMPTS is reached (log level `alert`), and resumes after a restart.
 * Delivery is at-least-once: a crash between the SMTP server's "250 OK" and the state write
 * sends that one message again; the Message-ID is stable (`<REF.messageId@domain>`) so mail
 * systems can spot the duplicate. Folder layout: ./layout.ts.
 */
export type { OutboxAttachment, OutboxMessage, OutboxItem, OutboxFile } from './types.ts';
export { OutboxError } from './types.ts';
export { enqueue, enqueueRecord } from './enqueue.ts';
export type { RecordItem } from './record.ts';
export { safeDisplayFilename } from './validate.ts';
export { outboxLayout } from './layout.ts';

/**
 * Stores one accepted application durably in the outbox as a record: the validated answers, the
 * form and item, the languages, the time and the resident's files — nothing rendered. The
 * outbox worker renders the staff e-mail, the receipt, the PDF and application.json when it
 * delivers (src/server/outbox/render.ts), so the resident's 201 waits only for the disk.
 */
import { reservationDurable } from '../idempotency.ts';
import { enqueueRecord, type RecordItem } from '../outbox/index.ts';
import type { Submission } from './types.ts';

function recordOf(s: Submission): RecordItem {
  return {
    version: 2,
    reference: s.reference,
    municipality: s.municipality.id,
    form: s.def.id,
    createdAt: s.submittedAt.toISOString(),
    application: {
      ...(s.item ? { item: s.item.id } : {}),
      uiLocale: s.uiLocale,
      submittedAt: s.submittedAt.toISOString(),
      values: s.values,
      uploads: s.uploads.map((u) => ({
        file: u.file,
        filename: u.filename,
        kind: u.kind,
        contentType: u.contentType,
        size: u.content.byteLength,
      })),
    },
  };
}

/**
 * Resolves when the record is on disk; throws OutboxError (OUTBOX_WRITE_FAILED → 503,
 * OUTBOX_DUPLICATE → another reference). Called by `withIdempotency` while the reference's
 * reservation is still being made durable: the record is written meanwhile and published in the
 * outbox only after it (`reservationDurable`).
 */
export async function storeApplication(s: Submission, outboxDir?: string): Promise<RecordItem> {
  const record = recordOf(s);
  await enqueueRecord(
    record,
    s.uploads.map((u) => ({ name: u.file, content: u.content })),
    { ...(outboxDir ? { dir: outboxDir } : {}), publishAfter: reservationDurable(s.reference) },
  );
  return record;
}

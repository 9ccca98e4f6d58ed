/**
 * Stores one accepted application durably as a record: the validated answers, the form and item,
 * the languages, the time and the resident's files — nothing rendered. It is written to the
 * outbox's intake journal at once and into queue/ shortly after; the outbox worker renders the staff e-mail, the receipt, the PDF and application.json when it
 * delivers (src/server/outbox/render.ts), so the resident's 201 waits only for the disk.
 */
import { getConfig } from '../env.ts';
import type { Reservation } from '../idempotency.ts';
import { enqueueRecord } from '../outbox/enqueue.ts';
import { intakeJournal } from '../outbox/journal.ts';
import type { RecordItem } from '../outbox/record.ts';
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
 * Journals the record (with the key's record and the reference's marker, see outbox/journal.ts)
 * and resolves once that is durable, with the record and `applied` (the outbox item and the key
 * record written). Without a reservation — replaying a key's pending record left by an earlier
 * version, whose record idempotency.ts confirms itself — the record is written straight into
 * the outbox. Throws OutboxError: OUTBOX_WRITE_FAILED → 503, OUTBOX_DUPLICATE → another
 * reference (or, for a replay, already stored).
 */
export async function storeApplication(
  s: Submission,
  reservation: Reservation | undefined,
  outboxDir: string = getConfig().outboxDir,
): Promise<{ record: RecordItem; applied: Promise<void> }> {
  const record = recordOf(s);
  const uploads = s.uploads.map((u) => ({ name: u.file, content: u.content }));
  if (!reservation) {
    await enqueueRecord(record, uploads, { dir: outboxDir });
    return { record, applied: Promise.resolve() };
  }
  const { applied } = await intakeJournal(outboxDir).append({
    record,
    uploads,
    key: reservation.key,
    marker: reservation.marker,
  });
  return { record, applied };
}

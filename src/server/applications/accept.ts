/**
 * Accepting one posted application: item → honeypot and minimum fill time (HTML form) →
 * validation with the shared schema (400 + field errors) → idempotency (same key, same
 * reference, one e-mail) → reference → the validated record durable in the outbox's intake
 * journal (outbox/journal.ts) → only then the reference is shown, with a download token for the
 * resident's browser. The e-mails, the PDF and application.json are rendered later by the outbox
 * worker; the resident's PDF is rendered when they download it (downloads/store.ts).
 *
 * Honeypot filled or posted faster than MIN_FILL_MS: the form is re-rendered with a neutral
 * "please check and send again" message and a fresh render time — never a fake success. A person
 * whose browser autofilled the trap, or who was very quick, loses nothing and can send again; a
 * silently dropped real application (the resident believes they applied) would be the worst
 * outcome. JSON clients are integrations: no honeypot or fill time, the rate limit applies.
 */
import { randomBytes } from 'node:crypto';
import type { FieldError } from '#src/domain/field-error.ts';
import { ITEM_FORMS, MIN_FILL_MS } from '#src/domain/forms/index.ts';
import { parseAnswers } from '#src/domain/forms/schema.ts';
import { getDownload, putDownload } from '../downloads/store.ts';
import { canonicalBodyHash, IdempotencyError, isIdempotencyKey, withIdempotency } from '../idempotency.ts';
import { getConfig } from '../env.ts';
import { logger } from '../log.ts';
import { OutboxError } from '../outbox/index.ts';
import { intakeJournal } from '../outbox/journal.ts';
import type { RecordItem } from '../outbox/record.ts';
import type { HandlerDeps } from './deps.ts';
import { definitionFor, publishedItem } from './form-lookup.ts';
import { rejected, type Outcome } from './outcome.ts';
import { keptOf, rowsShown, type PageFields, type PostedSubmission } from './read-submission.ts';
import { storeApplication } from './store.ts';
import { checkUploads } from './uploads.ts';

/** A person leaves the trap empty and takes at least MIN_FILL_MS to fill the form. */
function looksAutomated(page: PageFields, deps: HandlerDeps): boolean {
  const now = (deps.now?.() ?? new Date()).getTime();
  return (
    page.honeypot !== '' || !Number.isFinite(page.renderedAt) || now - page.renderedAt < (deps.minFillMs ?? MIN_FILL_MS)
  );
}

export async function acceptSubmission(submission: PostedSubmission, deps: HandlerDeps): Promise<Outcome> {
  const { municipality, form, itemId, values, page } = submission;
  const item = publishedItem(deps.catalogue, municipality.id, itemId);
  if (itemId && !item) return rejected(400, 'ITEM_UNKNOWN', 'error.item.unknown');
  if (!item && ITEM_FORMS.includes(form)) return rejected(400, 'ITEM_REQUIRED', 'error.item.unknown');
  const def = definitionFor(deps.catalogue, municipality.id, form, item);
  if (!def) return rejected(400, 'ITEM_UNKNOWN', 'error.item.unknown');

  const keep = keptOf(submission, page?.rows ?? rowsShown(def, values, () => undefined));
  const errors: FieldError[] = [
    ...(page && looksAutomated(page, deps) ? [{ path: '_form', key: 'error.spam.check' }] : []),
    ...submission.unknown.map((path) => ({ path, key: 'error.unknownField' })),
  ];
  const parsedAnswers = parseAnswers(def, values);
  if (!parsedAnswers.ok) errors.push(...parsedAnswers.errors);
  const checked = checkUploads(submission.files, submission.fileFlags, def.attachments);
  errors.push(...checked.errors);
  if (errors.length || !parsedAnswers.ok) return { kind: 'invalid', errors, ...keep };

  const submittedAt = deps.now?.() ?? new Date();
  let stored: RecordItem | undefined;
  const bodyHash = canonicalBodyHash({
    municipality: municipality.id,
    form,
    item: item?.id,
    values: parsedAnswers.values,
    attachments: checked.uploads,
  });
  const key = submission.idempotencyKey;
  const outboxDir = deps.outboxDir ?? getConfig().outboxDir;
  try {
    const { reference, replayed } = await withIdempotency(
      {
        key: key && isIdempotencyKey(key) ? key : randomBytes(18).toString('base64url'),
        scope: `${municipality.id}/${form}`,
        prefix: municipality.referencePrefix,
        bodyHash,
        ...(deps.idempotencyDir ? { dir: deps.idempotencyDir } : {}),
        journal: intakeJournal(outboxDir),
      },
      async (reference, reservation) => {
        const result = await storeApplication(
          {
            reference,
            municipality,
            ...(item ? { item } : {}),
            def,
            values: parsedAnswers.values,
            uiLocale: submission.locale ?? 'lv',
            submittedAt,
            uploads: checked.uploads,
          },
          reservation,
          outboxDir,
        );
        stored = result.record;
        return { applied: result.applied };
      },
    );
    logger.info('application.accepted', {
      reference,
      form,
      municipality: municipality.id,
      replayed,
      attachments: checked.uploads.length,
    });
    // JSON clients (integrations) get no download: the cookie is for the resident's browser.
    const downloadToken = page ? await downloadFor(reference, stored, page.downloadCookie, deps) : undefined;
    return { kind: 'accepted', reference, replayed, ...(downloadToken ? { downloadToken } : {}) };
  } catch (err) {
    if (err instanceof IdempotencyError) {
      if (err.code === 'IDEMPOTENCY_KEY_MISMATCH') {
        // The key belongs to other answers: the form comes back with what was typed and WITHOUT
        // that key (the page issues a fresh one), so sending again makes a new application.
        const { idempotencyKey: _used, ...fresh } = keep;
        return rejected(409, err.code, 'error.request.keyReused', { keep: fresh });
      }
      return err.code === 'IDEMPOTENCY_KEY_REUSED'
        ? rejected(409, err.code, 'error.spam.check')
        : rejected(400, err.code, 'error.shape');
    }
    const code = err instanceof OutboxError ? err.code : 'STORE_FAILED';
    logger.error('application.store_failed', { code, form, municipality: municipality.id });
    // Temporary: the form comes back with everything typed and the SAME key, so sending again
    // later completes this application (same reference) rather than starting another.
    return rejected(503, code, 'error.request.unavailable', { retryAfter: 30, keep });
  }
}

/**
 * The download token for the resident's browser. A new one is minted only by the request whose
 * store call wrote the application (`stored`): a replay of a stored key never gets a new one —
 * the browser that sent it first holds its cookie. A retry after a 503 (key pending, nothing
 * stored yet) is that first store. A replay gets the download back only when the caller already
 * holds it (the original download cookie, still unused and for this reference).
 */
async function downloadFor(
  reference: string,
  stored: RecordItem | undefined,
  held: string | undefined,
  deps: HandlerDeps,
): Promise<string | undefined> {
  try {
    const dir = deps.downloadsDir ? { dir: deps.downloadsDir } : {};
    if (stored) return await putDownload(stored, dir);
    const found = held ? await getDownload(held, dir) : undefined;
    return held && found?.state === 'ok' && found.reference === reference ? held : undefined;
  } catch {
    logger.warn('application.download_unavailable', { reference });
    return undefined;
  }
}

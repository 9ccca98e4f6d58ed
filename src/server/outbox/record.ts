/**
 * The application record (item.json version 2): what the handler stores before it answers 201 —
 * the validated answers and what is needed to render the e-mails and the PDF later, never the
 * rendered output. The resident's files sit next to it in files/. The worker renders once and
 * keeps the result in the item (rendered.json + files/application.pdf, application.json), so a
 * retry never renders again. Items stored by older versions (version 1) carry their rendered
 * messages in item.json and are delivered as they are.
 */
import { publishedItemsFor, itemsFor, type Catalogue } from '#src/data/build-catalogue.ts';
import { formDefinition, isFormId } from '#src/domain/forms/index.ts';
import type { FileKind } from '#src/domain/forms/files.ts';
import type { Values } from '#src/domain/forms/types.ts';
import type { Submission, Upload } from '../applications/types.ts';
import type { OutboxMessage } from './types.ts';

interface RecordUpload {
  /** Our file name in files/ (`attachment-1.pdf`). */
  file: string;
  /** Safe display name. */
  filename: string;
  kind: FileKind;
  contentType: string;
  size: number;
}

interface ApplicationRecord {
  /** Catalogue item id (benefit or service), when the form is for one. */
  item?: string;
  uiLocale: 'lv' | 'ru';
  /** ISO 8601, when the application was accepted. */
  submittedAt: string;
  /** Validated, normalized answers. */
  values: Values;
  uploads: RecordUpload[];
}

export interface RecordItem {
  version: 2;
  reference: string;
  municipality: string;
  form: string;
  createdAt: string;
  application: ApplicationRecord;
}

/** What the worker stores after rendering a version-2 item (rendered.json). */
export interface RenderedFile {
  version: 1;
  messages: OutboxMessage[];
}

export const RENDERED_FILE = 'rendered.json';

class RecordError extends Error {
  readonly code = 'OUTBOX_RENDER_FAILED';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`OUTBOX_RENDER_FAILED: ${detail}`, options);
    this.name = 'RecordError';
  }
}

export function isRecordItem(value: unknown): value is RecordItem {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { version?: unknown }).version === 2 &&
    typeof (value as RecordItem).application === 'object'
  );
}

/**
 * The submission the mail and PDF builders take, from a stored record and the catalogue. The
 * uploads' contents are given by the caller (read from files/; the PDF needs only their names).
 */
export function submissionFromRecord(
  item: Pick<RecordItem, 'reference' | 'municipality' | 'form' | 'application'>,
  catalogue: Catalogue,
  contents: (file: string) => Uint8Array = () => new Uint8Array(),
): Submission {
  const a = item.application;
  const municipality = catalogue.municipalities.find((m) => m.id === item.municipality);
  if (!municipality) throw new RecordError('unknown municipality');
  if (!isFormId(item.form)) throw new RecordError('unknown form');
  // An item unpublished after the application was accepted is still rendered by its id.
  const catalogueItem = a.item
    ? (publishedItemsFor(catalogue, municipality).find((i) => i.id === a.item) ??
      itemsFor(catalogue, municipality).find((i) => i.id === a.item))
    : undefined;
  if (a.item && !catalogueItem) throw new RecordError('unknown catalogue item');
  const def = formDefinition(item.form, catalogueItem);
  if (!def) throw new RecordError('no form definition');
  const submittedAt = new Date(a.submittedAt);
  if (Number.isNaN(submittedAt.getTime())) throw new RecordError('bad submittedAt');
  if (typeof a.values !== 'object' || a.values === null || !Array.isArray(a.uploads))
    throw new RecordError('bad record');
  const uploads: Upload[] = a.uploads.map((u) => ({
    file: u.file,
    filename: u.filename,
    kind: u.kind,
    contentType: u.contentType,
    content: contents(u.file),
  }));
  return {
    reference: item.reference,
    municipality,
    ...(catalogueItem ? { item: catalogueItem } : {}),
    def,
    values: a.values,
    uiLocale: a.uiLocale === 'ru' ? 'ru' : 'lv',
    submittedAt,
    uploads,
  };
}

/**
 * Reading one application as posted: the request (HTML form or JSON) → one `PostedSubmission`
 * for the accept step, or a rejected Outcome.
 *
 * Order: method → municipality/form → content type → body within MAX_BODY_BYTES while
 * streaming (413) → parse (broken multipart 400) → the JSON `Idempotency-Key` header (400 when
 * malformed), or for the HTML form: the form definition for the posted item (400 when there is
 * none) and the posted fields shaped by it.
 *
 * The HTML form's own fields (honeypot, render time, rows shown, the button pressed) are kept
 * apart from the answers: the page uses them for the no-JS "add a row" button, the accept step
 * for the spam checks and to give the form back as it was.
 */
import type { FormDef, Values } from '#src/domain/forms/types.ts';
import { FILE_LIMITS } from '#src/domain/forms/files.ts';
import { isFormId, META } from '#src/domain/forms/index.ts';
import { fromFormEntries } from '#src/domain/forms/validate.ts';
import type { FormId } from '#src/domain/schemas/catalogue.ts';
import type { Municipality } from '#src/domain/schemas/municipality.ts';
import type { Locale } from '#src/i18n/index.ts';
import { DOWNLOAD_COOKIE } from '../downloads/store.ts';
import { formKeySecret, verifyFormKey } from '../form-key.ts';
import { requestCookie } from '../http/cookies.ts';
import { isIdempotencyKey } from '../idempotency.ts';
import type { HandlerDeps, HandlerInput, PostedRequest } from './deps.ts';
import { definitionFor, publishedItem } from './form-lookup.ts';
import type { RawUpload } from './multipart.ts';
import { rejected, type Kept, type Outcome } from './outcome.ts';
import { readBody, type ReadBody } from './read-body.ts';

export interface PostedSubmission {
  municipality: Municipality;
  form: FormId;
  /** The item id as posted (JSON `item`, the HTML form's hidden `item` field). */
  itemId?: string;
  /** The answers: the JSON `answers` as sent, or the HTML form's fields shaped by the form definition. */
  values: Values;
  /** Posted field names the form does not have (HTML form; the JSON body's shape is checked whole). */
  unknown: string[];
  /**
   * The idempotency key: the JSON `Idempotency-Key` header, or the HTML form's key when this
   * server signed it (a forged or unsigned one is dropped, so a fresh key is used).
   */
  idempotencyKey?: string;
  /** The language the application is stored in: the JSON `locale`, or the page's UI language. */
  locale?: Locale;
  files: RawUpload[];
  fileFlags: { tooManyFiles: boolean; totalTooLarge: boolean };
  /** The HTML form's own fields; absent for JSON. */
  page?: PageFields;
}

export interface PageFields {
  /** The form definition the fields were read with. */
  def: FormDef;
  /** The hidden trap field: a person leaves it empty. */
  honeypot: string;
  /** When the form was rendered (ms since epoch), as posted; NaN when missing. */
  renderedAt: number;
  /**
   * The first render's time, kept through error pages and added rows, so the minimum fill time
   * counts from when the resident first saw the form, not from the last re-render. Only a time
   * in the past counts.
   */
  firstRender?: number;
  /** The submit button pressed: `add:<section>` for "add another", '' for sending. */
  action: string;
  /** How many rows each repeated section shows for these answers. */
  rows: Record<string, number>;
  /** The download cookie this browser holds, if any (a replayed post gets its download back). */
  downloadCookie?: string;
}

type ReadSubmission = { ok: true; submission: PostedSubmission } | { ok: false; outcome: Outcome };

/**
 * Rows shown per repeated section: the rows posted or asked for (`rows.<section>`), at least the
 * section's initial count, at most its maximum.
 */
export function rowsShown(
  def: FormDef,
  values: Values,
  asked: (section: string) => string | undefined,
): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const s of def.sections) {
    if (!s.repeat) continue;
    const have = Array.isArray(values[s.id]) ? (values[s.id] as unknown[]).length : 0;
    const wanted = Number(asked(s.id) ?? 0);
    rows[s.id] = Math.min(s.repeat.max, Math.max(s.repeat.initial, have, Number.isFinite(wanted) ? wanted : 0));
  }
  return rows;
}

/** What the form shows again of this submission: everything typed (never the files), with these rows. */
export function keptOf(submission: PostedSubmission, rows: Record<string, number>): Kept {
  return {
    values: submission.values,
    rows,
    ...(submission.itemId ? { item: submission.itemId } : {}),
    ...(submission.idempotencyKey ? { idempotencyKey: submission.idempotencyKey } : {}),
    ...(submission.page?.firstRender ? { renderedAt: submission.page.firstRender } : {}),
  };
}

const isMeta = (name: string): boolean =>
  name === META.honeypot ||
  name === META.renderedAt ||
  name === META.idempotencyKey ||
  name === META.item ||
  name === META.action ||
  name.startsWith(META.rowsPrefix);

export async function readSubmission(input: HandlerInput, deps: HandlerDeps): Promise<ReadSubmission> {
  if (input.request.method !== 'POST') return refuse(rejected(405, 'METHOD_NOT_ALLOWED', 'error.request.method'));
  const municipality = deps.catalogue.municipalities.find((m) => m.id === input.municipality);
  if (!municipality || !isFormId(input.form)) return refuse(rejected(404, 'NOT_FOUND', 'error.item.unknown'));
  const read = await readBody(input, deps.maxBodyBytes);
  if (!read.ok) return read;
  const target = { municipality, form: input.form };
  return 'json' in read ? fromJson(read, input.request, target) : fromHtmlForm(read, input, target, deps);
}

const refuse = (outcome: Outcome): ReadSubmission => ({ ok: false, outcome });

type Target = Pick<PostedSubmission, 'municipality' | 'form'>;

/** The API's JSON body: answers as sent, the key from the `Idempotency-Key` header. */
function fromJson(read: Extract<ReadBody, { json: unknown }>, request: PostedRequest, target: Target): ReadSubmission {
  const header = request.headers.get('idempotency-key');
  if (header !== null && !isIdempotencyKey(header))
    return refuse(rejected(400, 'IDEMPOTENCY_KEY_INVALID', 'error.shape'));
  return {
    ok: true,
    submission: {
      ...target,
      ...(read.json.item !== undefined ? { itemId: read.json.item } : {}),
      values: read.json.answers as Values,
      unknown: [],
      ...(header !== null ? { idempotencyKey: header } : {}),
      ...(read.json.locale ? { locale: read.json.locale } : {}),
      files: read.files,
      fileFlags: { tooManyFiles: read.files.length > FILE_LIMITS.maxFiles, totalTooLarge: false },
    },
  };
}

/** The page's form post: its own fields apart, the answers shaped by the form definition for the posted item. */
async function fromHtmlForm(
  read: Extract<ReadBody, { fields: unknown }>,
  input: HandlerInput,
  target: Target,
  deps: HandlerDeps,
): Promise<ReadSubmission> {
  const posted = new Map<string, string>();
  const answerFields: [string, string][] = [];
  for (const [name, value] of read.fields) {
    if (isMeta(name)) posted.set(name, value);
    else answerFields.push([name, value]);
  }
  const itemId = posted.get(META.item) || undefined;
  const postedKey = posted.get(META.idempotencyKey);
  const key = verifyFormKey(deps.formKeySecret ?? (await formKeySecret()), postedKey) ? postedKey : undefined;
  const { municipality, form } = target;
  const def = definitionFor(
    deps.catalogue,
    municipality.id,
    form,
    publishedItem(deps.catalogue, municipality.id, itemId),
  );
  if (!def) return refuse(rejected(400, 'ITEM_UNKNOWN', 'error.item.unknown'));
  const { values, unknown } = fromFormEntries(def, answerFields);
  const renderedAt = Number(posted.get(META.renderedAt));
  const now = (deps.now?.() ?? new Date()).getTime();
  const downloadCookie = requestCookie(input.request, DOWNLOAD_COOKIE);
  return {
    ok: true,
    submission: {
      ...target,
      ...(itemId ? { itemId } : {}),
      values,
      unknown,
      ...(key ? { idempotencyKey: key } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
      files: read.parsed.files,
      fileFlags: { tooManyFiles: read.parsed.tooManyFiles, totalTooLarge: read.parsed.totalTooLarge },
      page: {
        def,
        honeypot: posted.get(META.honeypot) ?? '',
        renderedAt,
        ...(Number.isFinite(renderedAt) && renderedAt > 0 && renderedAt <= now ? { firstRender: renderedAt } : {}),
        action: posted.get(META.action) ?? '',
        rows: rowsShown(def, values, (section) => posted.get(`${META.rowsPrefix}${section}`)),
        ...(downloadCookie !== undefined ? { downloadCookie } : {}),
      },
    },
  };
}

/**
 * The application handler: framework-free, `(Request, context) → Outcome`. The page (HTML form,
 * multipart) and the JSON endpoint are thin adapters around it (respond.ts, the .astro page).
 *
 * Order: method → municipality/form → content type → body within MAX_BODY_BYTES while
 * streaming (413) → parse (broken multipart 400) → item → honeypot and minimum fill time →
 * validation with the shared schema (400 + field errors) → idempotency (same key, same
 * reference, one e-mail) → reference → the validated record fsync'ed into the outbox → only
 * then the reference is shown. The e-mails, the PDF and application.json are rendered later by
 * the outbox worker; the resident's PDF is rendered when they download it (downloads/store.ts). Same-origin and the per-IP rate limit are applied to every
 * POST by the server before this runs (src/server/guards, main.ts).
 *
 * Honeypot filled or posted faster than MIN_FILL_MS: the form is re-rendered with a neutral
 * "please check and send again" message and a fresh render time — never a fake success. A person
 * whose browser autofilled the trap, or who was very quick, loses nothing and can send again; a
 * silently dropped real application (the resident believes they applied) would be the worst
 * outcome. JSON clients are integrations: no honeypot or fill time, the rate limit applies.
 */
import { randomBytes } from 'node:crypto';
import { publishedItemsFor, type Catalogue } from '#src/data/build-catalogue.ts';
import { FILE_LIMITS } from '#src/domain/forms/files.ts';
import { formDefinition, isFormId, ITEM_FORMS, META, MIN_FILL_MS } from '#src/domain/forms/index.ts';
import { parseAnswers } from '#src/domain/forms/schema.ts';
import type { FormDef, Values } from '#src/domain/forms/types.ts';
import { fromFormEntries } from '#src/domain/forms/validate.ts';
import type { CatalogueItem, FormId } from '#src/domain/schemas/catalogue.ts';
import type { Locale } from '#src/i18n/index.ts';
import { formKeySecret, verifyFormKey } from '../form-key.ts';
import { canonicalBodyHash, IdempotencyError, isIdempotencyKey, withIdempotency } from '../idempotency.ts';
import { logger } from '../log.ts';
import { OutboxError } from '../outbox/index.ts';
import { DOWNLOAD_COOKIE, getDownload, putDownload } from '../downloads/store.ts';
import type { RecordItem } from '../outbox/record.ts';
import { storeApplication } from './store.ts';
import type { RawUpload } from './multipart.ts';
import { readBody } from './read-body.ts';
import { rejected, type ErrorItem, type Outcome } from './outcome.ts';
import { checkUploads } from './uploads.ts';

export interface HandlerInput {
  request: Request;
  municipality: string;
  form: string;
  /** html: the page's multipart form; json: the API. */
  mode: 'html' | 'json';
  /** UI language of the page (html); JSON bodies may say `locale`. */
  locale?: Locale;
}

export interface HandlerDeps {
  catalogue: Catalogue;
  maxBodyBytes: number;
  /** Directories (tests); default: configured. */
  outboxDir?: string;
  idempotencyDir?: string;
  downloadsDir?: string;
  now?: () => Date;
  minFillMs?: number;
  /** Secret that signs the HTML form's idempotency key; default: the configured one (form-key.ts). */
  formKeySecret?: Uint8Array;
}

/** The value of one cookie in the request, if sent. */
function requestCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function rowsFrom(def: FormDef, values: Values, posted: Map<string, string>): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const s of def.sections) {
    if (!s.repeat) continue;
    const have = Array.isArray(values[s.id]) ? (values[s.id] as unknown[]).length : 0;
    const asked = Number(posted.get(`${META.rowsPrefix}${s.id}`) ?? 0);
    rows[s.id] = Math.min(s.repeat.max, Math.max(s.repeat.initial, have, Number.isFinite(asked) ? asked : 0));
  }
  return rows;
}

// The catalogue is fixed for the life of the process: the published items of a municipality and
// the form definitions (with their compiled schemas, see parseAnswers) are built once, not per
// request — they were the largest cost of answering an invalid application.
const itemCache = new WeakMap<Catalogue, Map<string, Map<string, CatalogueItem>>>();
const defCache = new WeakMap<Catalogue, Map<string, FormDef | null>>();

function resolveItem(deps: HandlerDeps, municipality: string, id: string | undefined): CatalogueItem | undefined {
  if (!id) return undefined;
  let byMunicipality = itemCache.get(deps.catalogue);
  if (!byMunicipality) itemCache.set(deps.catalogue, (byMunicipality = new Map()));
  let items = byMunicipality.get(municipality);
  if (!items) {
    const m = deps.catalogue.municipalities.find((x) => x.id === municipality);
    items = new Map(m ? publishedItemsFor(deps.catalogue, m).map((i) => [i.id, i]) : []);
    byMunicipality.set(municipality, items);
  }
  return items.get(id);
}

function definitionFor(
  deps: HandlerDeps,
  municipality: string,
  form: FormId,
  item: CatalogueItem | undefined,
): FormDef | null {
  let defs = defCache.get(deps.catalogue);
  if (!defs) defCache.set(deps.catalogue, (defs = new Map()));
  const key = `${municipality}\0${form}\0${item?.id ?? ''}`;
  let def = defs.get(key);
  if (def === undefined) defs.set(key, (def = formDefinition(form, item)));
  return def;
}

export async function handleApplication(input: HandlerInput, deps: HandlerDeps): Promise<Outcome> {
  if (input.request.method !== 'POST') return rejected(405, 'METHOD_NOT_ALLOWED', 'error.request.method');
  const municipality = deps.catalogue.municipalities.find((m) => m.id === input.municipality);
  if (!municipality || !isFormId(input.form)) return rejected(404, 'NOT_FOUND', 'error.item.unknown');
  const form = input.form;
  const read = await readBody(input, deps.maxBodyBytes);
  if (!read.ok) return read.outcome;

  let values: Values;
  let unknown: string[] = [];
  let itemId: string | undefined;
  let key: string | undefined;
  let firstRender: number | undefined;
  let files: RawUpload[];
  let flags = { tooManyFiles: false, totalTooLarge: false };
  const posted = new Map<string, string>();
  const spamErrors: ErrorItem[] = [];

  if ('json' in read) {
    itemId = read.json.item;
    files = read.files;
    flags.tooManyFiles = files.length > FILE_LIMITS.maxFiles;
    const header = input.request.headers.get('idempotency-key');
    if (header !== null && !isIdempotencyKey(header)) return rejected(400, 'IDEMPOTENCY_KEY_INVALID', 'error.shape');
    key = header ?? undefined;
    values = read.json.answers as Values;
  } else {
    const answerFields: [string, string][] = [];
    for (const [name, value] of read.fields) {
      if (
        name === META.honeypot ||
        name === META.renderedAt ||
        name === META.idempotencyKey ||
        name === META.item ||
        name === META.action ||
        name.startsWith(META.rowsPrefix)
      ) {
        posted.set(name, value);
      } else answerFields.push([name, value]);
    }
    itemId = posted.get(META.item) || undefined;
    // Only a key this server signed counts; a forged or unsigned one is ignored (a fresh key is used).
    const postedKey = posted.get(META.idempotencyKey);
    key = verifyFormKey(deps.formKeySecret ?? (await formKeySecret()), postedKey) ? postedKey : undefined;
    files = read.parsed.files;
    flags = { tooManyFiles: read.parsed.tooManyFiles, totalTooLarge: read.parsed.totalTooLarge };
    const item = resolveItem(deps, municipality.id, itemId);
    const def = definitionFor(deps, municipality.id, form, item);
    if (!def) return rejected(400, 'ITEM_UNKNOWN', 'error.item.unknown');
    const entries = fromFormEntries(def, answerFields);
    values = entries.values;
    unknown = entries.unknown;
    const rows = rowsFrom(def, values, posted);
    // The first render's time is kept through error pages and added rows, so the minimum fill
    // time counts from when the resident first saw the form, not from the last re-render.
    const renderedAt = Number(posted.get(META.renderedAt));
    if (Number.isFinite(renderedAt) && renderedAt > 0 && renderedAt <= (deps.now?.() ?? new Date()).getTime())
      firstRender = renderedAt;
    const action = posted.get(META.action) ?? '';
    const addTo = /^add:([a-z]+)$/.exec(action)?.[1];
    if (addTo && def.sections.some((s) => s.id === addTo && s.repeat)) {
      const s = def.sections.find((x) => x.id === addTo)!;
      rows[addTo] = Math.min(s.repeat!.max, (rows[addTo] ?? 0) + 1);
      return {
        kind: 'add-row',
        values,
        rows,
        ...(itemId ? { item: itemId } : {}),
        ...(key ? { idempotencyKey: key } : {}),
        ...(firstRender ? { renderedAt: firstRender } : {}),
      };
    }
    const now = (deps.now?.() ?? new Date()).getTime();
    if (
      (posted.get(META.honeypot) ?? '') !== '' ||
      !Number.isFinite(renderedAt) ||
      now - renderedAt < (deps.minFillMs ?? MIN_FILL_MS)
    ) {
      spamErrors.push({ path: '_form', key: 'error.spam.check' });
    }
  }

  const item = resolveItem(deps, municipality.id, itemId);
  if (itemId && !item) return rejected(400, 'ITEM_UNKNOWN', 'error.item.unknown');
  if (!item && ITEM_FORMS.includes(form)) return rejected(400, 'ITEM_REQUIRED', 'error.item.unknown');
  const def = definitionFor(deps, municipality.id, form, item);
  if (!def) return rejected(400, 'ITEM_UNKNOWN', 'error.item.unknown');

  const rows = rowsFrom(def, values, posted);
  const keep = {
    values,
    rows,
    ...(itemId ? { item: itemId } : {}),
    ...(key ? { idempotencyKey: key } : {}),
    ...(firstRender ? { renderedAt: firstRender } : {}),
  };
  const errors: ErrorItem[] = [...spamErrors, ...unknown.map((path) => ({ path, key: 'error.unknownField' }))];
  const parsedAnswers = parseAnswers(def, values);
  if (!parsedAnswers.ok) errors.push(...parsedAnswers.errors);
  const checked = checkUploads(files, flags, def.attachments);
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
  try {
    const { reference, replayed } = await withIdempotency(
      {
        key: key && isIdempotencyKey(key) ? key : randomBytes(18).toString('base64url'),
        scope: `${municipality.id}/${form}`,
        prefix: municipality.referencePrefix,
        bodyHash,
        ...(deps.idempotencyDir ? { dir: deps.idempotencyDir } : {}),
      },
      async (reference) => {
        stored = await storeApplication(
          {
            reference,
            municipality,
            ...(item ? { item } : {}),
            def,
            values: parsedAnswers.values,
            uiLocale: ('json' in read ? read.json.locale : input.locale) ?? 'lv',
            submittedAt,
            uploads: checked.uploads,
          },
          deps.outboxDir,
        );
      },
    );
    logger.info('application.accepted', {
      reference,
      form,
      municipality: municipality.id,
      replayed,
      attachments: checked.uploads.length,
    });
    // A new download token is minted only by the request whose store call wrote the application
    // (`stored`): a replay of a stored key never gets a new one — the browser that sent it first
    // holds its cookie. A retry after a 503 (key pending, nothing stored yet) is that first store.
    // JSON clients (integrations) get no download: the cookie is for the resident's browser.
    let downloadToken: string | undefined;
    if (input.mode === 'html') {
      try {
        const dir = deps.downloadsDir ? { dir: deps.downloadsDir } : {};
        if (stored) downloadToken = await putDownload(stored, dir);
        else {
          // A replay gets the download back only when the caller already holds it (the original
          // download cookie, still unused and for this reference).
          const held = requestCookie(input.request, DOWNLOAD_COOKIE);
          const found = held ? await getDownload(held, dir) : undefined;
          if (held && found?.state === 'ok' && found.reference === reference) downloadToken = held;
        }
      } catch {
        logger.warn('application.download_unavailable', { reference });
      }
    }
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

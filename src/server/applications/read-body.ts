/**
 * Reads a request body within MAX_BODY_BYTES (cut off while streaming): multipart/urlencoded for
 * the HTML form (busboy, limits on fields and files), or JSON (strict shape, files as base64).
 * Every failure becomes a rejected Outcome with a status and an i18n key — never a throw.
 * A body arriving slower than MIN_UPLOAD_BYTES_PER_SECOND (after a grace period) gets 408.
 *
 * JSON attachments are not held several times: the raw bytes are dropped once decoded to text,
 * the text once parsed, and each base64 string once decoded — what stays is one copy of each
 * file (the base64 strings are removed from the returned body).
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { FILE_LIMITS } from '#src/domain/forms/files.ts';
import { getConfig } from '../env.ts';
import { isGuardError, limitedNodeStream, readBodyLimited, UPLOAD_GRACE_MS, type UploadPace } from '../guards/index.ts';
import type { PostedRequest } from './deps.ts';
import { MultipartError, parseFormStream, type ParsedForm, type RawUpload } from './multipart.ts';
import { rejected, type Outcome } from './outcome.ts';

const jsonBodySchema = z.strictObject({
  locale: z.enum(['lv', 'ru']).optional(),
  item: z.string().max(64).optional(),
  answers: z.record(z.string(), z.unknown()),
  attachments: z
    .array(
      z.strictObject({
        filename: z.string().max(255),
        contentBase64: z.string().max(Math.ceil((FILE_LIMITS.maxFileBytes * 4) / 3) + 8),
      }),
    )
    .max(FILE_LIMITS.maxFiles + 1)
    .optional(),
});

function mediaType(request: PostedRequest): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export type ReadBody =
  | { ok: true; fields: [string, string][]; parsed: ParsedForm }
  | { ok: true; json: z.infer<typeof jsonBodySchema>; files: RawUpload[] }
  | { ok: false; outcome: Outcome };

/** The configured minimum upload rate (MIN_UPLOAD_BYTES_PER_SECOND after UPLOAD_GRACE_MS). */
function configuredPace(): UploadPace {
  return { minBytesPerSecond: getConfig().MIN_UPLOAD_BYTES_PER_SECOND, graceMs: UPLOAD_GRACE_MS };
}

/** Parses the JSON text; undefined when broken. Releases nothing itself — the caller drops `text`. */
function parseJson(text: string): unknown {
  // A "__proto__" key would become an object's prototype once copied: refuse such bodies. The
  // per-key check (a reviver) is slow, so it runs only when the text could spell that key:
  // literally, or with a \u escape.
  if (!text.includes('__proto__') && !text.includes('\\u')) return JSON.parse(text);
  return JSON.parse(text, (key, value: unknown) => {
    if (key === '__proto__') throw new SyntaxError('__proto__ key');
    return value;
  });
}

export async function readBody(
  input: { request: PostedRequest; mode: 'html' | 'json' },
  maxBodyBytes: number,
  pace: UploadPace = configuredPace(),
): Promise<ReadBody> {
  const type = mediaType(input.request);
  try {
    if (input.mode === 'json') {
      if (type !== 'application/json')
        return { ok: false, outcome: rejected(415, 'UNSUPPORTED_MEDIA_TYPE', 'error.request.contentType') };
      let bytes: Uint8Array | undefined = await readBodyLimited(input.request, maxBodyBytes, pace);
      let data: unknown;
      try {
        let text: string | undefined = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        bytes = undefined; // the raw bytes are garbage from here on
        data = parseJson(text);
        text = undefined;
      } catch {
        return { ok: false, outcome: rejected(400, 'JSON_BROKEN', 'error.request.json') };
      }
      const body = jsonBodySchema.safeParse(data);
      data = undefined;
      if (!body.success) return { ok: false, outcome: rejected(400, 'JSON_SHAPE', 'error.shape') };
      const files: RawUpload[] = [];
      for (const a of body.data.attachments ?? []) {
        const decoded = Buffer.from(a.contentBase64, 'base64');
        a.contentBase64 = ''; // drop the base64 text: only the decoded file is kept
        const truncated = decoded.byteLength > FILE_LIMITS.maxFileBytes;
        files.push({
          field: 'attachments',
          name: a.filename,
          bytes: truncated ? decoded.subarray(0, FILE_LIMITS.maxFileBytes) : decoded,
          truncated,
        });
      }
      return { ok: true, json: body.data, files };
    }
    if (type !== 'multipart/form-data' && type !== 'application/x-www-form-urlencoded') {
      return { ok: false, outcome: rejected(415, 'UNSUPPORTED_MEDIA_TYPE', 'error.request.contentType') };
    }
    const stream = input.request.body ? limitedNodeStream(input.request, maxBodyBytes, pace) : Readable.from([]);
    const parsed = await parseFormStream(stream, input.request.headers.get('content-type') ?? '');
    return { ok: true, fields: parsed.fields, parsed };
  } catch (err) {
    if (isGuardError(err)) {
      if (err.code === 'BODY_TOO_LARGE')
        return { ok: false, outcome: rejected(413, err.code, 'error.request.tooLarge') };
      if (err.code === 'BODY_TOO_SLOW') return { ok: false, outcome: rejected(408, err.code, 'error.request.tooSlow') };
      return { ok: false, outcome: rejected(400, err.code, 'error.request.multipart') };
    }
    if (err instanceof MultipartError) {
      return {
        ok: false,
        outcome: rejected(
          err.code === 'MULTIPART_LIMITS' ? 413 : 400,
          err.code,
          err.code === 'MULTIPART_LIMITS' ? 'error.request.tooLarge' : 'error.request.multipart',
        ),
      };
    }
    return { ok: false, outcome: rejected(400, 'BODY_ABORTED', 'error.request.multipart') };
  }
}

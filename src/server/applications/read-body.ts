/**
 * Reads a request body within MAX_BODY_BYTES (cut off while streaming): multipart/urlencoded for
 * the HTML form (busboy, limits on fields and files), or JSON (strict shape, files as base64).
 * Every failure becomes a rejected Outcome with a status and an i18n key — never a throw.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { FILE_LIMITS } from '../../domain/forms/files.ts';
import { isGuardError, limitedNodeStream, readBodyLimited } from '../guards/index.ts';
import { MultipartError, parseFormStream, type ParsedForm, type RawUpload } from './multipart.ts';
import { rejected, type Outcome } from './outcome.ts';

export const jsonBodySchema = z.strictObject({
  locale: z.enum(['lv', 'ru']).optional(),
  item: z.string().max(64).optional(),
  answers: z.record(z.string(), z.unknown()),
  attachments: z
    .array(z.strictObject({ filename: z.string().max(255), contentBase64: z.string().max(Math.ceil((FILE_LIMITS.maxFileBytes * 4) / 3) + 8) }))
    .max(FILE_LIMITS.maxFiles + 1)
    .optional(),
});

export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export type ReadBody =
  | { ok: true; fields: [string, string][]; parsed: ParsedForm }
  | { ok: true; json: z.infer<typeof jsonBodySchema>; files: RawUpload[] }
  | { ok: false; outcome: Outcome };

export async function readBody(input: { request: Request; mode: 'html' | 'json' }, maxBodyBytes: number): Promise<ReadBody> {
  const type = mediaType(input.request);
  try {
    if (input.mode === 'json') {
      if (type !== 'application/json') return { ok: false, outcome: rejected(415, 'UNSUPPORTED_MEDIA_TYPE', 'error.request.contentType') };
      const bytes = await readBodyLimited(input.request, maxBodyBytes);
      let data: unknown;
      try {
        // A "__proto__" key would become an object's prototype once copied: refuse such bodies.
        data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes), (key, value: unknown) => {
          if (key === '__proto__') throw new SyntaxError('__proto__ key');
          return value;
        });
      } catch {
        return { ok: false, outcome: rejected(400, 'JSON_BROKEN', 'error.request.json') };
      }
      const body = jsonBodySchema.safeParse(data);
      if (!body.success) return { ok: false, outcome: rejected(400, 'JSON_SHAPE', 'error.shape') };
      const files: RawUpload[] = (body.data.attachments ?? []).map((a) => {
        const bytes = Buffer.from(a.contentBase64, 'base64');
        return { field: 'attachments', name: a.filename, bytes: new Uint8Array(bytes.subarray(0, FILE_LIMITS.maxFileBytes)), truncated: bytes.byteLength > FILE_LIMITS.maxFileBytes };
      });
      return { ok: true, json: body.data, files };
    }
    if (type !== 'multipart/form-data' && type !== 'application/x-www-form-urlencoded') {
      return { ok: false, outcome: rejected(415, 'UNSUPPORTED_MEDIA_TYPE', 'error.request.contentType') };
    }
    const stream = input.request.body ? limitedNodeStream(input.request, maxBodyBytes) : Readable.from([]);
    const parsed = await parseFormStream(stream, input.request.headers.get('content-type') ?? '');
    return { ok: true, fields: parsed.fields, parsed };
  } catch (err) {
    if (isGuardError(err)) {
      if (err.code === 'BODY_TOO_LARGE') return { ok: false, outcome: rejected(413, err.code, 'error.request.tooLarge') };
      return { ok: false, outcome: rejected(400, err.code, 'error.request.multipart') };
    }
    if (err instanceof MultipartError) {
      return { ok: false, outcome: rejected(err.code === 'MULTIPART_LIMITS' ? 413 : 400, err.code, err.code === 'MULTIPART_LIMITS' ? 'error.request.tooLarge' : 'error.request.multipart') };
    }
    return { ok: false, outcome: rejected(400, 'BODY_ABORTED', 'error.request.multipart') };
  }
}

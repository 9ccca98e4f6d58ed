/**
 * Streaming multipart/form-data (and urlencoded) parsing with busboy and hard limits: number of
 * fields, field size, number and size of files. The body arrives through the runtime's
 * `limitedNodeStream`, which cuts it off past MAX_BODY_BYTES while streaming.
 */
import busboy from 'busboy';
import type { Readable } from 'node:stream';
import { FILE_LIMITS } from '#src/domain/forms/files.ts';

export interface RawUpload {
  field: string;
  name: string;
  bytes: Uint8Array;
  /** Cut off at maxFileBytes. */
  truncated: boolean;
}

export interface ParsedForm {
  fields: [string, string][];
  files: RawUpload[];
  /** More files than allowed were sent (the extra ones were discarded). */
  tooManyFiles: boolean;
  /** All files together passed maxTotalBytes (content beyond was discarded). */
  totalTooLarge: boolean;
}

export class MultipartError extends Error {
  readonly code: 'MULTIPART_BROKEN' | 'MULTIPART_LIMITS';
  constructor(code: MultipartError['code'], message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'MultipartError';
    this.code = code;
  }
}

const FORM_LIMITS = { fields: 400, fieldSize: 32 * 1024, parts: 450, fieldNameSize: 100 } as const;

export function parseFormStream(body: Readable, contentType: string, limits = FILE_LIMITS): Promise<ParsedForm> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: { 'content-type': contentType },
        defParamCharset: 'utf8',
        limits: { ...FORM_LIMITS, files: limits.maxFiles, fileSize: limits.maxFileBytes },
      });
    } catch (err) {
      reject(new MultipartError('MULTIPART_BROKEN', 'bad content-type boundary', { cause: err }));
      return;
    }
    const out: ParsedForm = { fields: [], files: [], tooManyFiles: false, totalTooLarge: false };
    let total = 0;
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      body.unpipe(bb);
      body.resume();
      reject(err);
    };
    bb.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated)
        return fail(new MultipartError('MULTIPART_LIMITS', 'field too long'));
      out.fields.push([name, value]);
    });
    bb.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      stream.on('data', (c: Buffer) => {
        size += c.byteLength;
        total += c.byteLength;
        if (total > limits.maxTotalBytes) out.totalTooLarge = true;
        if (!out.totalTooLarge) chunks.push(c);
      });
      stream.on('limit', () => {
        truncated = true;
      });
      stream.on('close', () => {
        // An empty file input posts a part with no name and no bytes: not an upload.
        if (size === 0 && !info.filename) return;
        out.files.push({
          field,
          name: info.filename ?? '',
          bytes: out.totalTooLarge ? new Uint8Array() : new Uint8Array(Buffer.concat(chunks)),
          truncated,
        });
      });
      stream.on('error', (err) => fail(err));
    });
    bb.on('filesLimit', () => {
      out.tooManyFiles = true;
    });
    bb.on('fieldsLimit', () => fail(new MultipartError('MULTIPART_LIMITS', 'too many fields')));
    bb.on('partsLimit', () => fail(new MultipartError('MULTIPART_LIMITS', 'too many parts')));
    bb.on('error', (err) => fail(new MultipartError('MULTIPART_BROKEN', 'malformed multipart body', { cause: err })));
    bb.on('close', () => {
      if (!failed) resolve(out);
    });
    body.on('error', (err) => fail(err));
    body.pipe(bb);
  });
}

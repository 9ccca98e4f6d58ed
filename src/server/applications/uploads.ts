/** Uploaded files → checked attachments (type by content, size limits, safe names), or errors. */
import type { FieldError } from '#src/domain/field-error.ts';
import { FILE_LIMITS, FILE_TYPES, safeFileName, sniffFileKind } from '#src/domain/forms/files.ts';
import type { RawUpload } from './multipart.ts';
import type { Upload } from './types.ts';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Bidirectional-text controls (embeddings, overrides, isolates, marks): in a file name they can
 * make "rēķins‮fdp.exe" display as "rēķinsexe.pdf" in the staff's mail client.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

function withoutBidiControls(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}

export function checkUploads(
  files: RawUpload[],
  flags: { tooManyFiles: boolean; totalTooLarge: boolean },
  allowed: boolean,
  limits = FILE_LIMITS,
): { uploads: Upload[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const uploads: Upload[] = [];
  if (!allowed && files.length) return { uploads, errors: [{ path: 'attachments', key: 'error.file.notAllowed' }] };
  if (flags.tooManyFiles || files.length > limits.maxFiles)
    errors.push({ path: 'attachments', key: 'error.file.tooMany', params: { max: limits.maxFiles } });
  if (flags.totalTooLarge)
    errors.push({ path: 'attachments', key: 'error.file.totalTooLarge', params: { max: mb(limits.maxTotalBytes) } });
  files.forEach((f, i) => {
    const name = withoutBidiControls(f.name);
    const shown = safeFileName(name, 'pdf').replace(/\.pdf$/, '') || 'pielikums';
    if (f.field !== 'attachments') {
      errors.push({ path: 'attachments', key: 'error.unknownField' });
      return;
    }
    if (f.truncated) {
      errors.push({
        path: 'attachments',
        key: 'error.file.tooLarge',
        params: { name: shown, max: mb(limits.maxFileBytes) },
      });
      return;
    }
    if (flags.totalTooLarge) return;
    if (f.bytes.byteLength === 0) {
      errors.push({ path: 'attachments', key: 'error.file.empty', params: { name: shown } });
      return;
    }
    const kind = sniffFileKind(f.bytes);
    if (!kind) {
      errors.push({ path: 'attachments', key: 'error.file.type', params: { name: shown } });
      return;
    }
    uploads.push({
      file: `attachment-${i + 1}.${FILE_TYPES[kind].ext}`,
      filename: safeFileName(name, kind),
      kind,
      contentType: FILE_TYPES[kind].contentType,
      content: f.bytes,
    });
  });
  return { uploads, errors };
}

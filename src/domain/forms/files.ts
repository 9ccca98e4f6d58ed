/**
 * Attachments: the type is decided by the bytes, never by the name or the browser's MIME type
 * (both are whatever the sender says). Allowed: PDF, JPEG, PNG and e-signed ASiC-E containers (.edoc / .asice, MK 473).
 */

export const FILE_LIMITS = {
  /** Per file. A phone photo of a document is 2–6 MB; a scanned PDF rarely more. */
  maxFileBytes: 10 * 1024 * 1024,
  /** All files of one application together. */
  maxTotalBytes: 20 * 1024 * 1024,
  maxFiles: 10,
} as const;

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'asice';

export const FILE_TYPES: Record<FileKind, { contentType: string; ext: string }> = {
  pdf: { contentType: 'application/pdf', ext: 'pdf' },
  jpeg: { contentType: 'image/jpeg', ext: 'jpg' },
  png: { contentType: 'image/png', ext: 'png' },
  asice: { contentType: 'application/vnd.etsi.asic-e+zip', ext: 'asice' },
};

/** `accept` attribute for the file input (a hint for the picker; the server sniffs anyway). */
export const FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.edoc,.asice,application/pdf,image/jpeg,image/png';

const ASICE_MIMETYPE = 'application/vnd.etsi.asic-e+zip';

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

/**
 * The file's kind from its first bytes, or null. An ASiC-E container is a ZIP whose first entry
 * is an uncompressed file named `mimetype` holding `application/vnd.etsi.asic-e+zip`
 * (ETSI EN 319 162-1 §A.1); any other ZIP is refused.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && bytes.length >= 30) {
    const method = bytes[8]! | (bytes[9]! << 8);
    const nameLen = bytes[26]! | (bytes[27]! << 8);
    const extraLen = bytes[28]! | (bytes[29]! << 8);
    const name = String.fromCharCode(...bytes.subarray(30, 30 + nameLen));
    const start = 30 + nameLen + extraLen;
    const content = String.fromCharCode(...bytes.subarray(start, start + ASICE_MIMETYPE.length));
    if (method === 0 && name === 'mimetype' && content === ASICE_MIMETYPE) return 'asice';
  }
  return null;
}

/**
 * A file name safe for an e-mail attachment and a disk: no directories, no control or reserved
 * characters, no leading dots, at most 100 characters, extension matching the real content
 * (`.edoc` kept for ASiC-E, the Latvian name for the same container).
 */
export function safeFileName(raw: string, kind: FileKind): string {
  const base = (raw.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '');
  const dot = base.lastIndexOf('.');
  const stem =
    (dot > 0 ? base.slice(0, dot) : base)
      .slice(0, 90)
      .trim()
      .replace(/[.\s]+$/, '') || 'pielikums';
  const givenExt = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const ext =
    kind === 'asice' && givenExt === 'edoc'
      ? 'edoc'
      : kind === 'jpeg' && givenExt === 'jpeg'
        ? 'jpeg'
        : FILE_TYPES[kind].ext;
  return `${stem}.${ext}`;
}

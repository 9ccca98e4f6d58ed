/** Attachment names lose bidirectional-text controls, in the stored name and in error messages. */
import { describe, expect, it } from 'vitest';
import { checkUploads } from '#src/server/applications/uploads.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('attachment names', () => {
  it('lose bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C)', () => {
    const names = [
      'rēķins\u202Efdp.exe',
      '\u2066izziņa\u2069\u200E.pdf',
      'a\u202Ab\u202Bc\u202Cd\u202De\u2067f\u2068g\u200Fh\u061C.pdf',
    ];
    const { uploads, errors } = checkUploads(
      names.map((name) => ({ field: 'attachments', name, bytes: PDF, truncated: false })),
      { tooManyFiles: false, totalTooLarge: false },
      true,
    );
    expect(errors).toEqual([]);
    expect(uploads.map((u) => u.filename)).toEqual(['rēķinsfdp.pdf', 'izziņa.pdf', 'abcdefgh.pdf']);
    for (const u of uploads) expect(u.filename).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    // Also in the name quoted by an error message.
    const bad = checkUploads(
      [{ field: 'attachments', name: 'x\u202Eexe.txt', bytes: new TextEncoder().encode('hello'), truncated: false }],
      { tooManyFiles: false, totalTooLarge: false },
      true,
    );
    expect(JSON.stringify(bad.errors)).not.toMatch(/\\u202e|\u202E/i);
  });
});

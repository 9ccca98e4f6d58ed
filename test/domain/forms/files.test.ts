/** Attachment checks by content (magic bytes) and safe file names. */
import { describe, expect, it } from 'vitest';
import { safeFileName, sniffFileKind } from '#src/domain/forms/files.ts';
import { SAMPLES } from '../../server/applications/helpers.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('file type by content', () => {
  it.each([
    ['PDF', SAMPLES.pdf, 'pdf'],
    ['JPEG (JFIF)', SAMPLES.jpeg, 'jpeg'],
    ['JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0), 'jpeg'],
    ['PNG', SAMPLES.png, 'png'],
    ['ASiC-E (.edoc/.asice)', SAMPLES.asice, 'asice'],
    ['plain ZIP', SAMPLES.zip, null],
    ['ZIP whose first entry is mimetype with another type', zip('mimetype', 'application/vnd.etsi.asic-s+zip'), null],
    ['ZIP with a compressed mimetype entry', zip('mimetype', 'application/vnd.etsi.asic-e+zip', 8), null],
    ['HTML', SAMPLES.html, null],
    ['Windows program', SAMPLES.exe, null],
    [
      'SVG (script-capable image)',
      text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      null,
    ],
    ['GIF', text('GIF89a....'), null],
    ['"PDF" without the dash', text('%PDF1.4'), null],
    ['empty', new Uint8Array(), null],
    ['truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47), null],
  ])('%s → %s', (_name, content, kind) => {
    expect(sniffFileKind(content)).toBe(kind);
  });
});

describe('safe file names', () => {
  it.each([
    ['../../../etc/passwd.pdf', 'pdf', 'passwd.pdf'],
    ['C:\\Users\\Anna\\Desktop\\izziņa.pdf', 'pdf', 'izziņa.pdf'],
    ['.htaccess', 'pdf', 'htaccess.pdf'],
    ['scan\r\nContent-Type: text/html.pdf', 'pdf', 'html.pdf'], // "/" is a path separator: only the last part stays
    ['foto.pdf', 'jpeg', 'foto.jpg'],
    ['foto.JPEG', 'jpeg', 'foto.jpeg'],
    ['iesniegums.edoc', 'asice', 'iesniegums.edoc'],
    ['iesniegums.zip', 'asice', 'iesniegums.asice'],
    ['справка о доходах.png', 'png', 'справка о доходах.png'],
    ['', 'pdf', 'pielikums.pdf'],
    ['...', 'png', 'pielikums.png'],
    ['a<b>c|d?.pdf', 'pdf', 'abcd.pdf'],
  ] as const)('%j as %s → %s', (raw, kind, expected) => {
    expect(safeFileName(raw, kind)).toBe(expected);
  });
  it('caps long names at 90 characters plus the extension', () => {
    expect(safeFileName(`${'ā'.repeat(300)}.pdf`, 'pdf')).toBe(`${'ā'.repeat(90)}.pdf`);
  });
});

function zip(name: string, content: string, method = 0): Uint8Array {
  const n = new TextEncoder().encode(name);
  const c = new TextEncoder().encode(content);
  const h = new Uint8Array(30 + n.length + c.length);
  const dv = new DataView(h.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(8, method, true);
  dv.setUint16(26, n.length, true);
  h.set(n, 30);
  h.set(c, 30 + n.length);
  return h;
}

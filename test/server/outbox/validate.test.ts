/** enqueue refuses what could inject headers or escape the item folder — before touching disk. */
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { enqueue, outboxLayout, safeDisplayFilename, type OutboxItem } from '#src/server/outbox/index.ts';
import { sampleItem, tempDir, testConfig } from '../support/fixtures.ts';

type Mutation = [string, (item: OutboxItem) => void, string];

const mutations: Mutation[] = [
  [
    'CR/LF in subject',
    (i) => (i.messages[0]!.subject = 'Pieteikums\r\nBcc: all@evil.example'),
    'OUTBOX_HEADER_INJECTION',
  ],
  ['LF alone in subject', (i) => (i.messages[0]!.subject = 'a\nb'), 'OUTBOX_HEADER_INJECTION'],
  ['CR/LF in to', (i) => (i.messages[0]!.to = ['a@example.lv\r\nBcc: x@evil.example']), 'OUTBOX_HEADER_INJECTION'],
  [
    'CR/LF in replyTo',
    (i) => (i.messages[0]!.replyTo = 'a@example.lv\nBcc: x@evil.example'),
    'OUTBOX_HEADER_INJECTION',
  ],
  [
    'CR/LF in attachment filename',
    (i) => (i.messages[0]!.attachments[0]!.filename = 'a.pdf\r\nContent-Type: text/html'),
    'OUTBOX_HEADER_INJECTION',
  ],
  ['other control character in subject', (i) => (i.messages[0]!.subject = 'a\u0000b'), 'OUTBOX_INVALID_ITEM'],
  ['two addresses in one to entry', (i) => (i.messages[0]!.to = ['a@example.lv, b@example.lv']), 'OUTBOX_INVALID_ITEM'],
  ['display name in to', (i) => (i.messages[0]!.to = ['Jānis <a@example.lv>']), 'OUTBOX_INVALID_ITEM'],
  ['no recipients', (i) => (i.messages[0]!.to = []), 'OUTBOX_INVALID_ITEM'],
  [
    'slash in attachment filename',
    (i) => (i.messages[0]!.attachments[0]!.filename = '../../etc/passwd'),
    'OUTBOX_INVALID_ITEM',
  ],
  [
    'attachment file outside the item',
    (i) => (i.messages[0]!.attachments[0]!.file = '../item.json'),
    'OUTBOX_INVALID_ITEM',
  ],
  [
    'attachment refers to a missing file',
    (i) => (i.messages[0]!.attachments[0]!.file = 'nope.pdf'),
    'OUTBOX_INVALID_ITEM',
  ],
  ['bad reference', (i) => (i.reference = '../../x'), 'OUTBOX_INVALID_ITEM'],
  ['reference with ambiguous characters', (i) => (i.reference = 'DGV-2026-0OIL1'), 'OUTBOX_INVALID_ITEM'],
  ['duplicate message ids', (i) => i.messages.push({ ...i.messages[0]! }), 'OUTBOX_INVALID_ITEM'],
  [
    'unknown field (path/href/raw never pass)',
    (i) => Object.assign(i.messages[0]!.attachments[0]!, { path: '/etc/passwd' }),
    'OUTBOX_INVALID_ITEM',
  ],
  ['raw on a message', (i) => Object.assign(i.messages[0]!, { raw: 'From: x' }), 'OUTBOX_INVALID_ITEM'],
  ['no messages', (i) => (i.messages = []), 'OUTBOX_INVALID_ITEM'],
  ['bad createdAt', (i) => (i.createdAt = 'yesterday'), 'OUTBOX_INVALID_ITEM'],
];

describe('enqueue validation', () => {
  it.each(mutations)('%s → %s, nothing written', async (_label, mutate, code) => {
    const root = await tempDir('val');
    const config = testConfig(root);
    const { item, files } = sampleItem();
    mutate(item);
    await expect(enqueue(item, files, { dir: config.outboxDir })).rejects.toMatchObject({ code });
    await expect(readdir(outboxLayout(config.outboxDir).queue)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each(['../evil.pdf', '.hidden', 'a/b.pdf', 'a\\b.pdf', 'ā.pdf', '', 'x'.repeat(200)])(
    'refuses our file name %j',
    async (name) => {
      const root = await tempDir('val');
      const { item, files } = sampleItem();
      files[0]!.name = name;
      item.messages[0]!.attachments[0]!.file = name;
      await expect(enqueue(item, files, { dir: testConfig(root).outboxDir })).rejects.toMatchObject({
        code: expect.stringMatching(/OUTBOX_(BAD_FILE_NAME|INVALID_ITEM)/),
      });
    },
  );

  it('accepts Latvian and Cyrillic text in subjects, bodies and display filenames', async () => {
    const root = await tempDir('val');
    const { item, files } = sampleItem();
    item.messages[0]!.subject = 'Pieteikums — Ļubova Šķēle / Любовь Шкеле';
    item.messages[0]!.attachments[0]!.filename = 'Izziņa par ienākumiem — справка.pdf';
    await expect(enqueue(item, files, { dir: testConfig(root).outboxDir })).resolves.toBeUndefined();
  });

  it('safeDisplayFilename strips paths and control characters but keeps letters of any script', () => {
    expect(safeDisplayFilename('C:\\Users\\Jānis\\izziņa.pdf')).toBe('izziņa.pdf');
    expect(safeDisplayFilename('../../справка\r\n.pdf')).toBe('справка.pdf');
    expect(safeDisplayFilename('...')).toBe('pielikums');
    expect(safeDisplayFilename('a"<b>|?.pdf')).toBe('ab.pdf');
  });
});

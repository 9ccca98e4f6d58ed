import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '#src/server/env.ts';
import type { OutboxFile, OutboxItem } from '#src/server/outbox/index.ts';
import { newReference } from '#src/server/reference.ts';

export async function tempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `atbalsts-${label}-`));
}

export function testConfig(root: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    OUTBOX_DIR: join(root, 'outbox'),
    MAIL_DIR: join(root, 'mail'),
    OUTBOX_RETRY_BASE_MS: '50',
    OUTBOX_RETRY_MAX_MS: '200',
    OUTBOX_POLL_MS: '100',
    MAIL_FROM: 'Atbalsts <atbalsts@pasvaldiba.example.lv>',
    ...env,
  });
}

/** A small application with a Latvian staff message (PDF + JSON attached) and a Russian receipt. */
export function sampleItem(reference = newReference('DGV')): { item: OutboxItem; files: OutboxFile[] } {
  const pdf = new TextEncoder().encode('%PDF-1.4\n% Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž — Ж\n%%EOF\n');
  const json = new TextEncoder().encode(JSON.stringify({ schemaVersion: 1, reference }));
  return {
    item: {
      reference,
      municipality: 'daugavpils',
      form: 'question',
      createdAt: new Date().toISOString(),
      messages: [
        {
          id: 'staff',
          to: ['socialais.dienests@example.lv'],
          replyTo: 'iedzivotajs@example.lv',
          subject: `Jautājums ${reference} — Jānis Bērziņš`,
          text: `Pieteikums ${reference}\nValoda: krievu\n`,
          html: `<p>Pieteikums <strong>${reference}</strong></p>`,
          attachments: [
            { filename: 'pieteikums.pdf', contentType: 'application/pdf', file: 'application.pdf' },
            { filename: 'application.json', contentType: 'application/json', file: 'application.json' },
          ],
        },
        {
          id: 'receipt',
          to: ['iedzivotajs@example.lv'],
          subject: `Заявление ${reference} получено`,
          text: `Ваше заявление ${reference} получено.`,
          attachments: [],
        },
      ],
    },
    files: [
      { name: 'application.pdf', content: pdf },
      { name: 'application.json', content: json },
    ],
  };
}

/**
 * Download entries for the resident's PDF: one use, short-lived, keyed by a token that is not
 * stored in clear, purged by the server's timer (not only when someone asks).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '#src/data/index.ts';
import { tFor } from '#src/i18n/index.ts';
import { downloadPdf } from '#src/server/downloads/pdf.ts';
import {
  DOWNLOAD_TTL_MS,
  getDownload,
  purgeExpiredDownloads,
  putDownload,
  takeDownload,
} from '#src/server/downloads/store.ts';
import type { RecordItem } from '#src/server/outbox/record.ts';
import { startOutboxWorker } from '#src/server/outbox/worker.ts';
import { waitUntil } from '../support/logs.ts';
import { tempDir, testConfig } from '../support/fixtures.ts';

const record: RecordItem = {
  version: 2,
  reference: 'DAU-2026-ABCDE',
  municipality: 'daugavpils',
  form: 'question',
  createdAt: '2026-11-23T12:00:00.000Z',
  application: {
    uiLocale: 'ru',
    submittedAt: '2026-11-23T12:00:00.000Z',
    values: { applicant: { givenName: 'Сергей', familyName: 'Петров' } },
    uploads: [],
  },
};

describe('download entries', () => {
  it('work once, with the token never used as a file name', async () => {
    const dir = join(await tempDir('dl'), 'downloads');
    const token = await putDownload(record, { dir });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await readdir(dir)).join()).not.toContain(token);
    expect(await getDownload(token, { dir })).toMatchObject({ state: 'ok', reference: record.reference });
    const taken = await takeDownload(token, { dir });
    expect(taken.state).toBe('ok');
    if (taken.state === 'ok') {
      const pdf = await downloadPdf(taken.record, catalogue, tFor);
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(await takeDownload(token, { dir })).toEqual({ state: 'gone' });
    expect(await getDownload('not a token', { dir })).toEqual({ state: 'invalid' });
  });

  it('expire after the TTL and are purged', async () => {
    const dir = join(await tempDir('dl'), 'downloads');
    const now = Date.now();
    const token = await putDownload(record, { dir, now });
    expect(await getDownload(token, { dir, now: now + DOWNLOAD_TTL_MS + 1 })).toEqual({ state: 'gone' });
    const other = await putDownload(record, { dir, now });
    expect(await purgeExpiredDownloads({ dir, now: now + DOWNLOAD_TTL_MS - 60_000 })).toBe(0);
    expect(await purgeExpiredDownloads({ dir, now: now + DOWNLOAD_TTL_MS + 60_000 })).toBe(1);
    expect(await getDownload(other, { dir })).toEqual({ state: 'gone' });
  });

  it('the server (outbox worker) purges expired entries by itself', async () => {
    const root = await tempDir('dl-timer');
    const config = testConfig(root);
    const dir = join(dirname(config.outboxDir), 'downloads');
    await mkdir(dir, { recursive: true });
    const stale = join(dir, 'f'.repeat(64) + '.json');
    await writeFile(stale, '{}');
    const old = new Date(Date.now() - DOWNLOAD_TTL_MS - 120_000);
    await utimes(stale, old, old);
    const fresh = await putDownload(record, { dir });
    const worker = await startOutboxWorker(config);
    try {
      await waitUntil(() => !existsSync(stale), 5000, 'the stale entry to be purged');
      expect((await getDownload(fresh, { dir })).state).toBe('ok');
    } finally {
      await worker.stop();
    }
  });
});

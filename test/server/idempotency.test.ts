/** One form render → one application, under double clicks, retries, concurrency and crashes. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { purgeIdempotencyRecords, withIdempotency } from '#src/server/idempotency.ts';
import { enqueue, outboxLayout } from '#src/server/outbox/index.ts';
import { sampleItem, tempDir, testConfig } from './support/fixtures.ts';

async function setup() {
  const root = await tempDir('idem');
  const config = testConfig(root);
  let stored = 0;
  const store = async (reference: string) => {
    const { item, files } = sampleItem(reference);
    await enqueue(item, files, { dir: config.outboxDir });
    stored++;
  };
  return { config, store, stored: () => stored, queue: () => readdir(outboxLayout(config.outboxDir).queue) };
}

const KEY = 'f3b0c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b';

describe('withIdempotency', () => {
  it('a repeated post with the same key returns the same reference and stores once', async () => {
    const s = await setup();
    const opts = { key: KEY, scope: 'daugavpils/question', prefix: 'DGV', dir: s.config.idempotencyDir };
    const first = await withIdempotency(opts, s.store);
    const second = await withIdempotency(opts, s.store);
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ reference: first.reference, replayed: true });
    expect(s.stored()).toBe(1);
    expect(await s.queue()).toEqual([first.reference]);
  });

  it('20 concurrent posts with one key (a double click, a retrying proxy) make one application', async () => {
    const s = await setup();
    const opts = { key: KEY, scope: 'daugavpils/question', prefix: 'DGV', dir: s.config.idempotencyDir };
    const results = await Promise.all(Array.from({ length: 20 }, () => withIdempotency(opts, s.store)));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(s.stored()).toBe(1);
    expect(await s.queue()).toHaveLength(1);
  });

  it('different keys make different applications', async () => {
    const s = await setup();
    const a = await withIdempotency({ key: KEY, scope: 'x/y', prefix: 'DGV', dir: s.config.idempotencyDir }, s.store);
    const b = await withIdempotency(
      { key: KEY.replace('f3', 'a1'), scope: 'x/y', prefix: 'DGV', dir: s.config.idempotencyDir },
      s.store,
    );
    expect(a.reference).not.toBe(b.reference);
    expect(await s.queue()).toHaveLength(2);
  });

  it('refuses malformed keys and a key reused for another form', async () => {
    const s = await setup();
    for (const key of [
      '',
      'short',
      'x'.repeat(129),
      'has spaces in it 1234',
      '../../../etc/passwd12345',
      'ключ-ключ-ключ-ключ',
    ]) {
      await expect(
        withIdempotency({ key, scope: 'a/b', prefix: 'DGV', dir: s.config.idempotencyDir }, s.store),
      ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
    }
    await withIdempotency(
      { key: KEY, scope: 'daugavpils/question', prefix: 'DGV', dir: s.config.idempotencyDir },
      s.store,
    );
    await expect(
      withIdempotency(
        { key: KEY, scope: 'daugavpils/social-assistance', prefix: 'DGV', dir: s.config.idempotencyDir },
        s.store,
      ),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('a failed store leaves the key pending: the retry uses the same reference and then succeeds', async () => {
    const s = await setup();
    const opts = { key: KEY, scope: 'a/b', prefix: 'DGV', dir: s.config.idempotencyDir };
    let seen = '';
    await expect(
      withIdempotency(opts, async (ref) => {
        seen = ref;
        throw Object.assign(new Error('disk full'), { code: 'OUTBOX_WRITE_FAILED' });
      }),
    ).rejects.toThrow('disk full');
    const retry = await withIdempotency(opts, s.store);
    expect(retry.reference).toBe(seen);
    expect(await s.queue()).toEqual([seen]);
  });

  it('after a crash between storing and confirming, the retry finds the stored item and does not store it twice', async () => {
    const s = await setup();
    // State on disk after the crash: a pending record, and the item already in the outbox.
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: s.config.outboxDir });
    await mkdir(s.config.idempotencyDir, { recursive: true });
    const name = createHash('sha256').update('atbalsts-idempotency\0').update(KEY).digest('hex') + '.json';
    await writeFile(
      join(s.config.idempotencyDir, name),
      JSON.stringify({
        version: 1,
        scope: 'a/b',
        reference: item.reference,
        state: 'pending',
        createdAt: new Date().toISOString(),
      }),
    );
    const result = await withIdempotency(
      { key: KEY, scope: 'a/b', prefix: 'DGV', dir: s.config.idempotencyDir },
      s.store,
    );
    expect(result).toEqual({ reference: item.reference, replayed: true });
    expect(await s.queue()).toEqual([item.reference]);
    const record = JSON.parse(await readFile(join(s.config.idempotencyDir, name), 'utf8'));
    expect(record.state).toBe('done');
    expect(JSON.stringify(record)).not.toContain(KEY); // the key itself is not stored
  });

  it('a record is written once: pending under its own name while storing, renamed to the final name when stored', async () => {
    const s = await setup();
    const opts = { key: KEY, scope: 'a/b', prefix: 'DGV', dir: s.config.idempotencyDir };
    const name = createHash('sha256').update('atbalsts-idempotency\0').update(KEY).digest('hex');
    let during: string[] = [];
    const first = await withIdempotency(opts, async (ref) => {
      during = await readdir(s.config.idempotencyDir);
      await s.store(ref);
    });
    expect(during).toEqual([`${name}.pending.json`]);
    expect(await readdir(s.config.idempotencyDir)).toEqual([`${name}.json`]);
    const record = JSON.parse(await readFile(join(s.config.idempotencyDir, `${name}.json`), 'utf8'));
    expect(record).toMatchObject({ version: 3, scope: 'a/b', reference: first.reference });
    expect(await withIdempotency(opts, s.store)).toEqual({ reference: first.reference, replayed: true });
    expect(s.stored()).toBe(1);
  });

  it('after a crash before the rename, the pending record replays with its reference and is then confirmed', async () => {
    const s = await setup();
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: s.config.outboxDir });
    await mkdir(s.config.idempotencyDir, { recursive: true });
    const name = createHash('sha256').update('atbalsts-idempotency\0').update(KEY).digest('hex');
    await writeFile(
      join(s.config.idempotencyDir, `${name}.pending.json`),
      JSON.stringify({ version: 3, scope: 'a/b', reference: item.reference, createdAt: new Date().toISOString() }),
    );
    const result = await withIdempotency(
      { key: KEY, scope: 'a/b', prefix: 'DGV', dir: s.config.idempotencyDir },
      s.store,
    );
    expect(result).toEqual({ reference: item.reference, replayed: true });
    expect(await s.queue()).toEqual([item.reference]);
    expect(s.stored()).toBe(0);
    expect(await readdir(s.config.idempotencyDir)).toEqual([`${name}.json`]);
  });

  it('purges old records', async () => {
    const s = await setup();
    await withIdempotency({ key: KEY, scope: 'a/b', prefix: 'DGV', dir: s.config.idempotencyDir }, s.store);
    expect(await purgeIdempotencyRecords(s.config.idempotencyDir, 7 * 86_400_000, Date.now())).toBe(0);
    expect(await purgeIdempotencyRecords(s.config.idempotencyDir, 7 * 86_400_000, Date.now() + 8 * 86_400_000)).toBe(1);
  });
});

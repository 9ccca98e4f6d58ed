/**
 * Reference numbers never repeat: every issued reference is recorded in a per-year index, so a
 * reference whose application was delivered and purged from the outbox is still never issued
 * again. A tiny code space (injected randomness) makes repeats certain without the index.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withIdempotency } from '#src/server/idempotency.ts';
import { enqueue, outboxLayout } from '#src/server/outbox/index.ts';
import { issueReference, REFERENCE_ALPHABET, wasIssued } from '#src/server/reference.ts';
import { sampleItem, tempDir, testConfig } from './support/fixtures.ts';

/** Randomness that only ever yields the first `size` letters for the first character, then 0s. */
function tinySpace(size: number): (max: number) => number {
  let position = 0;
  return (max) => {
    const first = position++ % 5 === 0;
    return first ? Math.floor(Math.random() * size) % max : 0;
  };
}

/** Randomness replaying fixed codes (5 characters each), in order. */
function codes(...list: string[]): (max: number) => number {
  const digits = list.flatMap((c) => [...c].map((ch) => REFERENCE_ALPHABET.indexOf(ch)));
  return () => digits.shift() ?? 0;
}

describe('issued references', () => {
  it('a code space of 3 gives 3 different references, then refuses instead of repeating', async () => {
    const dir = join(await tempDir('refs'), 'references');
    const now = new Date('2026-06-01T12:00:00Z');
    const issued = new Set<string>();
    for (let i = 0; i < 3; i++)
      issued.add(await issueReference('DGV', { dir, now, random: tinySpace(3), maxAttempts: 200 }));
    expect(issued.size).toBe(3);
    await expect(issueReference('DGV', { dir, now, random: tinySpace(3), maxAttempts: 200 })).rejects.toMatchObject({
      code: 'REFERENCE_SPACE_EXHAUSTED',
    });
    // The index: one empty marker per reference, per year — nothing personal.
    const files = await readdir(join(dir, '2026'));
    expect(files.sort()).toEqual([...issued].sort());
    for (const f of files) expect(await readFile(join(dir, '2026', f), 'utf8')).toBe('');
    // Another year starts afresh.
    expect(await issueReference('DGV', { dir, now: new Date('2027-06-01T12:00:00Z'), random: tinySpace(1) })).toMatch(
      /^DGV-2027-/,
    );
  });

  it("a delivered and purged application's reference is never issued again", async () => {
    const root = await tempDir('refs');
    const config = testConfig(root);
    const idempotencyDir = join(root, 'idempotency');
    const store = async (reference: string) => {
      const { item, files } = sampleItem(reference);
      await enqueue(item, files, { dir: config.outboxDir });
    };
    const first = await withIdempotency(
      {
        key: 'first-key-0123456789',
        scope: 'daugavpils/question',
        prefix: 'DGV',
        dir: idempotencyDir,
        random: codes('AAAAA'),
      },
      store,
    );
    expect(first.reference).toMatch(/-AAAAA$/);
    expect(await wasIssued(first.reference, join(root, 'references'))).toBe(true);
    // Delivered with OUTBOX_RETENTION_DAYS=0: the item leaves the outbox entirely.
    await rm(join(outboxLayout(config.outboxDir).queue, first.reference), { recursive: true });
    expect(await readdir(outboxLayout(config.outboxDir).queue)).toEqual([]);
    // The next application draws AAAAA first: the index refuses it, the next draw is used.
    const second = await withIdempotency(
      {
        key: 'second-key-0123456789',
        scope: 'daugavpils/question',
        prefix: 'DGV',
        dir: idempotencyDir,
        random: codes('AAAAA', 'BBBBB'),
      },
      store,
    );
    expect(second.reference).toMatch(/-BBBBB$/);
    expect(second.reference).not.toBe(first.reference);
  });

  it('concurrent issuing never hands out one reference twice', async () => {
    const dir = join(await tempDir('refs'), 'references');
    const results = await Promise.all(
      Array.from({ length: 30 }, () => issueReference('DGV', { dir, random: tinySpace(31), maxAttempts: 500 })),
    );
    expect(new Set(results).size).toBe(30);
  });
});

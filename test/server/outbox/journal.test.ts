/**
 * The intake journal: frames round-trip and a torn tail is ignored; an appended entry is durable
 * before it resolves and is then applied (marker, outbox item, key record); what a crashed
 * process journaled is applied once on recovery; the worker leaves an item alone until its entry
 * is applied; a retry with a journaled key gets its reference; a full backlog makes appends wait.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withIdempotency } from '#src/server/idempotency.ts';
import { setWriteFault } from '#src/server/outbox/durable-fs.ts';
import { enqueueRecord } from '#src/server/outbox/enqueue.ts';
import { decodeSegment, encodeEntry, IntakeJournal, type JournalEntry } from '#src/server/outbox/journal.ts';
import type { RecordItem } from '#src/server/outbox/record.ts';
import { startOutboxWorker, type OutboxWorker } from '#src/server/outbox/worker.ts';
import { deps, example, jsonRequest, run } from '../applications/helpers.ts';
import { tempDir, testConfig } from '../support/fixtures.ts';
import { captureLogs, waitUntil } from '../support/logs.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

let sink: SmtpSink | undefined;
let worker: OutboxWorker | undefined;
afterEach(async () => {
  setWriteFault(undefined);
  await worker?.stop();
  worker = undefined;
  await sink?.stop();
  sink = undefined;
});

const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

function entry(root: string, reference: string, opts: { upload?: boolean } = {}): JournalEntry {
  const record: RecordItem = {
    version: 2,
    reference,
    municipality: 'daugavpils',
    form: 'question',
    createdAt: new Date().toISOString(),
    application: {
      uiLocale: 'lv',
      submittedAt: new Date().toISOString(),
      values: {},
      uploads: opts.upload
        ? [{ file: 'attachment-1.pdf', filename: 'izziņa.pdf', kind: 'pdf', contentType: 'application/pdf', size: 15 }]
        : [],
    },
  };
  return {
    record,
    uploads: opts.upload ? [{ name: 'attachment-1.pdf', content: PDF }] : [],
    key: { path: join(root, 'idempotency', `${reference}.json`), content: JSON.stringify({ reference }) },
    marker: join(root, 'references', reference.split('-')[1]!, reference),
  };
}

const journalFiles = async (root: string) => readdir(join(root, 'outbox', 'journal')).catch(() => []);

describe('journal frames', () => {
  it('round-trip with their uploads; a torn or corrupted tail is ignored', async () => {
    const root = await tempDir('frames');
    const a = entry(root, 'DGV-2026-AAAAA', { upload: true });
    const b = entry(root, 'DGV-2026-BBBBB');
    const bytes = Buffer.concat([encodeEntry(a), encodeEntry(b)]);
    const whole = decodeSegment(bytes);
    expect(whole.rest).toBe(0);
    expect(whole.entries.map((e) => e.record.reference)).toEqual(['DGV-2026-AAAAA', 'DGV-2026-BBBBB']);
    expect(whole.entries[0]!.uploads[0]!.content).toEqual(PDF);
    expect(whole.entries[0]).toEqual(a);

    const torn = decodeSegment(bytes.subarray(0, bytes.byteLength - 5));
    expect(torn.entries.map((e) => e.record.reference)).toEqual(['DGV-2026-AAAAA']);
    expect(torn.rest).toBeGreaterThan(0);

    const flipped = Buffer.from(bytes);
    flipped[flipped.byteLength - 3]! ^= 0xff;
    expect(decodeSegment(flipped).entries).toHaveLength(1);
  });
});

describe('the intake journal', () => {
  it('is durable before append resolves; applying writes the marker, the item and the key record; an idle segment is removed', async () => {
    const root = await tempDir('journal');
    const journal = new IntakeJournal(join(root, 'outbox'));
    const e = entry(root, 'DGV-2026-CCCCC', { upload: true });
    const { applied } = await journal.append(e);
    // In the journal, not yet applied (applying waits while applications arrive).
    const [segment] = await journalFiles(root);
    expect(decodeSegment(await readFile(join(root, 'outbox', 'journal', segment!))).entries).toEqual([e]);
    expect(existsSync(join(root, 'outbox', 'queue', 'DGV-2026-CCCCC'))).toBe(false);
    expect(journal.isSettling('DGV-2026-CCCCC')).toBe(true);
    expect(journal.pendingKey(e.key.path)).toBe(e.key.content);

    await applied;
    const item = join(root, 'outbox', 'queue', 'DGV-2026-CCCCC');
    expect(JSON.parse(await readFile(join(item, 'item.json'), 'utf8'))).toEqual(e.record);
    expect(new Uint8Array(await readFile(join(item, 'files', 'attachment-1.pdf')))).toEqual(PDF);
    expect(await readFile(e.key.path, 'utf8')).toBe(e.key.content);
    expect(existsSync(e.marker!)).toBe(true);
    expect(journal.isSettling('DGV-2026-CCCCC')).toBe(false);
    expect(journal.pendingKey(e.key.path)).toBeUndefined();
    await waitUntil(async () => (await journalFiles(root)).length === 0, 2_000);
  });

  it('refuses a reference already in the outbox (draw another)', async () => {
    const root = await tempDir('journal-dup');
    const journal = new IntakeJournal(join(root, 'outbox'));
    const e = entry(root, 'DGV-2026-DDDDD');
    await enqueueRecord(e.record, [], { dir: join(root, 'outbox') });
    await expect(journal.append(e)).rejects.toMatchObject({ code: 'OUTBOX_DUPLICATE' });
  });

  it('on recovery applies what a crashed process journaled, each entry once, and ignores a torn tail', async () => {
    const root = await tempDir('journal-recover');
    const outbox = join(root, 'outbox');
    const fresh = entry(root, 'DGV-2026-EEEEE', { upload: true }); // nothing applied yet
    const half = entry(root, 'DGV-2026-FFFFF'); // item in queue/, key record missing
    const done = entry(root, 'DGV-2026-GGGGG'); // applied, then delivered and removed
    await enqueueRecord(half.record, [], { dir: outbox });
    await mkdir(join(root, 'idempotency'), { recursive: true });
    await writeFile(done.key.path, done.key.content);
    const torn = encodeEntry(entry(root, 'DGV-2026-HHHHH')).subarray(0, 30);
    await mkdir(join(outbox, 'journal'), { recursive: true });
    await writeFile(
      join(outbox, 'journal', '1-1-a.log'),
      Buffer.concat([encodeEntry(fresh), encodeEntry(half), encodeEntry(done), torn]),
    );

    const logs = captureLogs();
    try {
      const journal = new IntakeJournal(outbox);
      await journal.ready;
      expect(journal.isSettling('DGV-2026-EEEEE')).toBe(true);
      expect(journal.isSettling('DGV-2026-GGGGG')).toBe(false);
      await journal.settled();
    } finally {
      logs.restore();
    }
    expect((await readdir(join(outbox, 'queue'))).sort()).toEqual(['DGV-2026-EEEEE', 'DGV-2026-FFFFF']);
    expect(await readFile(fresh.key.path, 'utf8')).toBe(fresh.key.content);
    expect(await readFile(half.key.path, 'utf8')).toBe(half.key.content);
    expect(existsSync(fresh.marker!)).toBe(true);
    expect(await journalFiles(root)).toEqual([]);
    expect(logs.lines.find((l) => l.event === 'outbox.journal_recovered')).toMatchObject({ entries: 2 });
    expect(logs.lines.some((l) => l.event === 'outbox.journal_torn_tail')).toBe(true);
  });

  it('a retry with the key of an entry journaled but not yet applied gets its reference, nothing stored again', async () => {
    const root = await tempDir('journal-key');
    const outbox = join(root, 'outbox');
    const idem = join(root, 'idempotency');
    const KEY = 'journaled-key-0000000001';
    const name = createHash('sha256').update('atbalsts-idempotency\0').update(KEY).digest('hex') + '.json';
    const e = entry(root, 'DGV-2026-JJJJJ');
    e.key = {
      path: join(idem, name),
      content: JSON.stringify({
        version: 3,
        scope: 'a/b',
        reference: 'DGV-2026-JJJJJ',
        createdAt: '2026-12-03T10:00:00Z',
      }),
    };
    await mkdir(join(outbox, 'journal'), { recursive: true });
    await writeFile(join(outbox, 'journal', '1-1-b.log'), encodeEntry(e));
    const journal = new IntakeJournal(outbox);
    let stored = 0;
    const result = await withIdempotency({ key: KEY, scope: 'a/b', prefix: 'DGV', dir: idem, journal }, async () => {
      stored++;
    });
    expect(result).toEqual({ reference: 'DGV-2026-JJJJJ', replayed: true });
    expect(stored).toBe(0);
    await expect(
      withIdempotency({ key: KEY, scope: 'a/other', prefix: 'DGV', dir: idem, journal }, async () => {}),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await journal.settled();
    expect(await readdir(join(outbox, 'queue'))).toEqual(['DGV-2026-JJJJJ']);
  });

  it('appends wait while the backlog is full, and go on once it is applied', async () => {
    const root = await tempDir('journal-full');
    const journal = new IntakeJournal(join(root, 'outbox'), { maxBacklogBytes: 1 });
    const logs = captureLogs();
    try {
      setWriteFault((path) => (path.includes(`${join(root, 'idempotency')}`) ? enospc() : undefined));
      const first = await journal.append(entry(root, 'DGV-2026-KKKKK'));
      let second = false;
      const next = journal.append(entry(root, 'DGV-2026-MMMMM')).then((r) => ((second = true), r));
      await waitUntil(() => logs.lines.some((l) => l.event === 'outbox.journal_apply_failed'), 5_000);
      expect(second).toBe(false);
      setWriteFault(undefined);
      await first.applied; // retried after a second
      await (
        await next
      ).applied;
      expect(second).toBe(true);
    } finally {
      logs.restore();
    }
  });
});

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('the worker and the journal', () => {
  it('leaves an item alone until its entry is applied, then delivers it once', async () => {
    sink = await startSmtpSink();
    const root = await tempDir('journal-gate');
    const config = testConfig(root, sink.env);
    const idem = join(root, 'idem');
    // A quick renderer: without the gate the item would be sent within milliseconds.
    worker = await startOutboxWorker(config, {
      renderer: async (_dir, item) => [
        {
          id: 'staff',
          to: ['socialais.dienests@example.lv'],
          subject: `Pieteikums ${item.reference}`,
          text: 'x',
          attachments: [],
        },
      ],
    });
    const logs = captureLogs();
    let reference: string;
    try {
      // The key record cannot be written: the item reaches queue/, its entry stays unapplied.
      setWriteFault((path) => (path.startsWith(idem) ? enospc() : undefined));
      const outcome = await run(
        { request: jsonRequest(example('question')), form: 'question', mode: 'json' },
        deps({ root, outboxDir: config.outboxDir, idempotencyDir: idem, downloadsDir: join(root, 'downloads') }),
      );
      if (outcome.kind !== 'accepted') throw new Error('not accepted');
      reference = outcome.reference;
      await waitUntil(() => logs.lines.some((l) => l.event === 'outbox.journal_apply_failed'), 5_000);
      expect(await readdir(join(config.outboxDir, 'queue'))).toEqual([reference]);
      worker.kick();
      await new Promise((r) => setTimeout(r, 1_500)); // the first retry (after 1 s) fails too
      expect(sink.messages).toHaveLength(0);
    } finally {
      setWriteFault(undefined);
      logs.restore();
    }
    await sink.waitFor(1, 20_000); // once the next retry applied the entry
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.map((m) => m.messageId)).toEqual([`<${reference}.staff@pasvaldiba.example.lv>`]);
  });
});

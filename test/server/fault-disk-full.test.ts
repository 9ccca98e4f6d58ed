/**
 * Disk full during a submission (ENOSPC injected into the durable writes, which works the same
 * for root in a CI container): a clear 503 with Retry-After, nothing acknowledged, nothing
 * half-written in queue/ or tmp/ and no torn frame left in the intake journal; once space returns
 * the same key stores the application and a new one is accepted too, and all arrive at a real
 * SMTP server exactly once.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonResponse } from '#src/server/applications/respond.ts';
import { setWriteFault } from '#src/server/outbox/durable-fs.ts';
import { startOutboxWorker, type OutboxWorker } from '#src/server/outbox/worker.ts';
import {
  deps,
  example,
  formFields,
  htmlMeta,
  jsonRequest,
  multipartRequest,
  run,
  signedKey,
} from './applications/helpers.ts';
import { captureLogs } from './support/logs.ts';
import { tempDir, testConfig } from './support/fixtures.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';

let sink: SmtpSink | undefined;
let worker: OutboxWorker | undefined;
afterEach(async () => {
  setWriteFault(undefined);
  await worker?.stop();
  worker = undefined;
  await sink?.stop();
});

const enospc = () =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

describe('disk full during a submission', () => {
  it('503 with Retry-After, nothing acknowledged or half-written; recovery with the same key and a new one, both delivered', async () => {
    sink = await startSmtpSink();
    const root = await tempDir('enospc');
    const config = testConfig(root, sink.env);
    const d = deps({
      root,
      outboxDir: config.outboxDir,
      idempotencyDir: join(root, 'idem'),
      downloadsDir: join(root, 'downloads'),
    });
    worker = await startOutboxWorker(config);
    const logs = captureLogs();
    let writes = 0;
    setWriteFault((path) => (path.startsWith(config.outboxDir) ? (writes++, enospc()) : undefined));
    const key = 'disk-full-key-0000000001';
    let outcome;
    try {
      outcome = await run(
        { request: jsonRequest(example('question'), { 'idempotency-key': key }), form: 'question', mode: 'json' },
        d,
      );
    } finally {
      logs.restore();
    }
    expect(writes).toBeGreaterThan(0); // the fault really hit a write
    expect(outcome).toMatchObject({ kind: 'rejected', status: 503, code: 'OUTBOX_WRITE_FAILED' });
    const res = jsonResponse(outcome, 'lv');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(((await res.json()) as { message: string }).message).toContain('nevar saglabāt');
    expect(await readdir(join(config.outboxDir, 'queue'))).toEqual([]);
    expect(await readdir(join(config.outboxDir, 'tmp'))).toEqual([]);
    // The journal segment was cut back to its last good frame (here: empty) and closed.
    for (const name of await readdir(join(config.outboxDir, 'journal')))
      expect((await stat(join(config.outboxDir, 'journal', name))).size).toBe(0);
    expect(logs.lines.find((l) => l.event === 'application.store_failed')).toMatchObject({
      code: 'OUTBOX_WRITE_FAILED',
    });
    expect(logs.lines.some((l) => l.event === 'application.accepted')).toBe(false);

    // The HTML form gets the same answer with everything typed and its key kept.
    const htmlKey = signedKey(); // as the form page issues it (unsigned keys are ignored)
    const ex = example('social-assistance');
    const html = await run(
      {
        request: multipartRequest([...htmlMeta({ item: 'gmi', key: htmlKey }), ...formFields(ex.answers)]),
        form: 'social-assistance',
        mode: 'html',
        locale: 'lv',
      },
      d,
    );
    expect(html).toMatchObject({
      kind: 'rejected',
      status: 503,
      keep: { idempotencyKey: htmlKey, item: 'gmi', values: { applicant: { givenName: 'Jānis' } } },
    });

    // Space is back.
    setWriteFault(undefined);
    const retried = await run(
      { request: jsonRequest(example('question'), { 'idempotency-key': key }), form: 'question', mode: 'json' },
      d,
    );
    const fresh = await run(
      {
        request: jsonRequest(example('question'), { 'idempotency-key': 'after-disk-full-key-00001' }),
        form: 'question',
        mode: 'json',
      },
      d,
    );
    if (retried.kind !== 'accepted' || fresh.kind !== 'accepted') throw new Error('not accepted after recovery');
    // The resident's HTML form, sent again with its kept key, is stored now and gets its download.
    const htmlAgain = await run(
      {
        request: multipartRequest([...htmlMeta({ item: 'gmi', key: htmlKey }), ...formFields(ex.answers)]),
        form: 'social-assistance',
        mode: 'html',
        locale: 'lv',
      },
      d,
    );
    // Nothing was stored by the 503, so this retry is the first store: it gets the download.
    expect(htmlAgain).toMatchObject({ kind: 'accepted', replayed: false });
    if (htmlAgain.kind === 'accepted') expect(htmlAgain.downloadToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fresh.reference).not.toBe(retried.reference);
    const refs = [retried.reference, fresh.reference, htmlAgain.kind === 'accepted' ? htmlAgain.reference : ''];
    await sink.waitFor(6, 30_000); // staff + receipt for each
    await new Promise((r) => setTimeout(r, 300));
    for (const ref of refs) {
      expect(sink.messages.filter((m) => m.messageId === `<${ref}.staff@pasvaldiba.example.lv>`)).toHaveLength(1);
    }
    expect(sink.messages).toHaveLength(6);
  });
});

/**
 * The outbox against a real SMTP server (smtp-server on 127.0.0.1), mail read with mailparser:
 * delivered once with attachments; outage → queued → delivered; 4xx → retried; 5xx → dead
 * letter with an alert; per-message tracking; the .eml default; MAIL_TO_OVERRIDE.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enqueue, outboxLayout } from '#src/server/outbox/index.ts';
import { housekeeping } from '#src/server/outbox/worker.ts';
import { waitUntil } from '../support/logs.ts';
import { sampleItem, tempDir, testConfig } from '../support/fixtures.ts';
import { outboxTestbed } from '../support/outbox-testbed.ts';

const bed = outboxTestbed();

async function setup(env: Record<string, string> = {}) {
  const root = await tempDir('outbox');
  const config = testConfig(root, { ...bed.sink.env, ...env });
  await bed.startWorker(config);
  return { config, layout: outboxLayout(config.outboxDir) };
}

function noPersonalDataIn(raw: string[]): void {
  const text = raw.join('\n');
  expect(text).not.toMatch(/@example\.lv/);
  expect(text).not.toContain('Bērziņš');
  expect(text).not.toContain('secret');
}

describe('outbox delivery', () => {
  it('delivers each message once, with attachments, headers and a stable Message-ID, within a second', async () => {
    const { config, layout } = await setup();
    const { item, files } = sampleItem();
    const started = Date.now();
    await enqueue(item, files, { dir: config.outboxDir });
    await bed.sink.waitFor(1);
    // The doorbell wakes the worker at once; the slack is for a loaded CI machine.
    expect(Date.now() - started).toBeLessThan(2500);
    const [first] = await bed.sink.waitFor(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(bed.sink.messages).toHaveLength(2);

    const staff = bed.sink.messages.find((m) => m.subject?.startsWith('Jautājums'))!;
    expect(staff.subject).toBe(item.messages[0]!.subject);
    expect(staff.from?.text).toContain('atbalsts@pasvaldiba.example.lv');
    expect(staff.replyTo?.text).toBe('iedzivotajs@example.lv');
    expect(staff.headers.get('x-atbalsts-reference')).toBe(item.reference);
    expect(staff.messageId).toBe(`<${item.reference}.staff@pasvaldiba.example.lv>`);
    expect(staff.attachments.map((a) => a.filename)).toEqual(['pieteikums.pdf', 'application.json']);
    expect(Buffer.compare(staff.attachments[0]!.content, Buffer.from(files[0]!.content))).toBe(0);
    expect(staff.html).toContain(`<strong>${item.reference}</strong>`);
    const receipt = bed.sink.messages.find((m) => m.messageId?.includes('.receipt@'))!;
    expect(receipt.subject).toBe(`Заявление ${item.reference} получено`);
    expect(receipt.attachments).toHaveLength(0);
    expect(first).toBeDefined();

    await waitUntil(() => !existsSync(join(layout.queue, item.reference)), 5000, 'item to leave the queue');
    expect(await readdir(layout.sent)).toEqual([]); // OUTBOX_RETENTION_DAYS=0: deleted at once
    expect(bed.logs.lines.some((l) => l.event === 'outbox.delivered' && l.reference === item.reference)).toBe(true);
    noPersonalDataIn(bed.logs.raw);
  });

  it('keeps sent items for OUTBOX_RETENTION_DAYS', async () => {
    const { config, layout } = await setup({ OUTBOX_RETENTION_DAYS: '3' });
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    await waitUntil(() => existsSync(join(layout.sent, item.reference)), 5000, 'item in sent/');
    const state = JSON.parse(await readFile(join(layout.sent, item.reference, 'state.json'), 'utf8'));
    expect(Object.keys(state.delivered).sort()).toEqual(['receipt', 'staff']);
    expect(state.completedAt).toBeTruthy();
    const day = 86_400_000;
    await housekeeping(layout, config, Date.now() + 2 * day);
    expect(existsSync(join(layout.sent, item.reference))).toBe(true);
    await housekeeping(layout, config, Date.now() + 3 * day + 60_000);
    expect(existsSync(join(layout.sent, item.reference))).toBe(false);
    expect(bed.logs.lines.some((l) => l.event === 'outbox.purged' && l.reference === item.reference)).toBe(true);
  });

  it('queues while SMTP is down and delivers when it comes back', async () => {
    await bed.sink.stop();
    const { config, layout } = await setup();
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    await waitUntil(
      () => bed.logs.lines.filter((l) => l.event === 'mail.retry' && l.reference === item.reference).length >= 2,
      5000,
      'two retries',
    );
    expect(existsSync(join(layout.queue, item.reference))).toBe(true);
    const retry = bed.logs.lines.find((l) => l.event === 'mail.retry')!;
    expect(retry.code).toBe('ESOCKET');
    await bed.sink.start();
    await bed.sink.waitFor(2);
    await waitUntil(() => !existsSync(join(layout.queue, item.reference)), 5000, 'item delivered');
    expect(bed.sink.messages).toHaveLength(2);
  });

  it('retries a 4xx answer with backoff and then delivers once', async () => {
    bed.sink.mode = 'tempfail';
    const { config } = await setup();
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    const retries = await waitUntil(
      () => {
        const found = bed.logs.lines.filter((l) => l.event === 'mail.retry');
        return found.length >= 3 && found;
      },
      5000,
      'three retries',
    );
    expect(retries[0]!.responseCode).toBe(451);
    expect(retries.slice(0, 3).map((r) => r.attempt)).toEqual([1, 2, 3]);
    bed.sink.mode = 'accept';
    await bed.sink.waitFor(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(bed.sink.messages).toHaveLength(2);
  });

  it('never re-sends a delivered message when a later one is retried', async () => {
    bed.sink.recipientModes.set('iedzivotajs@example.lv', 'tempfail');
    const { config } = await setup();
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    await waitUntil(
      () => bed.logs.lines.filter((l) => l.event === 'mail.retry' && l.message === 'receipt').length >= 3,
      5000,
      'receipt retries',
    );
    bed.sink.recipientModes.clear();
    await bed.sink.waitFor(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(bed.sink.messages.filter((m) => m.messageId?.includes('.staff@'))).toHaveLength(1);
    expect(bed.sink.messages.filter((m) => m.messageId?.includes('.receipt@'))).toHaveLength(1);
  });

  it('moves an item to dead/ on a permanent 5xx and logs an alert with the reference', async () => {
    bed.sink.mode = 'permfail';
    const { config, layout } = await setup();
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    const alert = await waitUntil(
      () => bed.logs.lines.find((l) => l.level === 'alert' && l.event === 'outbox.dead_letter'),
      5000,
      'alert',
    );
    expect(alert).toMatchObject({
      reference: item.reference,
      reason: 'permanent',
      responseCode: 550,
      message: 'staff',
    });
    expect(existsSync(join(layout.dead, item.reference, 'item.json'))).toBe(true);
    expect(existsSync(join(layout.queue, item.reference))).toBe(false);
    const state = JSON.parse(await readFile(join(layout.dead, item.reference, 'state.json'), 'utf8'));
    expect(state).toMatchObject({ deadReason: 'permanent', lastError: { responseCode: 550, permanent: true } });
    expect(bed.sink.messages).toHaveLength(0);
    noPersonalDataIn(bed.logs.raw);
  });

  it('dead-letters after OUTBOX_MAX_ATTEMPTS transient failures; moving it back to queue/ resends only what is missing', async () => {
    bed.sink.recipientModes.set('iedzivotajs@example.lv', 'tempfail');
    const { config, layout } = await setup({ OUTBOX_MAX_ATTEMPTS: '3' });
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    const alert = await waitUntil(
      () => bed.logs.lines.find((l) => l.event === 'outbox.dead_letter'),
      5000,
      'dead letter',
    );
    expect(alert).toMatchObject({
      reference: item.reference,
      reason: 'attempts-exhausted',
      attempts: 3,
      message: 'receipt',
    });
    expect(bed.sink.messages).toHaveLength(1); // staff delivered before the receipt failed

    // The admin's fix: the receipt address works again; move the folder back.
    bed.sink.recipientModes.clear();
    const { rename } = await import('node:fs/promises');
    await rename(join(layout.dead, item.reference), join(layout.queue, item.reference));
    bed.worker!.kick();
    await bed.sink.waitFor(2);
    await waitUntil(() => !existsSync(join(layout.queue, item.reference)), 5000, 'requeued item delivered');
    expect(bed.sink.messages.filter((m) => m.messageId?.includes('.staff@'))).toHaveLength(1);
    expect(bed.logs.lines.some((l) => l.event === 'outbox.requeued')).toBe(true);
  });

  it('MAIL_TO_OVERRIDE sends staff mail to one address and leaves the receipt alone', async () => {
    const { config } = await setup({ MAIL_TO_OVERRIDE: 'staging@example.org' });
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    await bed.sink.waitFor(2);
    const byId = (id: string) =>
      bed.sink.envelopes[bed.sink.messages.findIndex((m) => m.messageId?.includes(`.${id}@`))]!;
    expect(byId('staff').to).toEqual(['staging@example.org']);
    expect(byId('receipt').to).toEqual(['iedzivotajs@example.lv']);
  });
});

describe('embedded default without SMTP_URL', () => {
  it('writes each message as an .eml file to MAIL_DIR and logs where', async () => {
    const root = await tempDir('eml');
    const config = testConfig(root);
    await bed.startWorker(config);
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    const written = await waitUntil(
      () => {
        const found = bed.logs.lines.filter((l) => l.event === 'mail.written');
        return found.length === 2 && found;
      },
      5000,
      'two .eml files',
    );
    const started = bed.logs.lines.find((l) => l.event === 'outbox.started')!;
    expect(started).toMatchObject({ mail: 'file', target: config.mailDir });
    const names = (await readdir(config.mailDir)).sort();
    expect(names).toEqual([`${item.reference}-receipt.eml`, `${item.reference}-staff.eml`]);
    expect(written.map((l) => l.file).sort()).toEqual(names.map((n) => join(config.mailDir, n)));
    const { simpleParser } = await import('mailparser');
    const staff = await simpleParser(await readFile(join(config.mailDir, names[1]!)));
    expect(staff.subject).toBe(item.messages[0]!.subject);
    expect(staff.attachments).toHaveLength(2);
  });
});

/**
 * The accept path stores a record (answers only); the outbox worker renders the staff e-mail,
 * the receipt, the PDF and application.json on its render thread and delivers them to a real
 * SMTP server. What arrives is what the in-process renderer (the one used before the 201 in
 * earlier versions) makes from the same application; a retry does not render again; a record
 * that cannot be rendered becomes a dead letter with a logged code.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '#src/data/index.ts';
import { tFor } from '#src/i18n/index.ts';
import { renderApplication } from '#src/server/mail/render.ts';
import { enqueueRecord, outboxLayout, type RecordItem } from '#src/server/outbox/index.ts';
import { submissionFromRecord } from '#src/server/outbox/record.ts';
import { newReference } from '#src/server/reference.ts';
import { deps, example, jsonRequest, queued, run, SAMPLES } from '../applications/helpers.ts';
import { waitUntil } from '../support/logs.ts';
import { tempDir, testConfig } from '../support/fixtures.ts';
import { outboxTestbed } from '../support/outbox-testbed.ts';

const bed = outboxTestbed();

async function accepted(outboxDir: string, root: string) {
  const body = {
    ...example('municipal-benefit'),
    attachments: [{ filename: 'izziņa.png', contentBase64: Buffer.from(SAMPLES.png).toString('base64') }],
  };
  const outcome = await run(
    { request: jsonRequest(body), form: 'municipal-benefit', mode: 'json' },
    deps({ root, outboxDir, idempotencyDir: join(root, 'idem'), downloadsDir: join(root, 'downloads') }),
  );
  if (outcome.kind !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(outcome)}`);
  await queued(outboxDir); // applied from the intake journal
  const record = JSON.parse(
    await readFile(join(outboxDir, 'queue', outcome.reference, 'item.json'), 'utf8'),
  ) as RecordItem;
  return { reference: outcome.reference, record };
}

describe('record → render in the worker → SMTP', () => {
  it('delivers the same staff e-mail, receipt, PDF and application.json as the in-process renderer, rendering once across retries', async () => {
    const root = await tempDir('render');
    const config = testConfig(root, bed.sink.env);
    const { reference, record } = await accepted(config.outboxDir, root);
    bed.sink.mode = 'tempfail'; // the first attempts fail after rendering
    await bed.startWorker(config);
    await waitUntil(
      () => bed.logs.lines.some((l) => l.event === 'mail.retry' && l.reference === reference),
      15_000,
      'a failed attempt',
    );
    expect(existsSync(join(config.outboxDir, 'queue', reference, 'rendered.json'))).toBe(true);
    bed.sink.mode = 'accept';
    await bed.sink.waitFor(2, 15_000);
    await waitUntil(
      () => bed.logs.lines.some((l) => l.event === 'outbox.delivered' && l.reference === reference),
      5000,
      'delivered',
    );
    expect(bed.logs.lines.filter((l) => l.event === 'outbox.rendered' && l.reference === reference)).toHaveLength(1);

    // The expected output: the same application rendered in this process with the build's translations.
    const contents = (f: string) => (f === 'attachment-1.png' ? SAMPLES.png : new Uint8Array());
    const expected = await renderApplication(submissionFromRecord(record, catalogue, contents), tFor);
    const staff = bed.sink.messages.find((m) => m.messageId === `<${reference}.staff@pasvaldiba.example.lv>`)!;
    const receipt = bed.sink.messages.find((m) => m.messageId === `<${reference}.receipt@pasvaldiba.example.lv>`)!;
    const [expStaff, expReceipt] = expected.messages;
    expect(staff.subject).toBe(expStaff!.subject);
    expect(staff.text?.trim()).toBe(expStaff!.text.trim());
    expect(staff.html).toBe(expStaff!.html);
    expect(staff.subject).toContain('Наталья Иванова');
    expect(staff.text).toContain('Pabalsts bērna piedzimšanas gadījumā');
    expect(staff.attachments.map((a) => a.filename)).toEqual(['izziņa.png', `${reference}.pdf`, 'application.json']);
    expect(Buffer.compare(staff.attachments[0]!.content, Buffer.from(SAMPLES.png))).toBe(0);
    const pdf = staff.attachments[1]!.content;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
    // Same document: same size give or take the creation date and id in the trailer.
    expect(Math.abs(pdf.length - expected.pdf.length)).toBeLessThan(64);
    expect(JSON.parse(staff.attachments[2]!.content.toString('utf8'))).toEqual(
      JSON.parse(new TextDecoder().decode(expected.json)),
    );
    expect(receipt.subject).toBe(`Ваша заявка ${reference} получена`);
    expect(receipt.subject).toBe(expReceipt!.subject);
    expect(receipt.text?.trim()).toBe(expReceipt!.text.trim());
    expect(receipt.attachments).toHaveLength(0);
    const raw = bed.logs.raw.join('\n');
    expect(raw).not.toContain('Иванова');
  });

  it('a record that cannot be rendered goes to dead letters with a logged code, and nothing is sent', async () => {
    const root = await tempDir('render-fail');
    const config = testConfig(root, bed.sink.env);
    const reference = newReference('DAU');
    const record: RecordItem = {
      version: 2,
      reference,
      municipality: 'nowhere-county',
      form: 'question',
      createdAt: new Date().toISOString(),
      application: { uiLocale: 'lv', submittedAt: new Date().toISOString(), values: {}, uploads: [] },
    };
    await enqueueRecord(record, [], { dir: config.outboxDir });
    await bed.startWorker(config);
    const layout = outboxLayout(config.outboxDir);
    // The alert is logged right after the folder moves to dead/: wait for both.
    await waitUntil(
      () =>
        existsSync(join(layout.dead, reference)) &&
        bed.logs.lines.some((l) => l.event === 'outbox.dead_letter' && l.reference === reference),
      15_000,
      'dead letter',
    );
    const state = JSON.parse(await readFile(join(layout.dead, reference, 'state.json'), 'utf8'));
    expect(state).toMatchObject({
      deadReason: 'permanent',
      lastError: { code: 'OUTBOX_RENDER_FAILED', message: 'render' },
    });
    expect(bed.logs.lines.find((l) => l.event === 'outbox.dead_letter' && l.reference === reference)).toMatchObject({
      level: 'alert',
      code: 'OUTBOX_RENDER_FAILED',
    });
    expect(await readdir(layout.queue)).toEqual([]);
    expect(bed.sink.messages).toHaveLength(0);
  });
});

/**
 * `npm run outbox -- list | show <ref> | retry <ref>` on a temp outbox (the CLI run as a child
 * process with OUTBOX_DIR): a real dead letter (SMTP 550) is listed with its code, shown
 * without personal data, moved back to the queue and then delivered by the running worker.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue, enqueueRecord, outboxLayout, type RecordItem } from '#src/server/outbox/index.ts';
import { encodeEntry } from '#src/server/outbox/journal.ts';
import { startOutboxWorker, type OutboxWorker } from '#src/server/outbox/worker.ts';
import { newReference } from '#src/server/reference.ts';
import { captureLogs, waitUntil } from '../support/logs.ts';
import { sampleItem, tempDir, testConfig } from '../support/fixtures.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const CLI = fileURLToPath(new URL('../../../scripts/outbox.ts', import.meta.url));
const exec = promisify(execFile);

async function cli(outboxDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, OUTBOX_DIR: outboxDir },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let sink: SmtpSink | undefined;
let worker: OutboxWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await sink?.stop();
});

describe('outbox CLI', () => {
  it('lists, shows and retries a dead letter; no personal data in its output', async () => {
    sink = await startSmtpSink();
    const root = await tempDir('cli');
    const config = testConfig(root, sink.env);
    const layout = outboxLayout(config.outboxDir);
    const dead = sampleItem();
    sink.recipientModes.set('socialais.dienests@example.lv', 'permfail');
    await enqueue(dead.item, dead.files, { dir: config.outboxDir });
    const logs = captureLogs();
    try {
      worker = await startOutboxWorker(config);
      await waitUntil(() => existsSync(join(layout.dead, dead.item.reference)), 10_000, 'a dead letter');
      await worker.stop();
      worker = undefined;
    } finally {
      logs.restore();
    }
    // And one record waiting (never tried).
    const waiting = newReference('DAU');
    await enqueueRecord(
      {
        version: 2,
        reference: waiting,
        municipality: 'daugavpils',
        form: 'question',
        createdAt: new Date().toISOString(),
        application: {
          uiLocale: 'ru',
          submittedAt: new Date().toISOString(),
          values: { applicant: { givenName: 'Сергей', familyName: 'Петров' } },
          uploads: [],
        },
      },
      [],
      { dir: config.outboxDir },
    );

    // And one accepted but still only in the intake journal (a server that stopped before writing it).
    const journaled = newReference('DAU');
    const record = JSON.parse(await readFile(join(layout.queue, waiting, 'item.json'), 'utf8')) as RecordItem;
    await mkdir(join(config.outboxDir, 'journal'), { recursive: true });
    await writeFile(
      join(config.outboxDir, 'journal', '1-1-c.log'),
      encodeEntry({
        record: { ...record, reference: journaled },
        uploads: [],
        key: { path: join(root, 'idempotency', 'k.json'), content: '{}' },
      }),
    );

    const list = await cli(config.outboxDir, 'list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^REFERENCE\s+STATE\s+ATTEMPTS\s+LAST ERROR\s+AGE$/);
    expect(lines.find((l) => l.startsWith(waiting))).toMatch(/queued\s+0\s+-\s+\d+ s$/);
    expect(lines.find((l) => l.startsWith(journaled))).toMatch(/journaled\s+0\s+-\s+\d+ s$/);
    expect(lines.find((l) => l.startsWith(dead.item.reference))).toMatch(/dead\s+1\s+EENVELOPE 550\s+\d+ s$/);
    const listed = JSON.parse((await cli(config.outboxDir, 'list', '--json')).stdout) as {
      reference: string;
      state: string;
    }[];
    expect(listed.map((i) => [i.reference, i.state]).sort()).toEqual(
      [
        [dead.item.reference, 'dead'],
        [waiting, 'queued'],
        [journaled, 'journaled'],
      ].sort(),
    );

    const show = await cli(config.outboxDir, 'show', dead.item.reference.toLowerCase());
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`reference     ${dead.item.reference}`);
    expect(show.stdout).toMatch(/folder\s+dead \(dead\)/);
    expect(show.stdout).toMatch(/last error\s+EENVELOPE 550 on message "staff"/);
    expect(show.stdout).toMatch(/dead\s+\S+ \(permanent\)/);
    expect(show.stdout).toContain('application.pdf');
    const shownRecord = await cli(config.outboxDir, 'show', waiting, '--json');
    expect(JSON.parse(shownRecord.stdout)).toMatchObject({
      reference: waiting,
      format: 'record',
      rendered: false,
      form: 'question',
      attempts: 0,
    });
    for (const out of [list.stdout, show.stdout, shownRecord.stdout]) {
      expect(out).not.toMatch(/@example\.lv|Bērziņš|Сергей|Петров|Jautājums/);
    }

    expect((await cli(config.outboxDir, 'retry', waiting)).code).toBe(1); // not a dead letter
    expect((await cli(config.outboxDir, 'retry', 'DAU-2026-ZZZZZ')).code).toBe(1);
    expect((await cli(config.outboxDir, 'show', '../../etc/passwd')).code).toBe(2);
    expect((await cli(config.outboxDir, 'frobnicate')).code).toBe(2);

    sink.recipientModes.clear();
    const logs2 = captureLogs();
    try {
      worker = await startOutboxWorker(config);
      const retry = await cli(config.outboxDir, 'retry', dead.item.reference);
      expect(retry.code).toBe(0);
      expect(existsSync(join(layout.dead, dead.item.reference))).toBe(false);
      await waitUntil(
        () => sink!.messages.some((m) => m.messageId === `<${dead.item.reference}.staff@pasvaldiba.example.lv>`),
        10_000,
        'the retried staff e-mail',
      );
      await waitUntil(() => !existsSync(join(layout.queue, dead.item.reference)), 5000, 'delivered');
    } finally {
      logs2.restore();
    }
    // After the retry each message arrived exactly once.
    expect(
      sink.messages.filter((m) => m.messageId === `<${dead.item.reference}.receipt@pasvaldiba.example.lv>`),
    ).toHaveLength(1);
  }, 30_000);
});

/**
 * Crashes: the server killed (SIGKILL) with applications queued delivers them after a restart,
 * each exactly once; an enqueue killed mid-write leaves nothing half-written in queue/ and its
 * temp folder is cleaned later.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue, outboxLayout } from '#src/server/outbox/index.ts';
import { housekeeping, startOutboxWorker } from '#src/server/outbox/worker.ts';
import { startPortal, startPortalExpectingFailure, type PortalServer } from '../../helpers/portal-server.ts';
import { sampleItem, tempDir, testConfig } from '../support/fixtures.ts';
import { captureLogs, waitUntil } from '../support/logs.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const portals: PortalServer[] = [];
let sink: SmtpSink | undefined;

afterEach(async () => {
  for (const p of portals.splice(0)) await p.kill();
  await sink?.stop();
});

describe('server killed with items queued', () => {
  it('delivers every queued application once after a restart', async () => {
    sink = await startSmtpSink();
    sink.mode = 'tempfail'; // SMTP answers 451: everything stays queued
    const env = { ...sink.env, OUTBOX_RETRY_BASE_MS: '100', OUTBOX_RETRY_MAX_MS: '300' };
    const first = await startPortal({ env });
    portals.push(first);
    const items = [sampleItem(), sampleItem(), sampleItem()];
    for (const { item, files } of items) await enqueue(item, files, { dir: first.dirs.outbox });
    // Cross-process wake-up: the server notices items written by another process.
    for (const { item } of items)
      await first.waitForLog((l) => l.event === 'mail.retry' && l.reference === item.reference);
    await first.kill();
    expect(first.logs.some((l) => l.event === 'server.stopped')).toBe(false); // it really crashed
    expect((await readdir(outboxLayout(first.dirs.outbox).queue)).sort()).toEqual(
      items.map((i) => i.item.reference).sort(),
    );

    sink.mode = 'accept';
    const second = await startPortal({ env, dirs: first.dirs });
    portals.push(second);
    const started = await second.waitForLog((l) => l.event === 'outbox.started');
    expect(started.queued).toBe(3);
    await sink.waitFor(6, 15_000);
    for (const { item } of items)
      await second.waitForLog((l) => l.event === 'outbox.delivered' && l.reference === item.reference);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.messages).toHaveLength(6);
    const ids = sink.messages.map((m) => m.messageId).sort();
    expect(new Set(ids).size).toBe(6);
    expect(await readdir(outboxLayout(first.dirs.outbox).queue)).toEqual([]);
    expect(await second.stop()).toBe(0);
  });
});

describe('atomic enqueue', () => {
  it('a writer killed mid-write leaves no partial item in queue/; the worker ignores and later cleans tmp/', async () => {
    const root = await tempDir('crash');
    const config = testConfig(root);
    const layout = outboxLayout(config.outboxDir);
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('../support/enqueue-big.ts', import.meta.url)), config.outboxDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    await waitUntil(
      async () => existsSync(layout.tmp) && (await readdir(layout.tmp)).length > 0,
      10_000,
      'the writer to start',
    );
    await waitUntil(
      async () => {
        const [entry] = await readdir(layout.tmp);
        return (
          entry !== undefined &&
          existsSync(join(layout.tmp, entry, 'files')) &&
          (await readdir(join(layout.tmp, entry, 'files'))).length > 3
        );
      },
      10_000,
      'some files written',
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(out).not.toContain('done');
    expect(await readdir(layout.queue)).toEqual([]);
    const [partial] = await readdir(layout.tmp);
    expect(partial).toBeDefined();

    const logs = captureLogs();
    try {
      const worker = await startOutboxWorker(config);
      await new Promise((r) => setTimeout(r, 300));
      await worker.stop();
      expect(logs.lines.some((l) => l.event.startsWith('mail.'))).toBe(false);
      expect(await readdir(layout.tmp)).toEqual([partial]); // young: maybe still being written
      // Ten minutes later it is certainly abandoned.
      const old = new Date(Date.now() - 11 * 60_000);
      await utimes(join(layout.tmp, partial!), old, old);
      await housekeeping(layout, config);
      expect(await readdir(layout.tmp)).toEqual([]);
    } finally {
      logs.restore();
    }
  });

  it('refuses a reference that is already in the outbox (OUTBOX_DUPLICATE) and leaves no temp folder', async () => {
    const root = await tempDir('dup');
    const config = testConfig(root);
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    await expect(enqueue(item, files, { dir: config.outboxDir })).rejects.toMatchObject({ code: 'OUTBOX_DUPLICATE' });
    const layout = outboxLayout(config.outboxDir);
    expect(await readdir(layout.tmp)).toEqual([]);
    expect(await readdir(layout.queue)).toEqual([item.reference]);
  });
});

describe('one worker per outbox', () => {
  it('a second server on the same OUTBOX_DIR refuses to start', async () => {
    const first = await startPortal();
    portals.push(first);
    await first.waitForLog((l) => l.event === 'outbox.started');
    const second = await startPortalExpectingFailure({ OUTBOX_DIR: first.dirs.outbox });
    expect(second.code).toBe(78);
    expect(second.output).toContain('Config error: OUTBOX_DIR must belong to one server only');
  });

  it('takes over the lock of a process that died', async () => {
    const root = await tempDir('lock');
    const config = testConfig(root);
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.once('exit', r));
    const layout = outboxLayout(config.outboxDir);
    const { ensureLayout } = await import('#src/server/outbox/layout.ts');
    await ensureLayout(layout);
    await writeFile(join(layout.root, 'worker.lock'), String(dead.pid));
    const logs = captureLogs();
    try {
      const worker = await startOutboxWorker(config);
      await worker.stop();
      expect(logs.lines.some((l) => l.event === 'outbox.stale_lock_taken_over')).toBe(true);
      expect(existsSync(join(layout.root, 'worker.lock'))).toBe(false);
    } finally {
      logs.restore();
    }
  });
});

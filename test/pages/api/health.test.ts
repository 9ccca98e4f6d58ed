/**
 * The public health check (/api/health) does a real write in the outbox and shows free space,
 * nothing internal.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GET } from '#src/pages/api/health.ts';
import { setConfig } from '#src/server/env.ts';
import { enqueue } from '#src/server/outbox/index.ts';
import { ensureLayout, outboxLayout } from '#src/server/outbox/layout.ts';
import { outboxHealth } from '#src/server/outbox/status.ts';
import { sampleItem, tempDir, testConfig } from '../../server/support/fixtures.ts';

describe('health check', () => {
  it('reports ok and free space after a real write, with no queue counts; leaves no probe file', async () => {
    const root = await tempDir('health');
    const config = testConfig(root);
    await ensureLayout(outboxLayout(config.outboxDir));
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    setConfig(config);
    const res = await GET({} as never);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ ok: true, outbox: { writable: true, freeBytes: expect.any(Number) } });
    expect(body.outbox.freeBytes).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/queued|dead|DGV-/);
    expect(await readdir(outboxLayout(config.outboxDir).tmp)).toEqual([]);
    expect(await readdir(outboxLayout(config.outboxDir).journal)).toEqual([]);
  });

  it('reports failure (503) when the outbox cannot really be written, even where a permission check passes', async () => {
    const root = await tempDir('health');
    const config = testConfig(root);
    const layout = outboxLayout(config.outboxDir);
    await ensureLayout(layout);
    // tmp/ replaced by a file: writable by permissions, but nothing can be created in it.
    await rm(layout.tmp, { recursive: true });
    await writeFile(layout.tmp, 'not a folder');
    expect(await outboxHealth(config.outboxDir)).toMatchObject({ writable: false });
    setConfig(config);
    await new Promise((r) => setTimeout(r, 1100)); // past the one-second probe cache
    const res = await GET({} as never);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, outbox: { writable: false } });
    await rm(layout.tmp);
    await mkdir(layout.tmp);
    expect(await outboxHealth(config.outboxDir, Date.now() + 2000)).toMatchObject({ writable: true });
    // The same for the intake journal, where every application is appended first.
    await rm(layout.journal, { recursive: true });
    await writeFile(layout.journal, 'not a folder');
    expect(await outboxHealth(config.outboxDir, Date.now() + 4000)).toMatchObject({ writable: false });
    await rm(layout.journal);
    await mkdir(layout.journal);
    expect(await outboxHealth(config.outboxDir, Date.now() + 6000)).toMatchObject({ writable: true });
  });
});

/** Arrival order of the queue (maintenance.ts): by folder mtime, looked up once per item. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inArrivalOrder } from '#src/server/outbox/maintenance.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function queueWith(items: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atbalsts-queue-'));
  dirs.push(dir);
  for (const [name, seconds] of Object.entries(items)) {
    mkdirSync(join(dir, name));
    utimesSync(join(dir, name), seconds, seconds);
  }
  return dir;
}

describe('inArrivalOrder', () => {
  it('puts the oldest folder first (ties by name)', async () => {
    const dir = queueWith({ 'DGV-2026-CCCCC': 300, 'DGV-2026-AAAAA': 100, 'DGV-2026-BBBBB': 300 });
    expect(await inArrivalOrder(dir, ['DGV-2026-CCCCC', 'DGV-2026-AAAAA', 'DGV-2026-BBBBB'])).toEqual([
      'DGV-2026-AAAAA',
      'DGV-2026-BBBBB',
      'DGV-2026-CCCCC',
    ]);
  });

  it('looks up only names it does not know yet, and forgets names that left the queue', async () => {
    const dir = queueWith({ 'DGV-2026-AAAAA': 100, 'DGV-2026-BBBBB': 200 });
    const known = new Map<string, number>();
    expect(await inArrivalOrder(dir, ['DGV-2026-BBBBB', 'DGV-2026-AAAAA'], known)).toEqual([
      'DGV-2026-AAAAA',
      'DGV-2026-BBBBB',
    ]);
    expect([...known]).toEqual(
      expect.arrayContaining([
        ['DGV-2026-AAAAA', 100_000],
        ['DGV-2026-BBBBB', 200_000],
      ]),
    );
    // A's folder changes on disk; the remembered time still counts until the caller forgets it.
    utimesSync(join(dir, 'DGV-2026-AAAAA'), 300, 300);
    mkdirSync(join(dir, 'DGV-2026-CCCCC'));
    utimesSync(join(dir, 'DGV-2026-CCCCC'), 150, 150);
    expect(await inArrivalOrder(dir, ['DGV-2026-AAAAA', 'DGV-2026-BBBBB', 'DGV-2026-CCCCC'], known)).toEqual([
      'DGV-2026-AAAAA',
      'DGV-2026-CCCCC',
      'DGV-2026-BBBBB',
    ]);
    known.delete('DGV-2026-AAAAA'); // the worker attempted A: look it up again
    expect(await inArrivalOrder(dir, ['DGV-2026-AAAAA', 'DGV-2026-CCCCC'], known)).toEqual([
      'DGV-2026-CCCCC',
      'DGV-2026-AAAAA',
    ]);
    expect(known.has('DGV-2026-BBBBB')).toBe(false);
  });
});

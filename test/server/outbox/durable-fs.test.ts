/** Shared directory fsyncs: concurrent callers all get a sync, errors reach every waiting caller. */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsyncDir, writeFileDurable } from '#src/server/outbox/durable-fs.ts';
import { formDefinition } from '#src/domain/forms/index.ts';
import { parseAnswers } from '#src/domain/forms/schema.ts';
import { example } from '../applications/helpers.ts';
import { tempDir } from '../support/fixtures.ts';

describe('fsyncDir', () => {
  it('answers many concurrent callers, and a failure reaches each caller of that sync', async () => {
    const root = await tempDir('fsync');
    await Promise.all(Array.from({ length: 50 }, () => fsyncDir(root)));
    const gone = join(root, 'gone');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => fsyncDir(gone)));
    expect(results.every((r) => r.status === 'rejected' && (r.reason as NodeJS.ErrnoException).code === 'ENOENT')).toBe(
      true,
    );
    await mkdir(gone);
    await expect(fsyncDir(gone)).resolves.toBeUndefined(); // no stale state after a failure
    await rm(gone, { recursive: true });
    await expect(fsyncDir(gone)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('writeFileDurable with syncDir', () => {
  it('writes new files (many at once in one folder), refuses an existing one', async () => {
    const root = await tempDir('wfd');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => writeFileDurable(join(root, `f${i}`), `data ${i}`, { syncDir: true })),
    );
    expect(await readFile(join(root, 'f7'), 'utf8')).toBe('data 7');
    await expect(writeFileDurable(join(root, 'f7'), 'again', { syncDir: true })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(join(root, 'f7'), 'utf8')).toBe('data 7');
  });
});

describe('parseAnswers with a reused form definition', () => {
  it('gives the same answers each time: an invalid parse does not affect the next valid one', () => {
    const def = formDefinition('question')!;
    const good = example('question').answers;
    const bad = structuredClone(good);
    (bad.applicant as Record<string, string>).personalCode = '010190-12348';
    const first = parseAnswers(def, good);
    expect(parseAnswers(def, bad)).toMatchObject({
      ok: false,
      errors: [{ path: 'applicant.personalCode', key: 'error.personalCode.checksum' }],
    });
    expect(parseAnswers(def, good)).toEqual(first);
    expect(first.ok).toBe(true);
  });
});

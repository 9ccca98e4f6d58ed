import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  deps,
  example,
  formFields,
  FORMS,
  htmlMeta,
  jsonRequest,
  multipartRequest,
  queued,
  run,
  signedKey,
  tempDirs,
} from './helpers.ts';

describe('application handler', () => {
  it.each(FORMS)('accepts the example %s as JSON and stores it in the outbox', async (form) => {
    const d = deps();
    const outcome = await run({ request: jsonRequest(example(form)), form, mode: 'json' }, d);
    expect(outcome).toMatchObject({ kind: 'accepted', replayed: false });
    if (outcome.kind !== 'accepted') return;
    expect(outcome.reference).toMatch(/^DAU-\d{4}-[2-9A-HJKMNP-Z]{5}$/);
    expect(await queued(d.outboxDir!)).toEqual([outcome.reference]);
    // One record with the validated answers; nothing rendered before the 201.
    const item = JSON.parse(readFileSync(join(d.outboxDir!, 'queue', outcome.reference, 'item.json'), 'utf8'));
    expect(item).toMatchObject({
      version: 2,
      reference: outcome.reference,
      municipality: 'daugavpils',
      form,
      application: { uiLocale: example(form).locale ?? 'lv' },
    });
    expect(item.application.values.applicant.givenName).toBe(
      (example(form).answers.applicant as { givenName: string }).givenName,
    );
    expect(item.messages).toBeUndefined();
    expect(existsSync(join(d.outboxDir!, 'queue', outcome.reference, 'files', 'application.pdf'))).toBe(false);
    expect(outcome.downloadToken).toBeUndefined(); // JSON clients get no PDF download
  });

  it('accepts the HTML form (multipart) and re-renders errors with the typed values', async () => {
    const d = deps();
    const ex = example('social-assistance');
    const ok = await run(
      {
        request: multipartRequest([...htmlMeta({ item: 'gmi' }), ...formFields(ex.answers)]),
        form: 'social-assistance',
        mode: 'html',
        locale: 'lv',
      },
      d,
    );
    expect(ok.kind).toBe('accepted');
    if (ok.kind === 'accepted') expect(ok.downloadToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const bad = await run(
      {
        request: multipartRequest([
          ...htmlMeta(),
          ...formFields({
            ...ex.answers,
            applicant: { ...(ex.answers.applicant as object), personalCode: '220785-11238' },
          }),
        ]),
        form: 'social-assistance',
        mode: 'html',
        locale: 'lv',
      },
      d,
    );
    expect(bad).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'applicant.personalCode', key: 'error.personalCode.checksum' }],
    });
    if (bad.kind === 'invalid') expect((bad.values.applicant as Record<string, string>).givenName).toBe('Jānis');
  });

  it('same idempotency key → same reference, one outbox item', async () => {
    const d = deps(tempDirs());
    const body = example('question');
    const headers = { 'idempotency-key': 'abcdefghijklmnop-1234' };
    const [a, b] = await Promise.all([
      run({ request: jsonRequest(body, headers), form: 'question', mode: 'json' }, d),
      run({ request: jsonRequest(body, headers), form: 'question', mode: 'json' }, d),
    ]);
    const c = await run({ request: jsonRequest(body, headers), form: 'question', mode: 'json' }, d);
    expect(a.kind).toBe('accepted');
    if (a.kind !== 'accepted' || b.kind !== 'accepted' || c.kind !== 'accepted') throw new Error('not accepted');
    expect(b.reference).toBe(a.reference);
    expect(c.reference).toBe(a.reference);
    expect(await queued(d.outboxDir!)).toHaveLength(1);
    expect(c.replayed).toBe(true);
  });

  it('a pending record left by an earlier version is replayed: same reference, stored once, confirmed', async () => {
    const body = example('question');
    const headers = { 'idempotency-key': 'left-by-an-earlier-version-1' };
    // The record that version wrote before storing (same key, same body, hence the same hash).
    const first = deps(tempDirs());
    const a = await run({ request: jsonRequest(body, headers), form: 'question', mode: 'json' }, first);
    if (a.kind !== 'accepted') throw new Error('not accepted');
    await queued(first.outboxDir!);
    const [name] = readdirSync(first.idempotencyDir!);
    const d = deps(tempDirs());
    mkdirSync(d.idempotencyDir!, { recursive: true });
    const pending = join(d.idempotencyDir!, name!.replace(/\.json$/, '.pending.json'));
    writeFileSync(pending, readFileSync(join(first.idempotencyDir!, name!)));

    const b = await run({ request: jsonRequest(body, headers), form: 'question', mode: 'json' }, d);
    expect(b).toMatchObject({ kind: 'accepted', replayed: true, reference: a.reference });
    expect(await queued(d.outboxDir!)).toEqual([a.reference]);
    expect(readdirSync(d.idempotencyDir!)).toEqual([name]);
    const c = await run({ request: jsonRequest(body, headers), form: 'question', mode: 'json' }, d);
    expect(c).toMatchObject({ kind: 'accepted', replayed: true, reference: a.reference });
    expect(await queued(d.outboxDir!)).toHaveLength(1);
  });

  it('the HTML form: only the request that stored the application gets a download token, never a replay', async () => {
    const d = deps(tempDirs());
    const key = signedKey(); // as the form page issues it (unsigned keys are ignored)
    const fields = () => [...htmlMeta({ key }), ...formFields(example('question').answers)];
    const post = () => run({ request: multipartRequest(fields()), form: 'question', mode: 'html', locale: 'lv' }, d);
    const [a, b] = await Promise.all([post(), post()]);
    const c = await post();
    if (a.kind !== 'accepted' || b.kind !== 'accepted' || c.kind !== 'accepted') throw new Error('not accepted');
    expect(new Set([a.reference, b.reference, c.reference]).size).toBe(1);
    expect([a, b, c].filter((o) => o.downloadToken)).toHaveLength(1);
    expect(c).toMatchObject({ replayed: true });
    expect(c.downloadToken).toBeUndefined();
  });

  it('answers 503 and acknowledges nothing when the outbox cannot be written (disk problem)', async () => {
    const dirs = tempDirs();
    writeFileSync(join(dirs.root, 'not-a-dir'), 'x');
    const d = deps({ ...dirs, outboxDir: join(dirs.root, 'not-a-dir', 'outbox') });
    const outcome = await run(
      {
        request: jsonRequest(example('question'), { 'idempotency-key': 'disk-full-test-key-0001' }),
        form: 'question',
        mode: 'json',
      },
      d,
    );
    expect(outcome).toMatchObject({
      kind: 'rejected',
      status: 503,
      code: 'OUTBOX_WRITE_FAILED',
      key: 'error.request.unavailable',
    });
    // The resident's retry with the same key, once the disk is back, stores it.
    const again = await run(
      {
        request: jsonRequest(example('question'), { 'idempotency-key': 'disk-full-test-key-0001' }),
        form: 'question',
        mode: 'json',
      },
      deps(dirs),
    );
    expect(again.kind).toBe('accepted');
  });
});

/**
 * An idempotency key is bound to the body it was first used with: a different body with a known
 * key is refused (409), a replay never hands out the PDF download to someone without the
 * original cookie, and the HTML form's key is signed by the server.
 */
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '#src/server/applications/respond.ts';
import { DOWNLOAD_COOKIE } from '#src/server/downloads/store.ts';
import { FORM_KEY_SECRET_FILE, formKeySecret, issueFormKey, verifyFormKey } from '#src/server/form-key.ts';
import { canonicalBodyHash } from '#src/server/idempotency.ts';
import {
  deps,
  example,
  formFields,
  htmlMeta,
  jsonRequest,
  multipartRequest,
  queued,
  run,
  SAMPLES,
  signedKey,
  TEST_FORM_KEY_SECRET,
} from './helpers.ts';

const otherAnswers = () => {
  const other = example('question');
  (other.answers.applicant as Record<string, string>).givenName = 'Uzbrucējs';
  return other;
};

describe('idempotency keys are bound to the body', () => {
  it('a different body with a known JSON key gets 409 (translated), not the first application', async () => {
    const d = deps();
    const headers = { 'idempotency-key': 'victim-key-0123456789' };
    const first = await run({ request: jsonRequest(example('question'), headers), form: 'question', mode: 'json' }, d);
    expect(first).toMatchObject({ kind: 'accepted', replayed: false });
    const second = await run({ request: jsonRequest(otherAnswers(), headers), form: 'question', mode: 'json' }, d);
    expect(second).toMatchObject({
      kind: 'rejected',
      status: 409,
      code: 'IDEMPOTENCY_KEY_MISMATCH',
      key: 'error.request.keyReused',
    });
    // What was typed comes back (the form page re-renders it), the used key does not.
    if (second.kind === 'rejected') {
      expect(second.keep?.values).toMatchObject({ applicant: { givenName: 'Uzbrucējs' } });
      expect(second.keep).not.toHaveProperty('idempotencyKey');
    }
    expect(JSON.stringify(second)).not.toContain(first.kind === 'accepted' ? first.reference : 'x');
    expect(await queued(d.outboxDir!)).toHaveLength(1);
    const lv = await jsonResponse(second, 'lv').json();
    const ru = await jsonResponse(second, 'ru').json();
    expect(lv.message).toMatch(/citām atbildēm/);
    expect(ru.message).toMatch(/другими ответами/);
    // The same body again is a replay: same reference.
    const third = await run({ request: jsonRequest(example('question'), headers), form: 'question', mode: 'json' }, d);
    expect(third).toMatchObject({
      kind: 'accepted',
      replayed: true,
      reference: first.kind === 'accepted' ? first.reference : '',
    });
  });

  it('concurrent posts with one key and different bodies: one stored, the other refused', async () => {
    const d = deps();
    const headers = { 'idempotency-key': 'race-key-0123456789ab' };
    const [a, b] = await Promise.all([
      run({ request: jsonRequest(example('question'), headers), form: 'question', mode: 'json' }, d),
      run({ request: jsonRequest(otherAnswers(), headers), form: 'question', mode: 'json' }, d),
    ]);
    expect([a.kind, b.kind].sort()).toEqual(['accepted', 'rejected']);
    expect(await queued(d.outboxDir!)).toHaveLength(1);
  });

  it('a changed attachment changes the body hash; field order does not', () => {
    const base = {
      municipality: 'daugavpils',
      form: 'question',
      values: { a: { x: '1', y: '2' } },
      attachments: [{ filename: 'a.pdf', content: SAMPLES.pdf }],
    };
    const h = canonicalBodyHash(base);
    expect(canonicalBodyHash({ ...base, values: { a: { y: '2', x: '1' } } })).toBe(h);
    expect(canonicalBodyHash({ ...base, attachments: [{ filename: 'a.pdf', content: SAMPLES.png }] })).not.toBe(h);
    expect(canonicalBodyHash({ ...base, attachments: [{ filename: 'b.pdf', content: SAMPLES.pdf }] })).not.toBe(h);
    expect(canonicalBodyHash({ ...base, item: 'gmi' })).not.toBe(h);
  });
});

describe('replays never hand out the PDF download', () => {
  const post = (key: string, headers: Record<string, string> = {}) =>
    multipartRequest([...htmlMeta({ key }), ...formFields(example('question').answers)], [], headers);

  it('the first post gets a token; a replay without the cookie gets none; with the original cookie it keeps it', async () => {
    const d = deps();
    const key = signedKey();
    const first = await run({ request: post(key), form: 'question', mode: 'html', locale: 'lv' }, d);
    expect(first).toMatchObject({ kind: 'accepted', replayed: false });
    if (first.kind !== 'accepted') return;
    expect(first.downloadToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stranger = await run({ request: post(key), form: 'question', mode: 'html', locale: 'lv' }, d);
    expect(stranger).toMatchObject({ kind: 'accepted', replayed: true, reference: first.reference });
    expect(stranger).not.toHaveProperty('downloadToken');

    const forgedCookie = await run(
      {
        request: post(key, { cookie: `${DOWNLOAD_COOKIE}=${'A'.repeat(43)}` }),
        form: 'question',
        mode: 'html',
        locale: 'lv',
      },
      d,
    );
    expect(forgedCookie).not.toHaveProperty('downloadToken');

    const owner = await run(
      {
        request: post(key, { cookie: `other=1; ${DOWNLOAD_COOKIE}=${first.downloadToken}` }),
        form: 'question',
        mode: 'html',
        locale: 'lv',
      },
      d,
    );
    expect(owner).toMatchObject({ kind: 'accepted', replayed: true, downloadToken: first.downloadToken });
    expect(await queued(d.outboxDir!)).toHaveLength(1);
  });
});

describe('signed form keys', () => {
  it('a forged or unsigned key from the HTML form is ignored: each post is a new application', async () => {
    const d = deps();
    const forged = signedKey().slice(0, 22) + 'A'.repeat(43);
    for (const key of [
      'f3b0c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      forged,
      issueFormKey(new TextEncoder().encode('another-server-secret-0123456789ab')),
    ]) {
      const a = await run(
        {
          request: multipartRequest([...htmlMeta({ key }), ...formFields(example('question').answers)]),
          form: 'question',
          mode: 'html',
          locale: 'lv',
        },
        d,
      );
      const b = await run(
        {
          request: multipartRequest([...htmlMeta({ key }), ...formFields(example('question').answers)]),
          form: 'question',
          mode: 'html',
          locale: 'lv',
        },
        d,
      );
      expect(a).toMatchObject({ kind: 'accepted', replayed: false });
      expect(b).toMatchObject({ kind: 'accepted', replayed: false });
      if (a.kind === 'accepted' && b.kind === 'accepted') expect(a.reference).not.toBe(b.reference);
    }
    // A signed key works: the second post is a replay.
    const key = signedKey();
    const a = await run(
      {
        request: multipartRequest([...htmlMeta({ key }), ...formFields(example('question').answers)]),
        form: 'question',
        mode: 'html',
        locale: 'lv',
      },
      d,
    );
    const b = await run(
      {
        request: multipartRequest([...htmlMeta({ key }), ...formFields(example('question').answers)]),
        form: 'question',
        mode: 'html',
        locale: 'lv',
      },
      d,
    );
    expect(b).toMatchObject({ kind: 'accepted', replayed: true, reference: a.kind === 'accepted' ? a.reference : '' });
  });

  it('an unsigned key is not echoed back into the re-rendered form', async () => {
    const outcome = await run(
      {
        request: multipartRequest([...htmlMeta({ key: 'attacker-chosen-key-0001' }), ['applicant.givenName', 'Jānis']]),
        form: 'question',
        mode: 'html',
        locale: 'lv',
      },
      deps(),
    );
    expect(outcome.kind).toBe('invalid');
    expect(outcome).not.toHaveProperty('idempotencyKey');
  });

  it('verifies only keys signed with the secret', () => {
    const key = issueFormKey(TEST_FORM_KEY_SECRET);
    expect(key).toMatch(/^[A-Za-z0-9_-]{65}$/);
    expect(verifyFormKey(TEST_FORM_KEY_SECRET, key)).toBe(true);
    expect(verifyFormKey(new TextEncoder().encode('x'.repeat(32)), key)).toBe(false);
    expect(verifyFormKey(TEST_FORM_KEY_SECRET, key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(verifyFormKey(TEST_FORM_KEY_SECRET, undefined)).toBe(false);
  });

  it('without FORM_KEY_SECRET the secret is generated once into form-key.secret (0600) and reused after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'atbalsts-formkey-'));
    const secret = await formKeySecret({ dataDir });
    const file = join(dataDir, FORM_KEY_SECRET_FILE);
    expect(secret.byteLength).toBe(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.compare(await readFile(file), secret)).toBe(0);
    // "Restart": a fresh process-wide cache reads the same file.
    (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for('atbalsts.formKeySecret')]!.clear();
    expect(Buffer.compare(await formKeySecret({ dataDir }), secret)).toBe(0);
    // FORM_KEY_SECRET wins when set.
    const fromEnv = await formKeySecret({ dataDir, FORM_KEY_SECRET: 'z'.repeat(40) });
    expect(fromEnv.toString()).toBe('z'.repeat(40));
  });
});

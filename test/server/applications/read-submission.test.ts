/**
 * Reading a posted application (read-submission.ts): the HTML form's own fields are kept apart
 * from the answers, only a signed key counts, the rows and the first render time come out as the
 * page needs them; JSON carries its item, locale and Idempotency-Key header.
 */
import { describe, expect, it } from 'vitest';
import { readSubmission } from '#src/server/applications/read-submission.ts';
import { deps, example, jsonRequest, multipartRequest, signedKey } from './helpers.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const d = deps(undefined, { now: () => NOW });
const html = (fields: [string, string][], headers: Record<string, string> = {}) =>
  readSubmission(
    {
      request: multipartRequest(fields, [], headers),
      municipality: 'daugavpils',
      form: 'social-assistance',
      mode: 'html',
      locale: 'ru',
    },
    d,
  );

describe('readSubmission', () => {
  it('HTML: the form fields apart from the answers, the signed key, rows, first render time and download cookie', async () => {
    const key = signedKey();
    const read = await html(
      [
        ['website', ''],
        ['renderedAt', String(NOW.getTime() - 60_000)],
        ['idempotencyKey', key],
        ['_action', 'add:members'],
        ['rows.members', '3'],
        ['rows.incomes', '999'],
        ['applicant.givenName', 'Наталья'],
        ['members.0.givenName', 'Иван'],
        ['nonsense', 'x'],
      ],
      { cookie: 'other=1; atbalsts_pdf=tok' },
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const s = read.submission;
    expect(s).toMatchObject({ form: 'social-assistance', idempotencyKey: key, locale: 'ru', unknown: ['nonsense'] });
    expect(s.municipality.id).toBe('daugavpils');
    expect(s.values).toMatchObject({ applicant: { givenName: 'Наталья' }, members: [{ givenName: 'Иван' }] });
    expect(JSON.stringify(s.values)).not.toMatch(/renderedAt|idempotencyKey|_action|rows\./);
    const max = s.page!.def.sections.find((x) => x.id === 'incomes')!.repeat!.max;
    expect(s.page).toMatchObject({
      honeypot: '',
      renderedAt: NOW.getTime() - 60_000,
      firstRender: NOW.getTime() - 60_000,
      action: 'add:members',
      rows: { members: 3, incomes: max },
      downloadCookie: 'tok',
    });
  });

  it('HTML: a key this server did not sign is dropped; a render time in the future is not kept', async () => {
    const read = await html([
      ['idempotencyKey', 'A'.repeat(65)],
      ['renderedAt', String(NOW.getTime() + 60_000)],
    ]);
    if (!read.ok) throw new Error('not read');
    expect(read.submission.idempotencyKey).toBeUndefined();
    expect(read.submission.page?.firstRender).toBeUndefined();
    expect(read.submission.page?.renderedAt).toBe(NOW.getTime() + 60_000);
    expect(read.submission.page?.downloadCookie).toBeUndefined();
  });

  it('JSON: item, locale and the Idempotency-Key header; no page fields; a malformed key is 400', async () => {
    const body = { ...example('municipal-benefit'), locale: 'ru' as const };
    const key = 'f3b0c2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b';
    const read = await readSubmission(
      {
        request: jsonRequest(body, { 'idempotency-key': key }),
        municipality: 'daugavpils',
        form: 'municipal-benefit',
        mode: 'json',
      },
      d,
    );
    if (!read.ok) throw new Error('not read');
    expect(read.submission).toMatchObject({ itemId: body.item, locale: 'ru', idempotencyKey: key, unknown: [] });
    expect(read.submission.page).toBeUndefined();
    const bad = await readSubmission(
      {
        request: jsonRequest(body, { 'idempotency-key': 'no spaces allowed' }),
        municipality: 'daugavpils',
        form: 'municipal-benefit',
        mode: 'json',
      },
      d,
    );
    expect(bad).toMatchObject({ ok: false, outcome: { status: 400, code: 'IDEMPOTENCY_KEY_INVALID' } });
  });

  it('refuses another method (405), an unknown municipality or form (404), an unknown item on the HTML form (400)', async () => {
    const get = new Request('http://127.0.0.1/', { method: 'GET' });
    expect(
      await readSubmission({ request: get, municipality: 'daugavpils', form: 'question', mode: 'json' }, d),
    ).toMatchObject({
      outcome: { status: 405 },
    });
    const post = () => jsonRequest(example('question'));
    expect(
      await readSubmission({ request: post(), municipality: 'nowhere', form: 'question', mode: 'json' }, d),
    ).toMatchObject({
      outcome: { status: 404 },
    });
    expect(
      await readSubmission({ request: post(), municipality: 'daugavpils', form: 'nothing', mode: 'json' }, d),
    ).toMatchObject({
      outcome: { status: 404 },
    });
    const noItem = await readSubmission(
      {
        request: multipartRequest([['item', 'no-such-item']]),
        municipality: 'daugavpils',
        form: 'municipal-benefit',
        mode: 'html',
      },
      d,
    );
    expect(noItem).toMatchObject({ ok: false, outcome: { status: 400, code: 'ITEM_UNKNOWN' } });
  });
});

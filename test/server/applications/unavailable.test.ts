/**
 * A temporary failure to store (503) on the HTML form: the page comes back with the translated
 * message, Retry-After, everything typed and the same idempotency key, so sending again once
 * the disk is back stores this one application (one e-mail). The outbox's intake journal folder
 * is replaced by a file to make the write fail — that fails for root too.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, formFields } from './helpers.ts';
import { decode, hiddenFields, portalWithMailForFile, submitForm, type FormPost } from './portal.ts';

const suite = portalWithMailForFile();

const submit = (...post: FormPost) => submitForm(suite.portal, ...post);

describe('503 on the HTML form', () => {
  it('keeps the typed values and the key; sending again later stores it once', async () => {
    const path = '/ru/daugavpils/pieteikums/question/';
    const page = await fetch(suite.portal.url + path);
    const hidden = hiddenFields(await page.text());
    const fields = formFields(example('question').answers);
    const journal = join(suite.portal.dirs.outbox, 'journal');
    await rm(journal, { recursive: true, force: true });
    await writeFile(journal, 'not a directory');
    const res = await submit(path, hidden, fields);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    const html = decode(await res.text());
    expect(html).toContain('Сейчас заявку нельзя сохранить');
    expect(html).toContain('value="Сергей"');
    expect(html).toContain('полставки');
    const again = hiddenFields(html);
    expect(again.idempotencyKey).toBe(hidden.idempotencyKey);
    expect(again.renderedAt).toBe(String(Number(hidden.renderedAt) - 30_000));

    await rm(journal, { force: true });
    const ok = await submit(path, again, fields);
    expect(ok.status).toBe(303);
    const reference = new URL(ok.headers.get('location')!, suite.portal.url).searchParams.get('ref')!;
    expect(ok.headers.get('set-cookie') ?? '').toMatch(/atbalsts_pdf=/);
    await suite.sink.waitFor(2, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(suite.sink.messages.filter((m) => m.messageId?.startsWith(`<${reference}.staff@`))).toHaveLength(1);
  });
});

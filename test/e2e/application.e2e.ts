/**
 * Application journeys (issues 4 and 5) in Latvian and Russian, with JavaScript (the island's
 * steps) and without it (the plain form): empty form → errors → corrected → sent → thank-you page
 * with the reference → the staff e-mail (always Latvian) and the receipt (the resident's language)
 * arrive at a real SMTP server (smtp-server on 127.0.0.1, read with mailparser).
 */
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '#src/components/catalogue/data.ts';
import { paths, tFor, type Locale } from '#src/i18n/index.ts';
import { startPortal, type PortalServer } from '../helpers/portal-server.ts';
import { startSmtpSink, type SmtpSink } from '../server/support/smtp-sink.ts';
import { launchBrowser, MOBILE, newContext } from './support/browser.ts';

const M = 'daugavpils';
const MAILBOX = MUNICIPALITIES.find((m) => m.id === M)!.mailboxes.default;
/** The server refuses a form sent faster than this after it was rendered (bots); residents are slower. */
const MIN_FILL_MS = 3_100;

let portal: PortalServer;
let sink: SmtpSink;
let browser: Browser;
beforeAll(async () => {
  sink = await startSmtpSink();
  [portal, browser] = await Promise.all([
    startPortal({
      env: { ...sink.env, MAIL_FROM: 'Atbalsts <atbalsts@portal.example.lv>', OUTBOX_RETRY_BASE_MS: '50' },
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await sink?.stop();
});

/** What the resident types; Latvian diacritics and Cyrillic must survive the whole way. */
const RESIDENT: Record<Locale, { given: string; family: string; email: string; message: string }> = {
  lv: {
    given: 'Līga',
    family: 'Ērgļe',
    email: 'liga.ergle@example.lv',
    message: 'Vai varu saņemt mājokļa pabalstu, ja īrēju dzīvokli bez līguma?',
  },
  ru: {
    given: 'Людмила',
    family: 'Кузнецова',
    email: 'ludmila@example.lv',
    message: 'Могу ли я получить пособие на жильё, если снимаю квартиру без договора?',
  },
};

async function mailsFor(reference: string, count: number, timeoutMs = 20_000): Promise<ParsedMail[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = sink.messages.filter((m) => (m.subject ?? '').includes(reference));
    if (found.length >= count || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

async function fillApplicant(page: Page, l: Locale) {
  await field(page, 'applicant.givenName').fill(RESIDENT[l].given);
  await field(page, 'applicant.familyName').fill(RESIDENT[l].family);
}
async function fillContact(page: Page, l: Locale) {
  await page.locator('[name="contact.channel"][value="email"]').check();
  await field(page, 'contact.email').fill(RESIDENT[l].email);
  // The preferred language is pre-set to the page's language; the resident keeps it.
  expect(await page.locator(`[name="contact.language"][value="${l}"]`).isChecked()).toBe(true);
}
async function fillQuestion(page: Page, l: Locale) {
  await field(page, 'question.topic').selectOption('benefit');
  await field(page, 'question.message').fill(RESIDENT[l].message);
}

/** The thank-you page shows the reference; the staff mail and the receipt arrive once each. */
async function expectSent(page: Page, l: Locale, renderedAt: number): Promise<void> {
  const t = tFor(l);
  const lv = tFor('lv');
  await page.waitForURL((u) => u.pathname === paths.applySent(l, M), { timeout: 20_000 });
  expect(Date.now() - renderedAt).toBeGreaterThan(MIN_FILL_MS - 100);
  const reference = new URL(page.url()).searchParams.get('ref')!;
  expect(reference).toMatch(/^DAU-\d{4}-[A-Z0-9]{5}$/);
  expect(await page.locator('h1').innerText()).toBe(t('forms:sent.title'));
  expect(await page.locator('main').innerText()).toContain(reference);

  const mails = await mailsFor(reference, 2);
  expect(mails.map((m) => m.subject).sort(), 'one staff e-mail and one receipt').toHaveLength(2);
  const staff = mails.find((m) => JSON.stringify(m.to).includes(MAILBOX));
  const receipt = mails.find((m) => JSON.stringify(m.to).includes(RESIDENT[l].email));
  expect(staff, `staff e-mail to ${MAILBOX}`).toBeDefined();
  expect(receipt, `receipt to ${RESIDENT[l].email}`).toBeDefined();
  // Staff: Latvian whatever the resident's language, with every answer and the resident's language stated.
  expect(staff!.subject).toBe(
    lv('mail:staff.subject', {
      reference,
      form: lv('forms:form.question.title'),
      name: `${RESIDENT[l].given} ${RESIDENT[l].family}`,
    }),
  );
  for (const s of [RESIDENT[l].message, RESIDENT[l].email, lv(`mail:languageName.${l}`)])
    expect(staff!.text, `staff text has "${s}"`).toContain(s);
  expect(JSON.stringify(staff!.replyTo)).toContain(RESIDENT[l].email);
  // Receipt: the resident's language, no answers in it.
  expect(receipt!.subject).toBe(t('mail:receipt.subject', { reference }));
  expect(receipt!.text).not.toContain(RESIDENT[l].message);
}

describe('application with JavaScript: the island steps through the form', () => {
  for (const l of ['lv', 'ru'] as Locale[]) {
    it(`${l}: empty step → errors → corrected → sent → thank-you → both e-mails`, async () => {
      const t = tFor(l);
      const ctx = await newContext(browser, portal.url, l === 'ru' ? MOBILE : {});
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        await page.goto(portal.url + paths.apply(l, M, 'question'));
        const renderedAt = Date.now();
        const next = page.getByRole('button', { name: t('forms:island.next'), exact: true });
        await next.waitFor({ timeout: 20_000 }); // hydrated: one section at a time

        await next.click();
        // Errors at the fields and an error summary at the top, focused, linking to each field.
        await expect.poll(() => page.locator('.field--error').count(), { timeout: 5_000 }).toBeGreaterThan(0);
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')), {
            timeout: 5_000,
            message: 'focus on the island error summary',
          })
          .toBe(true);
        const summaryLinks = page.locator('[data-island-summary] a');
        expect(await summaryLinks.count()).toBe(await page.locator('.field--error').count());
        expect(await summaryLinks.first().getAttribute('href')).toBe('#f-applicant-givenName');
        await summaryLinks.first().click();
        expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
          'applicant.givenName',
        );

        await fillApplicant(page, l);
        // Leave the corrected field first (see the known bug below: the error under it disappears
        // on blur, the Next button moves up under a mouse press, and the click is lost).
        await page.keyboard.press('Tab');
        await next.click();
        await fillContact(page, l);
        await next.click();
        await fillQuestion(page, l);
        await next.click();
        await page.locator('[name="privacy.acknowledged"]').check();
        await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - renderedAt)));
        await page.getByRole('button', { name: t('forms:page.submitQuestion'), exact: true }).click();
        await expectSent(page, l, renderedAt);
        // The draft is gone from this (possibly shared) computer.
        expect(
          await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('atbalsts:draft:'))),
        ).toEqual([]);
        expect(errors).toEqual([]);
        expect(ctx.foreignRequests).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('a click on Next is never lost to a moving error text', () => {
  // Regression: ApplicationForm re-validated a field on blur. After an error, correcting the last
  // field and clicking "Next" with the mouse: mousedown blurred the field, its error text was
  // removed, the button jumped up, mouseup landed elsewhere and Chrome sent no click.
  // Now errors clear while typing, and leaving a field for a button does not re-validate it.
  it('desktop mouse: correct the field with an error, click Next once → the next step', async () => {
    const t = tFor('lv');
    const ctx = await newContext(browser, portal.url);
    const page = await ctx.newPage();
    try {
      await page.goto(portal.url + paths.apply('lv', M, 'question'));
      const next = page.getByRole('button', { name: t('forms:island.next'), exact: true });
      await next.waitFor({ timeout: 20_000 });
      await next.click();
      await fillApplicant(page, 'lv');
      await next.click();
      await page.locator('[name="contact.channel"][value="email"]').check({ timeout: 3_000 });
    } finally {
      await ctx.close();
    }
  });
});

describe('application without JavaScript: the plain form posts and re-renders', () => {
  for (const l of ['lv', 'ru'] as Locale[]) {
    it(`${l}: empty form → error summary (focused) → corrected → sent → thank-you → both e-mails`, async () => {
      const t = tFor(l);
      const ctx = await newContext(browser, portal.url, { ...(l === 'ru' ? MOBILE : {}), javaScriptEnabled: false });
      const page = await ctx.newPage();
      try {
        await page.goto(portal.url + paths.apply(l, M, 'question'));
        const renderedAt = Date.now();
        // Something typed before the first error must still be there afterwards.
        await field(page, 'question.message').fill(RESIDENT[l].message);
        await page.waitForTimeout(MIN_FILL_MS);
        const submit = page.getByRole('button', { name: t('forms:page.submitQuestion'), exact: true });
        const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), submit.click()]);
        expect(res.status()).toBe(400);
        await page.locator('.error-summary').waitFor(); // the re-rendered page, not the one that posted
        await page.waitForLoadState('load');
        // The error page is a new render: the server's minimum fill time counts from here again.
        const errorPageAt = Date.now();

        const summary = page.locator('.error-summary');
        expect(await summary.getAttribute('role')).toBe('alert');
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')), {
            timeout: 5_000,
            message: 'focus on the error summary (autofocus)',
          })
          .toBe(true);
        expect(await page.title()).toMatch(new RegExp(`^${t('forms:summary.title')}`));
        // Every summary link leads to a field that shows the same message.
        const links = await summary
          .locator('a')
          .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent?.trim()] as const));
        expect(links.length).toBeGreaterThan(2);
        for (const [href, text] of links) {
          const target = page.locator(href!);
          expect(await target.count(), `summary link ${href}`).toBe(1);
          // The field repeats the message (after a visually hidden "Error:"); the summary adds the label.
          const atField = await target
            .locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " field ")][1]')
            .locator('.field__error')
            .first()
            .innerText();
          const message = atField.split('\n').pop()!.trim();
          expect(message.length, `${href}: error shown at the field`).toBeGreaterThan(0);
          expect(text, `summary link for ${href}`).toContain(message);
        }
        expect(await field(page, 'question.message').inputValue()).toBe(RESIDENT[l].message);

        await fillApplicant(page, l);
        await fillContact(page, l);
        await fillQuestion(page, l);
        await page.locator('[name="privacy.acknowledged"]').check();
        await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - errorPageAt)));
        await submit.click();
        await expectSent(page, l, renderedAt);
        expect(ctx.foreignRequests).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }
});

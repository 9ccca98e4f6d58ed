/**
 * The ApplicationForm island in real Chromium (playwright-core, /usr/bin/chromium): steps, inline
 * errors with the shared rules, the sessionStorage draft and "clear my data", JS row adding, the
 * estimator hand-off, and a full journey to the thank-you page. The server HTML underneath is
 * the same no-JS form (no-js.test.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, horizontalOverflow } from './support/axe.ts';
import { launchBrowser, MOBILE } from './support/browser.ts';
import type { PortalServer } from '../helpers/portal-server.ts';
import type { SmtpSink } from '../server/support/smtp-sink.ts';
import { portalWithMail } from '../server/applications/portal.ts';

let portal: PortalServer;
let sink: SmtpSink;
let browser: Browser;
beforeAll(async () => {
  ({ portal, sink } = await portalWithMail());
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await sink?.stop();
});

async function withPage(fn: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const errors: string[] = [];
  // The portal's real Content-Security-Policy applies (no bypass): the island must run under it.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const foreignRequests: string[] = [];
  ctx.on('request', (r) => {
    if (!r.url().startsWith(portal.url) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => void d.accept());
  try {
    await fn(page, errors);
    expect(foreignRequests).toEqual([]);
  } finally {
    await ctx.close();
  }
}

const visibleSteps = (page: Page) =>
  page.$$eval('form > fieldset.form-section', (els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).dataset.step),
  );

describe('ApplicationForm island', () => {
  it('shows one step at a time, checks a step before moving on, and shows inline errors from the shared rules', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${portal.url}/lv/daugavpils/pieteikums/social-assistance/`);
      await page.getByText(/1\. solis no \d+/).waitFor();
      // Steps are applied in an effect after the counter renders: poll rather than race it.
      await expect.poll(() => visibleSteps(page)).toEqual(['request']);
      await expect.poll(() => page.locator('[data-submit]').isHidden()).toBe(true);
      await page.getByRole('button', { name: 'Tālāk' }).click();
      await page.getByText('Izvēlieties atbildi.').first().waitFor();
      expect(await visibleSteps(page)).toEqual(['request']);
      await page.getByLabel('Garantētā minimālā ienākuma (GMI) pabalstu').check({ force: true });
      await page.getByRole('button', { name: 'Tālāk' }).click();
      await expect.poll(() => visibleSteps(page)).toEqual(['applicant']);
      const code = page.locator('#f-applicant-personalCode');
      await code.fill('220785-11238');
      await code.blur();
      await page.getByText('Personas kods nav derīgs. Pārbaudiet ciparus.').waitFor();
      expect(await code.getAttribute('aria-describedby')).toContain('f-applicant-personalCode-error');
      await code.fill('220785-11239');
      await code.blur();
      await page.getByText('Personas kods nav derīgs. Pārbaudiet ciparus.').waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    });
  }, 90_000);

  it('keeps a draft in this tab (restored after reload) and "clear my data" removes it', async () => {
    await withPage(async (page) => {
      await page.goto(`${portal.url}/ru/daugavpils/pieteikums/question/`);
      await page.getByText(/Шаг 1 из \d+/).waitFor(); // the island is running (drafts are its job)
      await page.locator('#f-applicant-givenName').fill('Наталья');
      await page.locator('#f-applicant-familyName').fill('Ērgle');
      await page.reload();
      await page.getByText('Мы восстановили ранее введенные ответы').waitFor();
      expect(await page.locator('#f-applicant-givenName').inputValue()).toBe('Наталья');
      await page.getByRole('button', { name: 'Удалить мои данные с этого компьютера' }).click();
      await page.getByText('Введенные вами данные удалены из этого браузера.').waitFor();
      expect(await page.locator('#f-applicant-givenName').inputValue()).toBe('');
      expect(
        await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('atbalsts:draft:'))),
      ).toEqual([]);
    });
  }, 90_000);

  it('adds household members without a reload and prefills from the estimator hand-off', async () => {
    await withPage(async (page) => {
      await page.goto(`${portal.url}/lv/daugavpils/pieteikums/social-assistance/`);
      await page.evaluate(() =>
        sessionStorage.setItem(
          'atbalsts.estimator.answers.v1',
          JSON.stringify({
            v: 1,
            municipality: 'daugavpils',
            locale: 'lv',
            date: '2026-11-22',
            items: ['gmi', 'housing-benefit', 'newborn'],
            household: {
              date: '2026-11-22',
              municipality: 'daugavpils',
              members: [
                {
                  age: 70,
                  pensioner: true,
                  disability: null,
                  student: false,
                  incomes: [{ type: 'pension', monthly: 412.5 }],
                },
                {
                  age: 40,
                  pensioner: false,
                  disability: null,
                  student: false,
                  incomes: [{ type: 'salary', monthly: 800 }],
                },
                { age: 10, pensioner: false, disability: null, student: true, incomes: [] },
              ],
              housing: { costsMonthly: 300 },
              assets: { savings: 120, vehicles: 0 },
              situations: [],
            },
          }),
        ),
      );
      await page.reload();
      await page.getByText(/1\. solis/).waitFor();
      expect(await page.locator('input[name="request.requests"][value="gmi"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="request.requests"][value="housing-benefit"]').isChecked()).toBe(true);
      expect(await page.locator('[data-rows="members"] > [data-row]').count()).toBe(2);
      expect(await page.locator('select[name="members.1.status"]').inputValue()).toBe('pupil-student');
      expect(await page.locator('input[name="incomes.0.month1"]').inputValue()).toBe('412,50');
      expect(await page.locator('select[name="incomes.1.type"]').inputValue()).toBe('salary');
      expect(await page.locator('input[name="property.savings"]').inputValue()).toBe('120,00');
      expect(await page.evaluate(() => sessionStorage.getItem('atbalsts.estimator.answers.v1'))).toBeNull();
      // JS "add another member": a third row appears, renumbered, without a reload.
      const url = page.url();
      for (let i = 0; i < 3; i++)
        await page
          .getByRole('button', { name: 'Tālāk' })
          .click()
          .catch(() => undefined);
      await page.evaluate(() => (document.querySelector('[data-add-row="members"]') as HTMLButtonElement).click());
      expect(await page.locator('[data-rows="members"] > [data-row]').count()).toBe(3);
      expect(await page.locator('input[name="members.2.givenName"]').count()).toBe(1);
      expect(await page.locator('input[name="rows.members"]').inputValue()).toBe('3');
      expect(page.url()).toBe(url);
    });
  }, 90_000);

  it('a full journey with JavaScript ends on the thank-you page and clears the draft', async () => {
    await withPage(async (page, errors) => {
      await page.goto(`${portal.url}/lv/daugavpils/pieteikums/question/`);
      await page.getByText(/1\. solis no \d+/).waitFor();
      const next = () => page.getByRole('button', { name: 'Tālāk' }).click();
      await page.locator('#f-applicant-givenName').fill('Ģirts');
      await page.locator('#f-applicant-familyName').fill('Ķēniņš');
      await next();
      await page.getByLabel('Pa e-pastu').check({ force: true });
      await page.locator('#f-contact-email').fill('girts@example.lv');
      await page.getByLabel('Latviešu').check({ force: true });
      await next();
      await page.locator('#f-question-topic').selectOption('status');
      await page.locator('#f-question-message').fill('Vai statuss saglabājas, ja sāku strādāt?');
      await next();
      await page
        .getByLabel('Esmu iepazinies(-usies) ar informāciju par personas datu apstrādi.')
        .check({ force: true });
      await page.waitForTimeout(3100); // the minimum fill time applies to real people too
      await Promise.all([
        page.waitForURL(/\/nosutits\/\?ref=DAU-/),
        page.getByRole('button', { name: 'Nosūtīt jautājumu' }).click(),
      ]);
      await page.getByText('Pieteikums nosūtīts').first().waitFor();
      expect(
        await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('atbalsts:draft:'))),
      ).toEqual([]);
      expect(errors).toEqual([]);
    });
  }, 90_000);

  it('without JavaScript in a real browser: the form, its error page and the thank-you page pass axe (WCAG 2.1 AA) at 360 px with no overflow', async () => {
    const ctx = await browser.newContext({ ...MOBILE, javaScriptEnabled: false, bypassCSP: true });
    const page = await ctx.newPage();
    try {
      const check = async (what: string) => {
        const v = await axeViolations(page).catch(async () => {
          // axe needs script: evaluate in a JS-enabled copy of the same HTML.
          const html = await page.content();
          const jsCtx = await browser.newContext({ ...MOBILE, bypassCSP: true });
          const p2 = await jsCtx.newPage();
          await p2.route('**/*', (r) =>
            r.request().isNavigationRequest() ? r.fulfill({ body: html, contentType: 'text/html' }) : r.continue(),
          );
          await p2.goto(page.url());
          const out = await axeViolations(p2);
          await jsCtx.close();
          return out;
        });
        expect(describeViolations(what, v)).toBe('');
        expect(await horizontalOverflow(page), `${what}: horizontal overflow at 360 px`).toBeLessThanOrEqual(0);
      };
      await page.goto(`${portal.url}/lv/daugavpils/pieteikums/social-assistance/?item=gmi`);
      await check('form');
      await page.evaluate(() => undefined).catch(() => undefined);
      await page.getByRole('button', { name: 'Nosūtīt pieteikumu' }).last().click();
      await page.getByText('Lūdzu, izlabojiet kļūdas').first().waitFor();
      await check('error page');
      await page.goto(`${portal.url}/ru/daugavpils/pieteikums/`);
      await check('choose page (ru)');
    } finally {
      await ctx.close();
    }
  }, 90_000);
});

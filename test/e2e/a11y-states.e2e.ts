/**
 * Accessibility of the states a page walk cannot reach, in both languages, at desktop
 * width and at 320 px (axe WCAG 2.0/2.1 A + AA, and at 320 px no sideways scrolling):
 * - the estimator island at every step, with its error summary, and its results;
 * - the estimator without JavaScript: start form, the whole form, its errors, the results;
 * - every application form (with the island, and as plain HTML), its error state after an empty
 *   POST, and the thank-you page.
 * Prerendered pages (estimator and application index) are in a11y-sweep.e2e.ts.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths, tFor, type Locale } from '#src/i18n/index.ts';
import {
  axeViolations,
  axeViolationsWithoutJs,
  cutOffElements,
  describeViolations,
  horizontalOverflow,
  installAxe,
} from './support/axe.ts';
import { newContext, portalAndBrowser } from './support/browser.ts';

const M = 'daugavpils';
const MIN_FILL_MS = 3_100;
const VIEWS: [string, BrowserContextOptions][] = [
  ['desktop', {}],
  ['320 px', { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 }],
];
const LOCALES: Locale[] = ['lv', 'ru'];

const env = portalAndBrowser();

/**
 * axe, plus reflow at 320 px; one line per problem, naming the state and the rule. For a page
 * without JavaScript, `axeTab` (a tab with JavaScript) runs axe on the same DOM.
 */
async function checkAt(page: Page, state: string, view: string, axeTab?: Page): Promise<string[]> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const violations = axeTab ? await axeViolationsWithoutJs(page, axeTab) : await axeViolations(page);
  const out = [describeViolations(`${state} [${view}]`, violations)];
  if (view === '320 px') {
    const overflow = await horizontalOverflow(page);
    const cut = await cutOffElements(page);
    if (overflow > 0 || cut.length)
      out.push(`${state} [320 px]: scrolls ${overflow} px sideways; past the right edge: ${cut.join('; ') || '—'}`);
  }
  return out.filter(Boolean);
}

const check = (page: Page, state: string, view: string) => checkAt(page, state, view);

async function withPage<T>(options: BrowserContextOptions, fn: (page: Page) => Promise<T>): Promise<T> {
  const ctx = await newContext(env.browser, env.portal.url, options);
  await installAxe(ctx);
  try {
    return await fn(await ctx.newPage());
  } finally {
    await ctx.close();
  }
}

function expectNone(problems: string[]): void {
  expect(problems, `accessibility problems (${problems.length}):\n${problems.join('\n')}`).toEqual([]);
}

describe('estimator island: every step, its errors and the results', () => {
  for (const l of LOCALES) {
    for (const [view, options] of VIEWS) {
      it(`${l}, ${view}`, async () => {
        const t = tFor(l);
        const problems = await withPage(options, async (page) => {
          const found: string[] = [];
          const at = (step: string) => `${paths.estimator(l, M)} island, ${step}`;
          const stepIs = (id: string, focused = id !== 'municipality') =>
            expect
              .poll(
                () =>
                  page.evaluate(
                    (f) =>
                      (f
                        ? (document.activeElement as HTMLElement | null)?.dataset?.step
                        : document.querySelector<HTMLElement>('[data-step]')?.dataset.step) ?? 'not yet',
                    focused,
                  ),
                { timeout: 20_000, message: `step ${id}` },
              )
              .toBe(id);
          const next = (last = false) =>
            page
              .getByRole('button', {
                name: t(last ? 'estimator:action.showResults' : 'estimator:action.continue'),
                exact: true,
              })
              .click();
          await page.goto(env.portal.url + paths.estimator(l, M));
          await stepIs('municipality');
          found.push(...(await check(page, at('step 1'), view)));
          await next();
          await stepIs('members');
          found.push(...(await check(page, at('step 2'), view)));
          await next(); // no age: errors
          await page.locator('.error-summary').waitFor();
          // The island moves the focus in an effect after the summary renders.
          await expect
            .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')), {
              timeout: 10_000,
              message: 'focus on the error summary',
            })
            .toBe(true);
          found.push(...(await check(page, at('step 2 with errors'), view)));
          await page.locator('#m0-age').fill('70');
          await page.locator('#m0-disability').check();
          await page.locator('#m0-pensioner').check();
          await next();
          await stepIs('incomes');
          found.push(...(await check(page, at('step 3'), view)));
          await page.locator('#m0-income-pension').fill('500');
          await next();
          await stepIs('assets');
          found.push(...(await check(page, at('step 4'), view)));
          await page.locator('#savings').fill('0');
          await page.locator('#other-real-estate').check();
          await page.locator('#vehicles').fill('0');
          await next();
          await stepIs('housing');
          found.push(...(await check(page, at('step 5'), view)));
          await page.locator('#housing-costs').fill('300');
          await page.locator('#heating').check();
          await next();
          await stepIs('situations');
          found.push(...(await check(page, at('step 6'), view)));
          await next(true);
          await page.locator('#results-heading').waitFor();
          found.push(...(await check(page, at('results'), view)));
          return found;
        });
        expectNone(problems);
      });
    }
  }
});

describe('estimator without JavaScript: start, whole form, errors, results', () => {
  for (const l of LOCALES) {
    for (const [view, options] of VIEWS) {
      it(`${l}, ${view}`, async () => {
        const t = tFor(l);
        const axeCtx = await newContext(env.browser, env.portal.url, options);
        await installAxe(axeCtx);
        const axeTab = await axeCtx.newPage();
        const problems = await withPage({ ...options, javaScriptEnabled: false }, async (page) => {
          const found: string[] = [];
          const check = (p: Page, state: string, v: string) => checkAt(p, state, v, axeTab);
          await page.goto(env.portal.url + paths.estimator(l, M));
          found.push(...(await check(page, `${paths.estimator(l, M)} (no JS)`, view)));
          await Promise.all([
            page.waitForURL((u) => u.pathname === paths.estimatorResults(l, M)),
            page.getByRole('button', { name: t('estimator:action.continue'), exact: true }).click(),
          ]);
          found.push(...(await check(page, `${paths.estimatorResults(l, M)} whole form`, view)));
          const show = page.locator('button.button', { hasText: t('estimator:action.showResults') });
          await Promise.all([page.waitForLoadState('load'), show.click()]);
          expect(await page.locator('.error-summary').count(), 'errors for the empty form').toBe(1);
          found.push(...(await check(page, `${paths.estimatorResults(l, M)} with errors`, view)));
          await page.locator('#m0-age').fill('70');
          await page.locator('#m0-disability').check();
          await page.locator('#m0-pensioner').check();
          await page.locator('#m0-income-pension').fill('500');
          await page.locator('#savings').fill('0');
          await page.locator('#other-real-estate').check();
          await page.locator('#vehicles').fill('0');
          await page.locator('#housing-costs').fill('300');
          await page.locator('#heating').check();
          await Promise.all([page.waitForLoadState('load'), show.click()]);
          await page.locator('#results-heading').waitFor();
          found.push(...(await check(page, `${paths.estimatorResults(l, M)} results`, view)));
          return found;
        }).finally(() => axeCtx.close());
        expectNone(problems);
      });
    }
  }
});

/** Every form: the question, social assistance, a municipal benefit (choice and one item), a service. */
const FORMS = (l: Locale) => [
  paths.apply(l, M, 'question'),
  paths.apply(l, M, 'social-assistance'),
  paths.apply(l, M, 'municipal-benefit'),
  paths.apply(l, M, 'municipal-benefit', 'newborn'),
  paths.apply(l, M, 'social-service', 'home-care'),
];

describe('application forms: with the island, plain, after an empty POST, and the thank-you page', () => {
  for (const [view, options] of VIEWS) {
    it(`with JavaScript, ${view}: every form in both languages`, async () => {
      const problems = await withPage(options, async (page) => {
        const found: string[] = [];
        for (const l of LOCALES) {
          for (const path of FORMS(l)) {
            expect((await page.goto(env.portal.url + path))?.status(), path).toBe(200);
            await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'), null, { timeout: 20_000 }); // hydrated
            found.push(...(await check(page, `${path} (island)`, view)));
          }
        }
        return found;
      });
      expectNone(problems);
    });

    it(`without JavaScript, ${view}: every form, its errors after an empty POST, the thank-you page`, async () => {
      const ctx = await newContext(env.browser, env.portal.url, { ...options, javaScriptEnabled: false });
      const axeCtx = await newContext(env.browser, env.portal.url, options);
      await installAxe(axeCtx);
      const axeTab = await axeCtx.newPage();
      const check = (p: Page, state: string, v: string) => checkAt(p, state, v, axeTab);
      try {
        const found: string[] = [];
        const forms = LOCALES.flatMap((l) => FORMS(l).map((path) => ({ l, path })));
        // Open every form at once, then wait out the server's minimum fill time once.
        const pages = await Promise.all(
          forms.map(async ({ path }) => {
            const page = await ctx.newPage();
            expect((await page.goto(env.portal.url + path))?.status(), path).toBe(200);
            return page;
          }),
        );
        await new Promise((r) => setTimeout(r, MIN_FILL_MS));
        for (const [i, { l, path }] of forms.entries()) {
          const page = pages[i]!;
          found.push(...(await check(page, `${path} (plain)`, view)));
          const submit = page.locator('[data-submit] button[type=submit]');
          if ((await submit.count()) === 0) continue; // the municipal-benefit choice page has no form
          const [res] = await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST'),
            submit.click(),
          ]);
          expect(res.status(), `${path}: empty POST`).toBe(400);
          await page.locator('.error-summary').waitFor(); // the re-rendered page, not the one that posted
          await page.waitForLoadState('load');
          expect(await page.locator('.error-summary a').count(), `${path}: error summary with links`).toBeGreaterThan(
            0,
          );
          found.push(...(await check(page, `${path} after an empty POST (${tFor(l)('forms:summary.title')})`, view)));
        }
        // A valid question → the thank-you page.
        for (const [i, { l, path }] of forms.entries()) {
          if (!path.includes('/question/')) continue;
          const page = pages[i]!;
          const shownAt = Date.now();
          await page.locator('[name="applicant.givenName"]').fill('Anna');
          await page.locator('[name="applicant.familyName"]').fill('Bērziņa');
          await page.locator('[name="contact.channel"][value="phone"]').check();
          await page.locator('[name="contact.phone"]').fill('26123456');
          await page.locator('[name="question.topic"]').selectOption('benefit');
          await page.locator('[name="question.message"]').fill('Jautājums / Вопрос');
          await page.locator('[name="privacy.acknowledged"]').check();
          await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - shownAt)));
          await Promise.all([
            page.waitForURL((u) => u.pathname === paths.applySent(l, M)),
            page.locator('[data-submit] button[type=submit]').click(),
          ]);
          found.push(...(await check(page, `${paths.applySent(l, M)} (thank-you)`, view)));
        }
        expectNone(found);
      } finally {
        await ctx.close();
        await axeCtx.close();
      }
    });
  }
});

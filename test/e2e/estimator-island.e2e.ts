/**
 * The estimator in real Chromium at 320 px: with JavaScript (island steps, error summary focused,
 * results heading focused, keyboard only for the first step) and without (plain forms to the
 * on-demand route). axe (WCAG 2.1 A/AA) on every screen; nothing overflows; no foreign requests.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, cutOffElements, describeViolations, horizontalOverflow, installAxe } from './support/axe.ts';
import { MOBILE, newContext, portalAndBrowser } from './support/browser.ts';
import { stringsFor } from '../support/estimator-fixtures.ts';

const env = portalAndBrowser();

const est = stringsFor('lv').estimator as Record<string, any>;
const NARROW = { ...MOBILE, viewport: { width: 320, height: 640 } };

async function check(page: Page, what: string) {
  expect(describeViolations(what, await axeViolations(page))).toBe('');
  expect(await horizontalOverflow(page), `${what}: horizontal scrolling`).toBe(0);
  expect(await cutOffElements(page), `${what}: cut off`).toEqual([]);
}
const focused = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.id ||
      document.activeElement?.getAttribute('data-step') ||
      document.activeElement?.className,
  );

async function context(
  opts: Parameters<typeof newContext>[2],
): Promise<BrowserContext & { foreignRequests: string[] }> {
  const ctx = await newContext(env.browser, env.portal.url, opts);
  await installAxe(ctx);
  return ctx;
}

describe('estimator in the browser', () => {
  it('with JavaScript: steps, errors, results (lv, 320 px)', { timeout: 60_000 }, async () => {
    const ctx = await context(NARROW);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${env.portal.url}/lv/rezekne/novertejums/`);
    await page.waitForSelector('[data-step="municipality"]');
    await check(page, 'step 1');
    await page.getByRole('button', { name: est.action.continue }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-step="members"]');
    await expect.poll(() => focused(page)).toBe('members');
    await page.getByRole('button', { name: est.action.continue }).click();
    await page.waitForSelector('.error-summary');
    await expect.poll(() => focused(page)).toBe('error-summary');
    await check(page, 'errors');
    await page.getByLabel(est.member.age.label, { exact: true }).fill('34');
    await page.getByLabel(est.member.disability.none, { exact: true }).check();
    await page.getByRole('button', { name: est.action.addMember }).click();
    await expect.poll(() => focused(page)).toBe('m1-age');
    await page.locator('#m1-age').fill('6');
    await page.locator('#m1-disability').check();
    await page.getByRole('button', { name: est.action.continue }).click();
    await page.waitForSelector('[data-step="incomes"]');
    await page.locator('#m0-income-salary').fill('520,40');
    await page.locator('#m0-income-state-family-benefit').fill('25');
    await check(page, 'incomes');
    await page.getByRole('button', { name: est.action.continue }).click();
    await page.locator('#savings').fill('0');
    await page.locator('#other-real-estate').check();
    await page.locator('#vehicles').fill('0');
    await page.getByRole('button', { name: est.action.continue }).click();
    await page.locator('#housing-costs').fill('210');
    await page.locator('#heating-stove').check();
    await page.getByRole('button', { name: est.action.continue }).click();
    await page.waitForSelector('[data-step="situations"]');
    await check(page, 'situations');
    await page.getByRole('button', { name: est.action.showResults }).click();
    await page.waitForSelector('#results-heading');
    await expect.poll(() => focused(page)).toBe('results-heading');
    await check(page, 'results');
    expect(await page.locator('.verdict').count()).toBeGreaterThan(3);
    // The phone's Back button goes one step back, not off the page; Forward returns to the results.
    const url = page.url();
    await page.goBack();
    await page.waitForSelector('[data-step="situations"]');
    expect(page.url()).toBe(url);
    await page.goForward();
    await page.waitForSelector('#results-heading');
    expect(errors).toEqual([]);
    expect(ctx.foreignRequests).toEqual([]);
    await ctx.close();
  });

  it('without JavaScript: the start page is a plain form to the route', { timeout: 60_000 }, async () => {
    const ctx = await context({ ...NARROW, javaScriptEnabled: false });
    const page = await ctx.newPage();
    const ru = stringsFor('ru').estimator as Record<string, any>;
    await page.goto(`${env.portal.url}/ru/bauskas-novads/novertejums/`);
    await page.locator('#members').selectOption('2');
    await page.getByRole('button', { name: ru.action.continue }).click();
    await page.waitForURL(/rezultati\/\?members=2/);
    expect(await page.locator('input[name$="-age"]').count()).toBe(2);
    await ctx.close();
  });

  // The route's pages load no JavaScript at all, so a normal context shows exactly the no-JS
  // pages, and axe (which needs JavaScript in the page) can check them.
  it('the no-JS route: whole form → errors → results (ru, 320 px)', { timeout: 60_000 }, async () => {
    const ctx = await context(NARROW);
    const page = await ctx.newPage();
    const ru = stringsFor('ru').estimator as Record<string, any>;
    await page.goto(`${env.portal.url}/ru/bauskas-novads/novertejums/rezultati/?members=2`);
    expect(await page.locator('script[src], astro-island').count()).toBe(0);
    await check(page, 'no-JS form');
    await page.locator('#m0-age').fill('29');
    await page.getByRole('button', { name: ru.action.showResults, exact: true }).last().click();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#m0-age').inputValue()).toBe('29');
    await check(page, 'no-JS errors');
    await page.locator('#m0-disability').check();
    await page.locator('#m1-age').fill('0');
    await page.locator('#m1-disability').check();
    await page.locator('#m0-income-sickness-or-parental-benefit').fill('610');
    await page.locator('#savings').fill('40');
    await page.locator('#other-real-estate').check();
    await page.locator('#vehicles').fill('1');
    await page.locator('#housing-costs').fill('190');
    await page.locator('#heating').check();
    await page.locator('#situation-new-baby').check();
    await page.getByRole('button', { name: ru.action.showResults, exact: true }).last().click();
    await page.waitForSelector('#results-heading');
    await check(page, 'no-JS results');
    expect(await page.locator('[data-item="gmi"]').count()).toBe(1);
    expect(ctx.foreignRequests).toEqual([]);
    await ctx.close();
  });
});

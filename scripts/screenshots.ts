/**
 * `npm run screenshots`: screenshots of the built portal in Debian Chromium, written to
 * docs/screenshots/ (shown by docs/screenshots/README.md): the home page, a benefit, the
 * estimator's results and a form with errors, in Latvian and Russian, on a phone (360×740) and a
 * desktop (1280×800). What the first screen shows, at device scale 1, to keep the PNGs small.
 *
 *   npm run build && npm run screenshots                 serve dist/ on a free port
 *   npm run screenshots -- --dist .build/x               another build
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { Locale } from '#src/i18n/locales.ts';
import { paths } from '#src/i18n/paths.ts';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { serveBuild } from '../test/e2e/support/serve-build.ts';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const args = process.argv.slice(2);
const distDir =
  args[args.indexOf('--dist') + 1] && args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : 'dist';

const DEVICES: Record<'mobile' | 'desktop', BrowserContextOptions> = {
  mobile: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
};
const M = 'daugavpils';

/** A UI string of the estimator (plain Node: the i18n module needs Vite). */
function estimatorLabel(l: Locale, key: string): string {
  const json = JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../locales/${l}/estimator.json`), 'utf8'),
  ) as Record<string, unknown>;
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], json) as string;
}

/** A single pensioner (70, pension 500 €, housing 300 €) through the estimator island. */
async function estimatorResults(page: Page, base: string, l: Locale): Promise<void> {
  const next = (key = 'action.continue') =>
    page.getByRole('button', { name: estimatorLabel(l, key), exact: true }).click();
  await page.goto(base + paths.estimator(l, M));
  await page.locator('[data-step="municipality"]').waitFor({ timeout: 20_000 });
  await next();
  await page.locator('#m0-age').fill('70');
  await page.locator('#m0-disability').check();
  await page.locator('#m0-pensioner').check();
  await next();
  await page.locator('#m0-income-pension').fill('500');
  await next();
  await page.locator('#savings').fill('0');
  await page.locator('#other-real-estate').check();
  await page.locator('#vehicles').fill('0');
  await next();
  await page.locator('#housing-costs').fill('300');
  await page.locator('#heating').check();
  await next();
  await next('action.showResults');
  await page.locator('#results-heading').waitFor();
  // The first screen shows the household's status and, below, the amounts (after the notices on a desktop).
  const mobile = (page.viewportSize()?.width ?? 0) < 600;
  await page.evaluate(
    (m) =>
      (m
        ? document.querySelector('[data-status]')?.previousElementSibling
        : document.getElementById('results-heading')
      )?.scrollIntoView({ block: 'start' }),
    mobile,
  );
}

/** The question form sent empty, without JavaScript: the server's page with the error summary. */
async function formWithErrors(page: Page, base: string, l: Locale): Promise<void> {
  await page.goto(base + paths.apply(l, M, 'question'));
  await page.waitForTimeout(3_100); // the server's minimum fill time
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator('[data-submit] button[type=submit]').click(),
  ]);
  await page.locator('.error-summary').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
}

const SHOTS: { name: string; js: boolean; open: (page: Page, base: string, l: Locale) => Promise<void> }[] = [
  { name: 'home', js: true, open: async (page, base, l) => void (await page.goto(base + paths.home(l))) },
  {
    name: 'benefit',
    js: true,
    open: async (page, base, l) => void (await page.goto(base + paths.benefit(l, M, 'newborn'))),
  },
  { name: 'estimator-results', js: true, open: estimatorResults },
  { name: 'form-errors', js: false, open: formWithErrors },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const [server, browser] = await Promise.all([serveBuild(distDir), launchBrowser()]);
  try {
    for (const l of ['lv', 'ru'] as Locale[]) {
      for (const [device, options] of Object.entries(DEVICES)) {
        for (const shot of SHOTS) {
          const ctx = await browser.newContext({
            ...options,
            javaScriptEnabled: shot.js,
            locale: l === 'lv' ? 'lv-LV' : 'ru-LV',
          });
          try {
            const page = await ctx.newPage();
            await shot.open(page, server.url, l);
            await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
            const file = join(OUT, `${shot.name}-${l}-${device}.png`);
            await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
            console.log(`wrote ${file}`);
          } finally {
            await ctx.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();

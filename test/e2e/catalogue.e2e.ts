/**
 * Catalogue journey (issues 2 and 5), in Latvian and Russian, by clicking links as a resident does:
 * /{l}/ → municipality → life situation → benefit, where "how to apply" is on screen — three
 * clicks. Then the language switch leads to the same page in the other language. Every page of
 * the journey runs no JavaScript and nothing is loaded from another origin.
 * Names come from the same catalogue data and locale files the pages are built from.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPALITIES, itemsOf, situationsOf } from '#src/components/catalogue/data.ts';
import { paths, switchLocale, tFor, type Locale } from '#src/i18n/index.ts';
import { startPortal, type PortalServer } from '../helpers/portal-server.ts';
import { launchBrowser, newContext, MOBILE } from './support/browser.ts';

let portal: PortalServer;
let browser: Browser;

beforeAll(async () => {
  [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  const code = await portal?.stop();
  if (code !== 0 && code !== null) console.error(`portal exited with ${code}:\n${portal.output()}`);
});

const pathOf = (page: Page) => new URL(page.url()).pathname;

/** "A new baby" where the municipality lists it, else its first situation that has a benefit. */
function journeyFor(municipalityId: string, locale: Locale) {
  const m = MUNICIPALITIES.find((x) => x.id === municipalityId)!;
  const benefits = itemsOf(m, locale, 'benefit');
  const withBenefits = situationsOf(m).filter((s) => benefits.some((i) => i.situations.includes(s)));
  const situation = withBenefits.includes('new-baby') ? 'new-baby' : withBenefits[0]!;
  const item = benefits.find((i) => i.situations.includes(situation))!;
  return { m, situation, item };
}

async function clickLink(page: Page, name: string, scope = 'main'): Promise<void> {
  const link = page.locator(scope).getByRole('link', { name, exact: true }).first();
  const before = pathOf(page);
  await Promise.all([page.waitForURL((u) => u.pathname !== before), link.click()]);
}

const CASES: [Locale, string][] = [
  ['lv', 'daugavpils'],
  ['ru', 'daugavpils'],
  ['lv', 'rezekne'],
  ['ru', 'rezekne'],
  ['lv', 'rezeknes-novads'],
  ['ru', 'rezeknes-novads'],
  ['lv', 'bauskas-novads'],
  ['ru', 'bauskas-novads'],
];

describe('home → municipality → life situation → benefit → how to apply', () => {
  for (const [locale, municipalityId] of CASES) {
    it(`${locale}, ${municipalityId}: three clicks, no JavaScript, nothing from another origin`, async () => {
      const t = tFor(locale);
      const { m, situation, item } = journeyFor(municipalityId, locale);
      const ctx = await newContext(browser, portal.url, locale === 'ru' ? MOBILE : {});
      const scripts: string[] = [];
      ctx.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      const page = await ctx.newPage();
      try {
        await page.goto(portal.url + paths.home(locale));
        expect(await page.getAttribute('html', 'lang')).toBe(locale);

        await clickLink(page, m.name[locale]); // 1
        expect(pathOf(page)).toBe(paths.municipality(locale, m.id));
        await clickLink(page, t(`catalogue:situation.${situation}.name`)); // 2
        expect(pathOf(page)).toBe(paths.situation(locale, m.id, situation));
        await clickLink(page, item.name[locale]); // 3
        expect(pathOf(page)).toBe(paths.benefit(locale, m.id, item.id));

        await expect.poll(() => page.locator('h1').innerText()).toBe(item.name[locale]);
        const howTo = page.getByRole('heading', { name: t('catalogue:detail.howToApply'), exact: true });
        await expect
          .poll(() => howTo.count(), { message: `"${t('catalogue:detail.howToApply')}" heading on ${pathOf(page)}` })
          .toBe(1);
        // The "how to apply" link at the top jumps to the section.
        await page
          .locator('main')
          .getByRole('link', { name: t('catalogue:detail.applyShortcut'), exact: true })
          .first()
          .click();
        await expect.poll(() => new URL(page.url()).hash).toBe('#ka-pieteikties');
        expect(await howTo.isVisible()).toBe(true);

        expect(scripts, 'catalogue pages load no script').toEqual([]);
        expect(await page.evaluate(() => document.scripts.length), 'no <script> element').toBe(0);
        expect(ctx.foreignRequests, 'requests to another origin').toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }
});

describe('the language switch leads to the same page in the other language', () => {
  for (const [from, to] of [
    ['lv', 'ru'],
    ['ru', 'lv'],
  ] as [Locale, Locale][]) {
    it(`${from} → ${to} on a benefit page, the municipality home, contacts and how to apply`, async () => {
      const { m, item } = journeyFor('daugavpils', from);
      const ctx = await newContext(browser, portal.url);
      const page = await ctx.newPage();
      try {
        for (const path of [
          paths.benefit(from, m.id, item.id),
          paths.municipality(from, m.id),
          paths.contacts(from, m.id),
          paths.howToApply(from, m.id),
        ]) {
          await page.goto(portal.url + path);
          const switchNav = page.getByRole('navigation', { name: tFor(from)('common:languageSwitch.label') });
          await Promise.all([page.waitForURL((u) => u.pathname !== path), switchNav.getByRole('link').first().click()]);
          expect(pathOf(page)).toBe(switchLocale(path, to));
          expect(await page.getAttribute('html', 'lang')).toBe(to);
          // The other language links back to the page we came from.
          const back = page
            .getByRole('navigation', { name: tFor(to)('common:languageSwitch.label') })
            .getByRole('link')
            .first();
          expect(await back.getAttribute('href')).toBe(path);
        }
        // On the Russian benefit page the one-line notice names the Latvian page as the one that prevails.
        const ruPath = paths.benefit('ru', m.id, item.id);
        await page.goto(portal.url + ruPath);
        expect(await page.locator('h1').innerText()).toBe(item.name.ru);
        expect(await page.locator('.language-notice a').getAttribute('href')).toBe(switchLocale(ruPath, 'lv'));
        expect(ctx.foreignRequests).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }
});

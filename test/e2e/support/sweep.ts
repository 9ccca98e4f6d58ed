/**
 * The accessibility sweep of one language, in Chromium against the real server; each
 * a11y-sweep-<locale>.e2e.ts file runs one, so each file stays near a minute on a 2-core machine:
 * - every built page of every municipality in both languages, in a 320 px wide window (the phones
 *   most residents use; WCAG 1.4.10 reflow): axe-core WCAG 2.0/2.1 A + AA, zero violations, and
 *   nothing needs horizontal scrolling or is cut off — one navigation per page for both checks;
 * - one page of every type per municipality and language again at desktop width (axe) and at
 *   200 % zoom (WCAG 1.4.4: a 1280×800 screen zoomed to 200 % is a 640 CSS px window at scale 2).
 * A failure lists page + rule + elements.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MUNICIPALITIES } from '#src/components/catalogue/data.ts';
import type { Locale } from '#src/i18n/locales.ts';
import { paths } from '#src/i18n/paths.ts';
import { startPortal, type PortalServer } from '../../helpers/portal-server.ts';
import { axeViolations, cutOffElements, describeViolations, horizontalOverflow, installAxe } from './axe.ts';
import { launchBrowser, newContext } from './browser.ts';
import { builtPages, onePerType, pageType } from './pages.ts';
import { withTabs } from './pool.ts';

const TABS = 3;

export function defineSweep(locale: Locale): void {
  const pages = builtPages(inject('distDir')).filter((p) => p.startsWith(`/${locale}/`));

  let portal: PortalServer;
  let browser: Browser;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  const NARROW = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 };
  const ZOOM_200 = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };

  async function open(page: Page, path: string): Promise<void> {
    const res = await page.goto(portal.url + path, { waitUntil: 'load' });
    expect(res?.status(), `${path}: HTTP status`).toBe(200);
  }

  /** Sideways scrolling or content past the right edge, as one line naming the page; '' when fine. */
  async function reflowProblem(page: Page, path: string, where: string): Promise<string> {
    const overflow = await horizontalOverflow(page);
    const cut = await cutOffElements(page);
    if (overflow <= 0 && cut.length === 0) return '';
    return `${path} at ${where}: scrolls ${overflow} px sideways; past the right edge: ${cut.join('; ') || '—'}`;
  }

  /** Groups the pages by "/lv/daugavpils/" so a failure names the municipality and language. */
  function byMunicipality(list: string[]): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const p of list) {
      const s = p.split('/');
      const key = ['home', 'accessibility'].includes(pageType(p)) ? `/${s[1]}/ (portal pages)` : `/${s[1]}/${s[2]}/`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    return groups;
  }

  /** One page of every type per municipality (deterministic: first in build order). */
  const sample = [...byMunicipality(pages).values()].flatMap((group) => onePerType(group));
  /** Desktop axe: one page of every type in this language (the 320 px pass checked every page). */
  const desktopSample = onePerType(pages);

  type Ctx = BrowserContext & { foreignRequests: string[] };
  async function axeContext(options: object): Promise<Ctx> {
    const ctx = await newContext(browser, portal.url, options);
    await installAxe(ctx);
    return ctx;
  }

  function expectNone(lines: string[], what: string): void {
    const bad = lines.filter(Boolean);
    expect(bad, `${what} (${bad.length}):\n${bad.join('\n')}`).toEqual([]);
  }

  describe(`every built page at 320 px: axe WCAG 2.1 A/AA and reflow (${pages.length} pages)`, () => {
    let ctx: Ctx;
    beforeAll(async () => {
      ctx = await axeContext(NARROW);
    });
    afterAll(async () => {
      await ctx?.close();
    });

    it(`the build has pages of every type in /${locale}/`, () => {
      const types = new Set(pages.map((p) => pageType(p)));
      for (const t of [
        'home',
        'municipality',
        'situation',
        'benefits',
        'benefit',
        'services',
        'service',
        'contacts',
        'how-to-apply',
        'privacy',
        'accessibility',
        'estimator',
      ] as const) {
        expect(types, `no ${t} page in /${locale}/`).toContain(t);
      }
    });

    for (const [group, list] of byMunicipality(pages)) {
      it(`${group}: ${list.length} pages, zero violations, no sideways scrolling`, { timeout: 300_000 }, async () => {
        const found = await withTabs(ctx, list, TABS, async (page, path) => {
          await open(page, path);
          return [
            describeViolations(path, await axeViolations(page)),
            await reflowProblem(page, path, '320 px'),
          ] as const;
        });
        expectNone(
          found.map((f) => f[0]),
          'axe violations',
        );
        expectNone(
          found.map((f) => f[1]),
          'reflow problems',
        );
      });
    }

    it(locale === 'lv' ? 'the language choice at / and the 404 page' : 'the 404 page', async () => {
      const page = await ctx.newPage();
      const found: string[] = [];
      if (locale === 'lv') {
        await page.goto(`${portal.url}/`);
        found.push(describeViolations('/', await axeViolations(page)));
      }
      const path = `/${locale}/nav-tadas-lapas/`;
      const res = await page.goto(portal.url + path);
      expect(res?.status(), `${path}: a missing page answers 404`).toBe(404);
      found.push(describeViolations(`${path} (404)`, await axeViolations(page)));
      await page.close();
      expectNone(found, 'axe violations');
    });

    it('on-demand pages: the application index of every municipality', async () => {
      const list = MUNICIPALITIES.map((m) => paths.applyIndex(locale, m.id));
      const found = await withTabs(ctx, list, TABS, async (page, path) => {
        await open(page, path);
        return [
          describeViolations(path, await axeViolations(page)),
          await reflowProblem(page, path, '320 px'),
        ] as const;
      });
      expectNone(
        found.map((f) => f[0]),
        'axe violations',
      );
      expectNone(
        found.map((f) => f[1]),
        'reflow problems',
      );
    });

    it('no request left the portal origin', () => {
      expect(ctx.foreignRequests).toEqual([]);
    });
  });

  describe('desktop and 200 % zoom', () => {
    it(
      `desktop 1280×800, one page of every type (${desktopSample.length} pages): axe WCAG 2.1 A/AA, zero violations`,
      { timeout: 300_000 },
      async () => {
        const ctx = await axeContext({});
        try {
          expectNone(
            await withTabs(ctx, desktopSample, TABS, async (page, path) => {
              await open(page, path);
              return describeViolations(path, await axeViolations(page));
            }),
            'axe violations',
          );
        } finally {
          await ctx.close();
        }
      },
    );

    it(
      `200 % zoom, one page of every type per municipality (${sample.length} pages): nothing needs horizontal scrolling or is cut off`,
      { timeout: 300_000 },
      async () => {
        const ctx = await newContext(browser, portal.url, ZOOM_200);
        try {
          expectNone(
            await withTabs(ctx, sample, TABS, async (page, path) => {
              await open(page, path);
              return reflowProblem(page, path, '200 % zoom');
            }),
            'reflow problems',
          );
        } finally {
          await ctx.close();
        }
      },
    );
  });
}

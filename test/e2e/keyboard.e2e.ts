/**
 * Keyboard only (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7): Tab, Shift+Tab, Enter and Space —
 * no mouse, no `click()`, no `fill()`. The skip link is first and works; focus follows the reading
 * order and is always visible; a resident reaches a benefit's "how to apply", goes through the
 * estimator to its results (focus moves to the results heading, and to the error summary on an
 * error), and sends a form whose errors take the focus to the error summary.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '#src/components/catalogue/data.ts';
import { paths, tFor } from '#src/i18n/index.ts';
import { newContext, portalAndBrowser } from './support/browser.ts';

const env = portalAndBrowser();

interface Focused {
  tag: string;
  id: string;
  name: string;
  href: string;
  text: string;
  visible: boolean;
  indicator: boolean;
  index: number;
}

/** The focused element, whether it is on screen, whether it shows a focus indicator, and its DOM index. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    const shows = (st: CSSStyleDeclaration) =>
      (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0 && st.outlineColor !== 'rgba(0, 0, 0, 0)') ||
      st.boxShadow !== 'none';
    let indicator = shows(s);
    // Radios and checkboxes draw their ring on the label (GOV.UK pattern).
    if (
      !indicator &&
      el instanceof HTMLInputElement &&
      (el.type === 'radio' || el.type === 'checkbox') &&
      el.labels?.[0]
    )
      indicator = shows(getComputedStyle(el.labels[0], '::before'));
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: (el as HTMLInputElement).name ?? '',
      href: el.getAttribute('href') ?? '',
      text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
      visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0,
      indicator,
      index: Array.from(document.querySelectorAll('*')).indexOf(el),
    };
  });
}

/** Presses Tab until `match` holds (at most `max` times); every stop must be visible and show focus. */
async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, max = 80): Promise<Focused[]> {
  const path: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    path.push(f);
    expect(f.visible, `focus on an invisible element: ${JSON.stringify(f)}`).toBe(true);
    expect(f.indicator, `no visible focus indicator on ${f.tag}#${f.id} "${f.text}" (${page.url()})`).toBe(true);
    if (match(f)) return path;
  }
  throw new Error(
    `${what}: not reached with ${max} Tabs on ${page.url()}; path: ${path.map((f) => `${f.tag} "${f.text}"`).join(' → ')}`,
  );
}

async function pressAndWaitForUrl(page: Page, key: string, path: string): Promise<void> {
  await Promise.all([page.waitForURL((u) => u.pathname === path), page.keyboard.press(key)]);
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('keyboard only', () => {
  it('skip link first, focus in reading order and visible, home → benefit → how to apply', async () => {
    const l = 'lv';
    const t = tFor(l);
    const m = MUNICIPALITIES.find((x) => x.id === 'daugavpils')!;
    const ctx = await newContext(env.browser, env.portal.url);
    const page = await ctx.newPage();
    try {
      await page.goto(env.portal.url + paths.home(l));
      // 1. The skip link is the first stop, visible when focused, and moves focus to the main content.
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip.text).toBe(t('common:skipLink'));
      expect(skip.visible).toBe(true);
      await page.keyboard.press('Enter');
      expect(await activeId(page)).toBe('main');
      // 2. From the main content on, Tab goes to the municipality link in reading (DOM) order.
      const path = await tabTo(page, (f) => f.text === m.name[l], 'municipality link');
      for (let i = 1; i < path.length; i++)
        expect(path[i]!.index, `focus order: ${path[i - 1]!.text} → ${path[i]!.text}`).toBeGreaterThan(
          path[i - 1]!.index,
        );
      await pressAndWaitForUrl(page, 'Enter', paths.municipality(l, m.id));
      // 3. Shift+Tab walks back in the reverse order: after some Tabs, as many Shift+Tabs return.
      const forward = await tabTo(page, (f) => f.text === t('catalogue:situation.new-baby.name'), 'situation link');
      for (let i = forward.length - 2; i >= Math.max(0, forward.length - 4); i--) {
        await page.keyboard.press('Shift+Tab');
        expect((await focused(page)).index, 'Shift+Tab returns to the previous stop').toBe(forward[i]!.index);
      }
      await tabTo(page, (f) => f.text === t('catalogue:situation.new-baby.name'), 'situation link again');
      await pressAndWaitForUrl(page, 'Enter', paths.situation(l, m.id, 'new-baby'));
      const newborn = (await import('#src/components/catalogue/data.ts'))
        .itemsOf(m, l, 'benefit')
        .find((i) => i.id === 'newborn')!;
      await tabTo(page, (f) => f.text === newborn.name[l], 'benefit link');
      await pressAndWaitForUrl(page, 'Enter', paths.benefit(l, m.id, 'newborn'));
      // The shortcut in the page (the header's "how to apply" page link has similar words).
      await tabTo(
        page,
        (f) => f.href === '#ka-pieteikties' && f.text === t('catalogue:detail.applyShortcut'),
        '"how to apply" link',
      );
      await page.keyboard.press('Enter');
      expect(await activeId(page), 'focus on the "how to apply" heading').toBe('ka-pieteikties');
    } finally {
      await ctx.close();
    }
  });

  it('estimator: Space and Enter through every step; focus to the error summary, then to the results', async () => {
    const l = 'ru';
    const t = tFor(l);
    const ctx = await newContext(env.browser, env.portal.url);
    const page = await ctx.newPage();
    try {
      await page.goto(env.portal.url + paths.estimator(l, 'rezekne'));
      await page.locator('[data-step="municipality"]').waitFor({ timeout: 20_000 });
      const isButton = (key: string) => (f: Focused) => f.tag === 'button' && f.text === t(key);
      // A step is shown when the island has rendered it AND moved the focus to its heading: a Tab
      // pressed before that would start from the removed Continue button (the body).
      const stepIs = async (id: string) => {
        await expect.poll(() => page.locator('[data-step]').getAttribute('data-step'), { timeout: 10_000 }).toBe(id);
        await expect
          .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.step), {
            timeout: 10_000,
            message: `focus on the ${id} step heading`,
          })
          .toBe(id);
      };
      await tabTo(page, isButton('estimator:action.continue'), 'continue');
      await page.keyboard.press('Enter');
      await stepIs('members');
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.step), {
          timeout: 10_000,
          message: 'focus on the step heading',
        })
        .toBe('members');
      // An error: continue without the age → focus on the error summary; its link leads to the field.
      await tabTo(page, isButton('estimator:action.continue'), 'continue');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')), {
          timeout: 5_000,
          message: 'focus on the error summary',
        })
        .toBe(true);
      await page.keyboard.press('Tab');
      expect((await focused(page)).tag).toBe('a');
      await page.keyboard.press('Enter');
      expect(await activeId(page), 'the summary link focuses the field').toBe('m0-age');
      await page.keyboard.type('67');
      await tabTo(page, (f) => f.id === 'm0-disability', 'disability radios');
      await page.keyboard.press('Space');
      await tabTo(page, (f) => f.id === 'm0-pensioner', 'pensioner checkbox');
      await page.keyboard.press('Space');
      expect(await page.locator('#m0-pensioner').isChecked()).toBe(true);
      await tabTo(page, isButton('estimator:action.continue'), 'continue');
      await page.keyboard.press('Enter');
      await stepIs('incomes');
      await tabTo(page, (f) => f.id === 'm0-income-pension', 'pension');
      await page.keyboard.type('420');
      await tabTo(page, isButton('estimator:action.continue'), 'continue');
      await page.keyboard.press('Space');
      await stepIs('assets');
      await tabTo(page, (f) => f.id === 'savings', 'savings');
      await page.keyboard.type('0');
      await tabTo(page, (f) => f.id === 'other-real-estate', 'other real estate');
      await page.keyboard.press('Space');
      await tabTo(page, (f) => f.id === 'vehicles', 'vehicles');
      await page.keyboard.type('0');
      await tabTo(page, isButton('estimator:action.continue'), 'continue');
      await page.keyboard.press('Enter');
      await stepIs('housing');
      await tabTo(page, (f) => f.id === 'housing-costs', 'housing costs');
      await page.keyboard.type('250');
      await tabTo(page, (f) => f.id === 'heating', 'heating');
      await page.keyboard.press('Space');
      await tabTo(page, isButton('estimator:action.continue'), 'continue');
      await page.keyboard.press('Enter');
      await stepIs('situations');
      await tabTo(page, isButton('estimator:action.showResults'), 'show results');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => activeId(page), { timeout: 10_000, message: 'focus on the results heading' })
        .toBe('results-heading');
      expect(await page.locator('[data-status]').count()).toBe(1);
    } finally {
      await ctx.close();
    }
  });

  it('form without JavaScript: Enter on an empty form → focus on the error summary → its link → the field', async () => {
    const l = 'lv';
    const t = tFor(l);
    const ctx = await newContext(env.browser, env.portal.url, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    try {
      await page.goto(env.portal.url + paths.apply(l, 'bauskas-novads', 'question'));
      await page.waitForTimeout(3_100); // the server's minimum fill time
      await tabTo(page, (f) => f.tag === 'button' && f.text === t('forms:page.submitQuestion'), 'send button', 120);
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
      await page.locator('.error-summary').waitFor(); // the re-rendered page, not the one that posted
      await page.waitForLoadState('load');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')), {
          timeout: 5_000,
          message: 'focus on the error summary (autofocus)',
        })
        .toBe(true);
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first.tag).toBe('a');
      await page.keyboard.press('Enter');
      expect(await activeId(page), 'the first summary link focuses its field').toBe('f-applicant-givenName');
    } finally {
      await ctx.close();
    }
  });
});

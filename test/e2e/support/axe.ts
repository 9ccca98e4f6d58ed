/** axe-core in the page, WCAG 2.0/2.1 A and AA rules. A failure names the page and the rule. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Loads axe into every document of the context before the page's own scripts: parsing axe once per
 * navigation this way costs about a third of an addScriptTag, which matters over ~1000 pages.
 */
export async function installAxe(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript({ content: axeSource });
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Normally loaded by installAxe (init scripts are not subject to the page's CSP). A script tag
  // is the fallback for contexts without it; under the portal's CSP that needs bypassCSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[]; html: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`),
    }));
  });
}

export function describeViolations(url: string, violations: AxeViolation[]): string {
  return violations.map((v) => `${url}: [${v.id}] ${v.help} — ${v.nodes.join(' | ')}`).join('\n');
}

/** Nothing is cut off and nothing needs horizontal scrolling. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Elements whose box reaches past the right edge of the viewport (cut off when an ancestor hides
 * overflow, or the cause of horizontal scrolling). Visually hidden text (1 px, clipped) and
 * off-screen skip links are not content the eye can miss, so they are left out.
 */
export async function cutOffElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    // Inside a 1 px clipped box (.visually-hidden, e.g. the honeypot field) nothing is seen.
    const insideHiddenBox = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.right <= width + 1 || r.left < -1000) continue;
      if (getComputedStyle(el).visibility === 'hidden' || insideHiddenBox(el)) continue;
      const cls =
        typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      out.push(
        `${el.tagName.toLowerCase()}${cls} (right edge ${Math.round(r.right)} px > ${width} px: "${(el.textContent ?? '').trim().slice(0, 40)}")`,
      );
      if (out.length >= 5) break;
    }
    return out;
  });
}

/**
 * axe for a page shown WITHOUT JavaScript. axe itself needs JavaScript, so the page's DOM as the
 * resident sees it (`page.content()`, scripts removed, <noscript> content shown) is loaded at the
 * same URL in a tab of a JavaScript context that has axe installed; styles still come from the
 * portal. `axeTab` is reused between calls.
 */
export async function axeViolationsWithoutJs(page: Page, axeTab: Page): Promise<AxeViolation[]> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<\/?noscript>/gi, '');
  const url = page.url().split('#')[0]!;
  await axeTab.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  try {
    await axeTab.goto(url, { waitUntil: 'load' });
    return await axeViolations(axeTab);
  } finally {
    await axeTab.unroute(url);
  }
}

/** Real Debian Chromium driven by playwright-core (no browser download). */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export const MOBILE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/**
 * A context that records every request to another origin, so tests can assert there are none.
 * The portal's real Content-Security-Policy applies (islands must run under it, as for residents);
 * axe is injected as an init script (support/axe.ts installAxe), which CSP does not block.
 * Pass `bypassCSP: true` only for a page that needs a script tag injected.
 */
export async function newContext(browser: Browser, origin: string, opts: BrowserContextOptions = {}): Promise<BrowserContext & { foreignRequests: string[] }> {
  const ctx = (await browser.newContext({ ...DESKTOP, ...opts })) as BrowserContext & { foreignRequests: string[] };
  ctx.foreignRequests = [];
  ctx.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('about:')) ctx.foreignRequests.push(url);
  });
  return ctx;
}

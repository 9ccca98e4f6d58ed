/** Real Debian Chromium driven by playwright-core (no browser download). */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startPortal, type PortalServer } from '../../helpers/portal-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const MOBILE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/**
 * A context that records every request to another origin, so tests can assert there are none.
 * The portal's real Content-Security-Policy applies (islands must run under it, as for residents);
 * axe is injected as an init script (support/axe.ts installAxe), which CSP does not block.
 * Pass `bypassCSP: true` only for a page that needs a script tag injected.
 */
export async function newContext(
  browser: Browser,
  origin: string,
  opts: BrowserContextOptions = {},
): Promise<BrowserContext & { foreignRequests: string[] }> {
  const ctx = (await browser.newContext({ ...DESKTOP, ...opts })) as BrowserContext & { foreignRequests: string[] };
  ctx.foreignRequests = [];
  ctx.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('about:')) ctx.foreignRequests.push(url);
  });
  return ctx;
}

/**
 * The built portal and one Chromium for a test file: started before its tests, stopped after.
 * Use as `const env = portalAndBrowser();` then `env.portal.url`, `env.browser`.
 */
export function portalAndBrowser(): { readonly portal: PortalServer; readonly browser: Browser } {
  const s = {} as { portal: PortalServer; browser: Browser };
  beforeAll(async () => {
    [s.portal, s.browser] = await Promise.all([startPortal(), launchBrowser()]);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.portal?.stop();
  });
  return s;
}

/**
 * The CSP in a real browser (Chromium via playwright-core): Astro's island runtime — the only
 * inline code we allow, by hash — runs; any other inline script is blocked; the built pages
 * raise no CSP violation at all.
 */
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPortal, type PortalServer } from '../helpers/portal-server.ts';
import { launchBrowser } from './support/browser.ts';

const distDir = inject('distDir');
let browser: Browser;
const portals: PortalServer[] = [];

async function islandFixtureDist(): Promise<string> {
  const astro = (rel: string) => import(pathToFileURL(resolve('node_modules/astro/dist/runtime', rel)).href);
  const island = (await astro('server/astro-island.prebuilt.js')).default as string;
  const load = (await astro('client/load.prebuilt.js')).default as string;
  const { ISLAND_STYLES } = (await astro('server/astro-island-styles.js')) as { ISLAND_STYLES: string };
  const root = await mkdtemp(join(tmpdir(), 'atbalsts-csp-'));
  await mkdir(join(root, 'client', 'lv'), { recursive: true });
  await symlink(join(distDir, 'server'), join(root, 'server'));
  // Exactly what Astro's renderer emits before the first island (runtime/server/scripts.js).
  await writeFile(
    join(root, 'client', 'lv', 'index.html'),
    `<!doctype html><html lang="lv"><head><meta charset="utf-8"><title>CSP</title></head><body>
<style>${ISLAND_STYLES}</style><script>${load}</script><script>${island}</script>
<astro-island id="i"><p>sala</p></astro-island>
<script>window.__inlineRan = true;</script>
</body></html>`,
  );
  return root;
}

async function violationsOn(url: string): Promise<{ violations: string[]; page: Page }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status()).toBeLessThan(500);
  await page.waitForTimeout(100);
  return { violations, page };
}

beforeAll(async () => {
  // A missing browser fails the run: the CSP is checked in a real browser or not at all.
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const p of portals) await p.stop();
});

describe('Content-Security-Policy in Chromium', () => {
  it('runs the hashed island runtime and blocks any other inline script', async () => {
    const portal = await startPortal({ distDir: await islandFixtureDist() });
    portals.push(portal);
    const { violations, page } = await violationsOn(`${portal.url}/lv/`);
    const state = await page.evaluate(() => ({
      astro: typeof (window as unknown as { Astro?: { load?: unknown } }).Astro?.load,
      island: typeof customElements.get('astro-island'),
      inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false,
      display: getComputedStyle(document.getElementById('i')!).display,
    }));
    expect(state).toEqual({ astro: 'function', island: 'function', inline: false, display: 'contents' });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/inline script/i);
    await page.close();
  });

  it('the built pages raise no CSP violation', async () => {
    const portal = await startPortal();
    portals.push(portal);
    const paths = ['/lv/', '/ru/', '/lv/daugavpils/', '/ru/rezekne/', '/lv/nav-tadas/'];
    // Pages with a Preact island (the estimator): they must hydrate.
    const islandPages = ['/lv/daugavpils/novertejums/', '/ru/bauskas-novads/novertejums/'];
    for (const path of [...paths, ...islandPages]) {
      const { violations, page } = await violationsOn(portal.url + path);
      expect(violations, path).toEqual([]);
      if (islandPages.includes(path)) {
        // Astro removes `ssr` from an <astro-island> once it has hydrated.
        await page.waitForSelector('astro-island:not([ssr])', { timeout: 10_000 });
      }
      await page.close();
    }
  });
});

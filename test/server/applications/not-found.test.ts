/** Wrong addresses under the application pages answer the portal's 404 page, never 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type PortalServer } from '../../helpers/portal-server.ts';

let portal: PortalServer;
beforeAll(async () => {
  portal = await startPortal({});
});
afterAll(async () => {
  await portal?.stop();
});

describe('unknown application pages', () => {
  it.each([
    '/lv/daugavpils/pieteikums/nav-forma/',
    '/lv/nav-pasvaldiba/pieteikums/',
    '/ru/nav-pasvaldiba/pieteikums/question/',
    '/lv/nav-pasvaldiba/pieteikums/nosutits/',
    '/lv/nav-pasvaldiba/pieteikums/lejupielade/abc/',
  ])('%s → 404 page', async (path) => {
    const res = await fetch(portal.url + path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('<html');
  });
});

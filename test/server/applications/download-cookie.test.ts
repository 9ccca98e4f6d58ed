/** Behind https (PUBLIC_ORIGIN https://…) the download cookie is also `Secure`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalServer } from '../../helpers/portal-server.ts';
import type { SmtpSink } from '../support/smtp-sink.ts';
import { example, formFields } from './helpers.ts';
import { hiddenFields, portalWithMail } from './portal.ts';

const ORIGIN = 'https://atbalsts.example.lv';
let portal: PortalServer;
let sink: SmtpSink;
beforeAll(async () => {
  ({ portal, sink } = await portalWithMail({ PUBLIC_ORIGIN: ORIGIN }));
}, 60_000);
afterAll(async () => {
  await portal?.stop();
  await sink?.stop();
});

describe('download cookie on an https origin', () => {
  it('is HttpOnly, SameSite=Strict, Secure, with a Max-Age, for the municipality path only', async () => {
    const path = '/lv/daugavpils/pieteikums/question/';
    const hidden = hiddenFields(await (await fetch(portal.url + path)).text());
    const fd = new FormData();
    for (const [k, v] of Object.entries({ ...hidden, renderedAt: String(Number(hidden.renderedAt) - 30_000) }))
      fd.append(k, v);
    for (const [k, v] of formFields(example('question').answers)) fd.append(k, v);
    const res = await fetch(portal.url + path, {
      method: 'POST',
      body: fd,
      redirect: 'manual',
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^atbalsts_pdf=[A-Za-z0-9_-]{43};/);
    for (const attr of [
      /; HttpOnly/i,
      /; SameSite=Strict/i,
      /; Secure/i,
      /; Max-Age=1800/i,
      /; Path=\/lv\/daugavpils\/pieteikums\//,
    ])
      expect(cookie).toMatch(attr);
  });
});

/** Starting the real portal (runtime helper) with an SMTP sink for application tests. */
import { afterAll, beforeAll } from 'vitest';
import { startPortal, type PortalServer } from '../../helpers/portal-server.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

/**
 * One portal with a real SMTP sink for the whole test file: started before the first test,
 * stopped after the last. Read `suite.portal` / `suite.sink` inside tests (set once started).
 */
export function portalWithMailForFile(env: Record<string, string> = {}): { portal: PortalServer; sink: SmtpSink } {
  const suite = {} as { portal: PortalServer; sink: SmtpSink };
  beforeAll(async () => {
    Object.assign(suite, await portalWithMail(env));
  }, 60_000);
  afterAll(async () => {
    await suite.portal?.stop();
    await suite.sink?.stop();
  });
  return suite;
}

export async function portalWithMail(
  env: Record<string, string> = {},
): Promise<{ portal: PortalServer; sink: SmtpSink }> {
  const sink = await startSmtpSink();
  const portal = await startPortal({
    env: {
      ...sink.env,
      MAIL_FROM: 'Atbalsts <atbalsts@portal.example.lv>',
      OUTBOX_RETRY_BASE_MS: '50',
      RATE_LIMIT_PER_MINUTE: '10000',
      ...env,
    },
  });
  return { portal, sink };
}

/** Hidden fields of a rendered form page. */
export function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1];
    if (name) out[name] = value ?? '';
  }
  return out;
}

export function decode(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Posts the plain HTML form as a browser would: the page's hidden fields (with the render time
 * moved 30 s back, past the minimum fill time), the answers, optional files and extra fields.
 */
export type FormPost = [
  path: string,
  hidden: Record<string, string>,
  fields: [string, string][],
  files?: { name: string; content: Uint8Array }[],
  extra?: Record<string, string>,
];

export function submitForm(
  portal: PortalServer,
  ...[path, hidden, fields, files = [], extra = {}]: FormPost
): Promise<Response> {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...hidden, renderedAt: String(Number(hidden.renderedAt) - 30_000), ...extra }))
    fd.append(k, v);
  for (const [k, v] of fields) fd.append(k, v);
  for (const f of files) fd.append('attachments', new Blob([f.content as Uint8Array<ArrayBuffer>]), f.name);
  return fetch(portal.url + path, { method: 'POST', body: fd, redirect: 'manual', headers: { origin: portal.url } });
}

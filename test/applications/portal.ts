/** Starting the real portal (runtime helper) with an SMTP sink for application tests. */
import { startPortal, type PortalServer } from '../helpers/portal-server.ts';
import { startSmtpSink, type SmtpSink } from '../server/support/smtp-sink.ts';

export async function portalWithMail(env: Record<string, string> = {}): Promise<{ portal: PortalServer; sink: SmtpSink }> {
  const sink = await startSmtpSink();
  const portal = await startPortal({
    env: { ...sink.env, MAIL_FROM: 'Atbalsts <atbalsts@portal.example.lv>', OUTBOX_RETRY_BASE_MS: '50', RATE_LIMIT_PER_MINUTE: '10000', ...env },
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
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

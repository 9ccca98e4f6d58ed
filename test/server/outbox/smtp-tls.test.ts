/**
 * SMTP never falls back to plaintext by itself: an smtp:// server without STARTTLS gets nothing
 * (the application stays queued), unless the admin opted in with SMTP_ALLOW_PLAINTEXT for a
 * local relay. Real smtp-server on 127.0.0.1.
 */
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue, outboxLayout } from '#src/server/outbox/index.ts';
import { createMailTransport } from '#src/server/outbox/transport.ts';
import { startOutboxWorker, type OutboxWorker } from '#src/server/outbox/worker.ts';
import { captureLogs, waitUntil } from '../support/logs.ts';
import { sampleItem, tempDir, testConfig } from '../support/fixtures.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { makeTestCert } from '../support/test-cert.ts';

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function sink(tls?: { key: string; cert: string }, implicitTls = false): Promise<SmtpSink> {
  const s = await startSmtpSink(0, tls ? { tls, implicitTls } : {});
  cleanup.push(() => s.stop());
  return s;
}

const mail = {
  from: 'Atbalsts <atbalsts@pasvaldiba.example.lv>',
  to: 'socd@example.lv',
  subject: 'Pārbaude',
  text: 'Sveiki',
};

describe('SMTP transport security', () => {
  it('smtp:// to a server without STARTTLS fails without the opt-in: the item stays queued, the log has no personal data', async () => {
    const s = await sink();
    const root = await tempDir('smtp-tls');
    const config = testConfig(root, { SMTP_URL: s.url });
    const logs = captureLogs();
    cleanup.push(() => logs.restore());
    const worker: OutboxWorker = await startOutboxWorker(config);
    cleanup.push(() => worker.stop());
    const { item, files } = sampleItem();
    await enqueue(item, files, { dir: config.outboxDir });
    const retry = await waitUntil(() => logs.lines.find((l) => l.event === 'mail.retry'), 10_000, 'mail.retry');
    expect(retry).toMatchObject({ reference: item.reference, code: 'ETLS' });
    expect(s.messages).toHaveLength(0);
    expect(await readdir(outboxLayout(config.outboxDir).queue)).toEqual([item.reference]);
    const text = logs.raw.join('\n');
    expect(text).not.toContain('Bērziņš');
    expect(text).not.toMatch(/@example\.lv/);
    expect(text).not.toContain('secret');
  });

  it('smtp:// with STARTTLS (certificate trusted through SMTP_TLS_CA) delivers over TLS ≥ 1.2', async () => {
    const cert = makeTestCert();
    const s = await sink(cert);
    const root = await tempDir('smtp-tls');
    const transport = createMailTransport(testConfig(root, { SMTP_URL: s.url, SMTP_TLS_CA: cert.certFile }));
    cleanup.push(() => transport.close());
    await transport.send(mail, 'x');
    await s.waitFor(1);
    expect(s.messages[0]!.subject).toBe('Pārbaude');
    const secured: { secure: boolean; protocol?: string } | undefined = s.sessions.at(-1);
    expect(secured).toMatchObject({ secure: true });
    expect(['TLSv1.2', 'TLSv1.3']).toContain(secured!.protocol);
  });

  it('an untrusted STARTTLS certificate is refused (no global bypass)', async () => {
    const s = await sink(makeTestCert());
    const transport = createMailTransport(testConfig(await tempDir('smtp-tls'), { SMTP_URL: s.url }));
    cleanup.push(() => transport.close());
    await expect(transport.send(mail, 'x')).rejects.toMatchObject({
      code: expect.stringMatching(/ETLS|ESOCKET|ECONNECTION/),
    });
    expect(s.messages).toHaveLength(0);
  });

  it('smtps:// (TLS from the first byte) verifies the certificate too: trusted through SMTP_TLS_CA, refused without', async () => {
    const cert = makeTestCert();
    const s = await sink(cert, true);
    expect(s.url).toMatch(/^smtps:/);
    const untrusted = createMailTransport(testConfig(await tempDir('smtp-tls'), { SMTP_URL: s.url }));
    cleanup.push(() => untrusted.close());
    await expect(untrusted.send(mail, 'x')).rejects.toBeDefined();
    expect(s.messages).toHaveLength(0);
    const trusted = createMailTransport(
      testConfig(await tempDir('smtp-tls'), {
        SMTP_URL: s.url,
        SMTP_TLS_CA: cert.certFile,
        SMTP_ALLOW_PLAINTEXT: 'true',
      }),
    );
    cleanup.push(() => trusted.close());
    await trusted.send(mail, 'x');
    await s.waitFor(1);
    expect(s.sessions.at(-1)).toMatchObject({ secure: true });
  });

  it('plaintext works only with SMTP_ALLOW_PLAINTEXT=1 (a local relay)', async () => {
    const s = await sink();
    const transport = createMailTransport(testConfig(await tempDir('smtp-tls'), s.env));
    cleanup.push(() => transport.close());
    await transport.send(mail, 'x');
    await s.waitFor(1);
    expect(s.sessions.at(-1)).toMatchObject({ secure: false });
  });
});

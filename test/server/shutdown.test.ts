/**
 * Graceful shutdown: SIGTERM while an application is still uploading — the server stops taking
 * new connections, finishes that request (the resident gets a reference), e-mails it, exits 0.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startPortal } from '../helpers/portal-server.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

describe('graceful shutdown', () => {
  it('finishes an upload in flight, delivers it, and exits 0', async () => {
    const sink = await startSmtpSink();
    const portal = await startPortal({ env: sink.env });
    try {
      const body = Buffer.from(readFileSync('examples/applications/question.json', 'utf8'));
      const url = new URL(portal.url);
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/api/daugavpils/applications/question/',
            headers: {
              'content-type': 'application/json',
              'content-length': body.length,
              origin: portal.url,
              'idempotency-key': 'shutdown-test-0000000001',
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', (err) => reject(new Error(`${err.message}\n${portal.output()}`)));
        req.write(body.subarray(0, 40));
        setTimeout(() => {
          portal.child.kill('SIGTERM');
          setTimeout(() => req.end(body.subarray(40)), 500);
        }, 300);
      });
      const { status, text } = await answer;
      expect(status).toBe(201);
      const { reference } = JSON.parse(text) as { reference: string };
      expect(reference).toMatch(/^[A-Z]{2,6}-\d{4}-[2-9A-HJKMNP-Z]{5}$/);
      const code = await portal.stop();
      expect(code).toBe(0);
      expect(portal.logs.map((l) => l.event)).toEqual(
        expect.arrayContaining(['server.stopping', 'outbox.delivered', 'server.stopped']),
      );
      expect(sink.messages.some((m) => m.subject?.includes(reference))).toBe(true);
    } finally {
      await portal.kill();
      await sink.stop();
    }
  });
});

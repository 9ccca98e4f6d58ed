/**
 * kill -9 of the real server under sustained load while the SMTP server flaps (stopped and
 * started again and again): after a restart every acknowledged reference (201) is delivered —
 * none missing, none sent twice as a different message. Delivery is at-least-once by design: the
 * one message in flight at the kill (SMTP said 250, the state write had not happened) may be
 * sent again, with the same Message-ID, so at most one such repeat is allowed.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPortal, type PortalServer } from '../helpers/portal-server.ts';
import { example } from './applications/helpers.ts';
import { waitUntil } from './support/logs.ts';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.ts';

const portals: PortalServer[] = [];
let sink: SmtpSink | undefined;
let flapping: NodeJS.Timeout | undefined;
afterEach(async () => {
  clearInterval(flapping);
  for (const p of portals.splice(0)) await p.kill();
  await sink?.stop();
});

describe('kill -9 under load with SMTP flapping', () => {
  it('delivers every acknowledged application exactly once after a restart', async () => {
    sink = await startSmtpSink();
    const env = {
      ...sink.env,
      OUTBOX_RETRY_BASE_MS: '50',
      OUTBOX_RETRY_MAX_MS: '400',
      OUTBOX_POLL_MS: '100',
      RATE_LIMIT_PER_MINUTE: '100000',
    };
    const first = await startPortal({ env });
    portals.push(first);
    await first.waitForLog((l) => l.event === 'outbox.started');

    let up = true;
    let toggling = false;
    flapping = setInterval(() => {
      if (toggling) return;
      toggling = true;
      const s = sink!;
      void (up ? s.stop() : s.start()).finally(() => {
        up = !up;
        toggling = false;
      });
    }, 250);

    const acknowledged = new Set<string>();
    let refused = 0;
    const body = JSON.stringify(example('question'));
    let n = 0;
    async function client(url: string, until: () => boolean) {
      while (!until()) {
        try {
          const res = await fetch(`${url}/api/daugavpils/applications/question/`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'idempotency-key': `kill9-${process.pid}-${Date.now()}-${n++}`,
            },
            body,
          });
          if (res.status === 201) acknowledged.add(((await res.json()) as { reference: string }).reference);
          else refused++;
        } catch {
          // the server is gone (killed): not acknowledged
          return;
        }
      }
    }
    // Sustained load on the first server; kill -9 in the middle of it.
    let killed = false;
    const clients = Array.from({ length: 6 }, () => client(first.url, () => killed));
    await waitUntil(() => acknowledged.size >= 40, 20_000, '40 acknowledged applications');
    await first.kill();
    killed = true;
    await Promise.all(clients);
    expect(first.logs.some((l) => l.event === 'server.stopped')).toBe(false);
    const beforeRestart = acknowledged.size;

    // Restart on the same outbox; some more load while SMTP still flaps, then it settles.
    const second = await startPortal({ env, dirs: first.dirs });
    portals.push(second);
    const more = Date.now() + 1000;
    // Bounded by count as well as time: a faster server must not leave more mail to deliver
    // through the flapping SMTP server than the wait below allows.
    await Promise.all(
      Array.from({ length: 3 }, () =>
        client(second.url, () => Date.now() > more || acknowledged.size >= beforeRestart + 20),
      ),
    );
    expect(acknowledged.size).toBeGreaterThan(beforeRestart);
    clearInterval(flapping);
    await waitUntil(() => !toggling, 5000, 'the SMTP toggle to finish');
    if (!up) await sink.start();
    sink.mode = 'accept';

    const staffOf = (ref: string) =>
      sink!.messages.filter((m) => m.headers.get('x-atbalsts-reference') === ref && m.messageId?.includes('.staff@'));
    await waitUntil(
      () => [...acknowledged].every((ref) => staffOf(ref).length >= 1),
      45_000,
      'every acknowledged application delivered',
    );
    await waitUntil(
      async () => (await readdir(join(first.dirs.outbox, 'queue'))).length === 0,
      20_000,
      'the queue to drain',
    );
    await new Promise((r) => setTimeout(r, 300));

    // Count at the SMTP server: per reference one staff e-mail and one receipt (distinct
    // Message-IDs), and at most one repeated copy overall — the message in flight at the kill.
    const ids = sink.messages.map((m) => m.messageId ?? '');
    const distinct = new Set(ids);
    expect(ids.length - distinct.size).toBeLessThanOrEqual(1);
    for (const ref of acknowledged) {
      expect(new Set(staffOf(ref).map((m) => m.messageId)).size, `staff e-mail of ${ref}`).toBe(1);
      expect(
        distinct.has(`<${ref}.receipt@localhost>`) || [...distinct].some((id) => id.startsWith(`<${ref}.receipt@`)),
        `receipt of ${ref}`,
      ).toBe(true);
    }
    expect(refused).toBe(0);
    process.stderr.write(
      `kill -9: ${acknowledged.size} acknowledged (${beforeRestart} before the kill), ${sink.messages.length} messages, ${ids.length - distinct.size} repeated\n`,
    );
    expect(await second.stop()).toBe(0);
  }, 90_000);
});

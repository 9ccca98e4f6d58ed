/** Logs: one JSON line per event; no e-mail addresses, personal codes or query strings. */
import { afterEach, describe, expect, it } from 'vitest';
import { logger, routeConsoleToJsonLogs } from '#src/server/log.ts';
import { captureLogs } from './support/logs.ts';

const original = {
  log: console.log,
  info: console.info,
  debug: console.debug,
  warn: console.warn,
  error: console.error,
};
afterEach(() => Object.assign(console, original));

describe('structured logs', () => {
  it('writes one JSON object per line and redacts values that look personal', () => {
    const logs = captureLogs();
    try {
      logger.info('application.accepted', {
        reference: 'DGV-2026-7KQ3M',
        to: 'janis@example.lv',
        code: '010190-12345',
        count: 2,
      });
      logger.alert('outbox.dead_letter', { reference: 'DGV-2026-7KQ3M' });
    } finally {
      logs.restore();
    }
    expect(logs.raw).toHaveLength(2);
    expect(logs.lines[0]).toMatchObject({
      level: 'info',
      event: 'application.accepted',
      reference: 'DGV-2026-7KQ3M',
      to: '[redacted]',
      code: '[redacted]',
      count: 2,
    });
    expect(logs.lines[1]).toMatchObject({ level: 'alert', event: 'outbox.dead_letter' });
  });

  it('turns library console output (Astro, the adapter) into single JSON lines without queries', () => {
    const logs = captureLogs();
    try {
      routeConsoleToJsonLogs();
      console.error('Could not render /lv/daugavpils/novertejums/?ienakumi=612&vards=Janis');
      console.error(new Error('boom\n    at render (file.mjs:1:1)'));
      console.info('\u001b[32mbuilt\u001b[39m for anna@example.lv, code 320000-12345');
    } finally {
      logs.restore();
    }
    expect(logs.raw).toHaveLength(3);
    expect(logs.lines[0]).toMatchObject({
      level: 'error',
      event: 'console',
      message: 'Could not render /lv/daugavpils/novertejums/?…',
    });
    expect(logs.lines[1]!.message).toMatch(/^Error: boom \| at render/);
    expect(logs.lines[2]!.message).toBe('built for [redacted], code [redacted]');
  });
});

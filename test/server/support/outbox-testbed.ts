/**
 * What an outbox test runs against: a real SMTP sink, the process's log lines captured, and at
 * most one outbox worker. Call `outboxTestbed()` at the top of a test file: each test gets a
 * fresh sink and log capture, and after it the worker is stopped, the logs released and the
 * sink closed.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Config } from '#src/server/env.ts';
import { startOutboxWorker, type OutboxWorker } from '#src/server/outbox/worker.ts';
import { captureLogs } from './logs.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

export interface OutboxTestbed {
  /** The SMTP server of the running test (`sink.env` points a config at it). */
  readonly sink: SmtpSink;
  /** The log lines written during the running test. */
  readonly logs: ReturnType<typeof captureLogs>;
  /** The worker started by `startWorker`, if any. */
  readonly worker: OutboxWorker | undefined;
  /** Starts the outbox worker for this test; it is stopped after the test. */
  startWorker(config: Config): Promise<OutboxWorker>;
}

export function outboxTestbed(): OutboxTestbed {
  let sink: SmtpSink | undefined;
  let logs: ReturnType<typeof captureLogs> | undefined;
  let worker: OutboxWorker | undefined;
  beforeEach(async () => {
    sink = await startSmtpSink();
    logs = captureLogs();
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
    logs?.restore();
    await sink?.stop();
  });
  const running = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`outboxTestbed: no ${what} outside a test`);
    return value;
  };
  return {
    get sink() {
      return running(sink, 'SMTP sink');
    },
    get logs() {
      return running(logs, 'log capture');
    },
    get worker() {
      return worker;
    },
    async startWorker(config) {
      worker = await startOutboxWorker(config);
      return worker;
    },
  };
}

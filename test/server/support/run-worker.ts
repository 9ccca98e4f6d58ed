/** Runs only the outbox worker in a child process (tests kill it to simulate a crash). */
import { loadConfig } from '#src/server/env.ts';
import { startOutboxWorker } from '#src/server/outbox/worker.ts';

const worker = await startOutboxWorker(loadConfig());
process.on('SIGTERM', () => {
  void worker.stop().then(() => process.exit(0));
});

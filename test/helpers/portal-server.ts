/**
 * Runs the real server (scripts/start.mjs → src/server/main.ts) as a child process against the
 * test build, on a free port, for end-to-end tests:
 *
 *   const portal = await startPortal({ env: sink.env }); // SMTP_URL + SMTP_ALLOW_PLAINTEXT (the sink has no TLS)
 *   const res = await fetch(portal.url + '/lv/');
 *   await portal.waitForLog((l) => l.event === 'outbox.delivered');
 *   await portal.stop();            // SIGTERM, graceful; portal.kill() = SIGKILL (a crash)
 *
 * - The build comes from vitest's global setup (`inject('distDir')`, .build/test) unless
 *   `distDir` is given.
 * - PORT=0: the OS picks a free port; the helper reads it from the `server.listening` log line,
 *   so there is no race between "find a free port" and "listen".
 * - Each portal gets fresh OUTBOX_DIR / MAIL_DIR / IDEMPOTENCY_DIR under a temp folder
 *   (`portal.dirs`) unless `env` sets them; config variables from the developer's shell are NOT
 *   inherited (no accidental real SMTP_URL). Pass `dirs` from a previous portal to reuse its
 *   outbox (restart tests).
 * - `logs` holds every JSON log line (parsed); `output()` the raw stdout+stderr.
 * - Children still running when the test process exits are killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { CONFIG_VARIABLES } from '#src/server/env.ts';

export interface PortalLogLine {
  level: string;
  event: string;
  [key: string]: unknown;
}

export interface PortalDirs {
  root: string;
  outbox: string;
  mail: string;
  idempotency: string;
}

export interface PortalServer {
  url: string;
  port: number;
  dirs: PortalDirs;
  logs: PortalLogLine[];
  child: ChildProcess;
  output(): string;
  waitForLog(match: (line: PortalLogLine) => boolean, timeoutMs?: number): Promise<PortalLogLine>;
  /** Graceful stop (SIGTERM); resolves with the exit code. Escalates to SIGKILL after 15 s. */
  stop(): Promise<number | null>;
  /** Hard kill (SIGKILL), like a power cut for the process. */
  kill(): Promise<void>;
}

export interface StartPortalOptions {
  env?: Record<string, string>;
  distDir?: string;
  dirs?: PortalDirs;
  timeoutMs?: number;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The build to serve: vitest's global setup provides it; outside vitest, ATBALSTS_DIST or ./dist. */
function defaultDistDir(): string {
  try {
    const provided = inject('distDir');
    if (provided) return provided;
  } catch {
    // not inside a vitest worker with the global setup
  }
  return process.env.ATBALSTS_DIST ?? join(REPO, 'dist');
}

function freshDirs(): PortalDirs {
  const root = mkdtempSync(join(tmpdir(), 'atbalsts-portal-'));
  return { root, outbox: join(root, 'outbox'), mail: join(root, 'mail'), idempotency: join(root, 'idempotency') };
}

export async function startPortal(options: StartPortalOptions = {}): Promise<PortalServer> {
  const distDir = options.distDir ?? defaultDistDir();
  const dirs = options.dirs ?? freshDirs();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !(CONFIG_VARIABLES as readonly string[]).includes(name)),
  );
  const env = {
    ...inherited,
    HOST: '127.0.0.1',
    PORT: '0',
    DIST_DIR: distDir,
    OUTBOX_DIR: dirs.outbox,
    MAIL_DIR: dirs.mail,
    IDEMPOTENCY_DIR: dirs.idempotency,
    OUTBOX_POLL_MS: '200',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...options.env,
  };
  const child = spawn(process.execPath, [join(REPO, 'scripts/start.mjs')], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);

  const logs: PortalLogLine[] = [];
  let raw = '';
  const waiters = new Set<() => void>();
  const onText = (buffer: { partial: string }) => (chunk: Buffer) => {
    const text = buffer.partial + chunk.toString('utf8');
    raw += chunk.toString('utf8');
    const lines = text.split('\n');
    buffer.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        logs.push(JSON.parse(line) as PortalLogLine);
      } catch {
        // not a log line
      }
    }
    for (const wake of waiters) wake();
  };
  child.stdout!.on('data', onText({ partial: '' }));
  child.stderr!.on('data', onText({ partial: '' }));

  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code) => {
      exitCode = code;
      live.delete(child);
      for (const wake of waiters) wake();
      resolveExit(code);
    });
  });

  function waitForLog(match: (line: PortalLogLine) => boolean, timeoutMs = 10_000): Promise<PortalLogLine> {
    return new Promise((resolveLine, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (found) {
          cleanup();
          resolveLine(found);
        } else if (exitCode !== undefined) {
          cleanup();
          reject(new Error(`portal exited (${exitCode}) before the expected log line:\n${raw}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a log line:\n${raw}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }

  const listening = await waitForLog((l) => l.event === 'server.listening', options.timeoutMs ?? 30_000);
  const port = Number(listening.port);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dirs,
    logs,
    child,
    output: () => raw,
    waitForLog,
    async stop() {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (exitCode !== undefined) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs the server expecting it to refuse to start (config errors); resolves with exit code and output. */
export async function startPortalExpectingFailure(
  env: Record<string, string>,
  distDir?: string,
): Promise<{ code: number | null; output: string }> {
  const dirs = freshDirs();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !(CONFIG_VARIABLES as readonly string[]).includes(name)),
  );
  const child = spawn(process.execPath, [join(REPO, 'scripts/start.mjs')], {
    cwd: REPO,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: '0',
      DIST_DIR: distDir ?? defaultDistDir(),
      OUTBOX_DIR: dirs.outbox,
      MAIL_DIR: dirs.mail,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  clearTimeout(timer);
  live.delete(child);
  return { code, output };
}

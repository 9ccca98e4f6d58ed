/**
 * For scripts outside vitest (screenshots, Lighthouse): runs scripts/start.mjs on a built portal
 * on a free port, with throw-away outbox and mail folders, and resolves once it listens.
 * (Tests use test/helpers/portal-server.ts.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');

export async function serveBuild(distDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dirs = mkdtempSync(join(tmpdir(), 'atbalsts-serve-'));
  // Never a real mail server from the developer's shell: mail goes to .eml files in the temp folder.
  const { SMTP_URL: _smtp, ...env } = process.env;
  const child = spawn(process.execPath, [join(REPO, 'scripts/start.mjs'), '--dist', resolve(distDir)], {
    cwd: REPO,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: '0',
      OUTBOX_DIR: join(dirs, 'outbox'),
      MAIL_DIR: join(dirs, 'mail'),
      IDEMPOTENCY_DIR: join(dirs, 'idempotency'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dirs, { recursive: true, force: true });
  };
  return new Promise((resolveStart, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.includes('"server.listening"'));
      if (line) resolveStart({ url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, stop });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

/** Captures the JSON log lines written by src/server/log.ts in this process. */
import { vi } from 'vitest';

export interface LogLine {
  level: string;
  event: string;
  [key: string]: unknown;
}

export function captureLogs(): { lines: LogLine[]; raw: string[]; restore(): void } {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const grab = (chunk: unknown) => {
    for (const text of String(chunk).split('\n')) {
      if (!text.startsWith('{')) continue;
      raw.push(text);
      try {
        lines.push(JSON.parse(text) as LogLine);
      } catch {
        // not ours
      }
    }
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(grab as never);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(grab as never);
  return {
    lines,
    raw,
    restore() {
      out.mockRestore();
      err.mockRestore();
    },
  };
}

export async function waitUntil<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Structured logs: one JSON object per line on stdout (warnings and errors on stderr).
 *
 * Privacy rule: a log line carries an event name, reference numbers,
 * error codes, counts and durations — never names, personal codes, e-mail addresses or answers.
 * Callers pass only such fields; `safeFields` additionally drops anything that looks like an
 * e-mail address or a Latvian personal code, so a slip does not leak personal data.
 */
import { createHash } from 'node:crypto';
import { inspect } from 'node:util';

type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'alert';
type LogFields = Record<string, string | number | boolean | null | undefined>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, alert: 50 };
const EMAIL = /[^\s@,;<>()"']+@[^\s@,;<>()"']+/;
const PERSONAL_CODE = /\b\d{6}-?\d{5}\b/;

function minLevel(): number {
  const wanted = process.env.LOG_LEVEL as LogLevel | undefined;
  return ORDER[wanted ?? 'info'] ?? ORDER.info;
}

function safeFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && (EMAIL.test(value) || PERSONAL_CODE.test(value))) {
      out[key] = '[redacted]';
    } else {
      out[key] = value;
    }
  }
  return out;
}

function log(level: LogLevel, event: string, fields: LogFields = {}): void {
  if (ORDER[level] < minLevel()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...safeFields(fields) });
  if (ORDER[level] >= ORDER.warn) process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
}

export const logger = {
  debug: (event: string, fields?: LogFields) => log('debug', event, fields),
  info: (event: string, fields?: LogFields) => log('info', event, fields),
  warn: (event: string, fields?: LogFields) => log('warn', event, fields),
  error: (event: string, fields?: LogFields) => log('error', event, fields),
  /** Needs a human: a dead letter, a lost disk. Admins alert on `"level":"alert"`. */
  alert: (event: string, fields?: LogFields) => log('alert', event, fields),
};

/** A short, non-reversible tag for an IP address, so logs can correlate abuse without storing it. */
export function hashIp(ip: string | undefined, salt: string): string | undefined {
  if (!ip) return undefined;
  return createHash('sha256').update(salt).update(ip).digest('base64url').slice(0, 10);
}

/** Strips query strings from anything URL-like: a GET form's query can hold a resident's answers. */
function withoutQueries(text: string): string {
  return text.replace(/(\/[^\s?"'<>]*)\?[^\s"'<>]*/g, '$1?…');
}

/**
 * Routes console output of libraries (Astro's logger, the Node adapter's `console.error(err)`)
 * into the same one-line JSON format: multi-line stack traces become one line, queries are
 * stripped and personal-looking values redacted. Called once by the server at start-up.
 */
export function routeConsoleToJsonLogs(): void {
  const make =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      const text = args
        .map((a) =>
          a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : inspect(a, { depth: 3 }),
        )
        .join(' ');
      const oneLine = withoutQueries(text.replace(/\u001b\[[0-9;]*m/g, ''))
        .replace(/\s*\n\s*/g, ' | ')
        .slice(0, 4000);
      const message =
        EMAIL.test(oneLine) || PERSONAL_CODE.test(oneLine)
          ? oneLine.replace(new RegExp(EMAIL, 'g'), '[redacted]').replace(new RegExp(PERSONAL_CODE, 'g'), '[redacted]')
          : oneLine;
      log(level, 'console', { message });
    };
  console.log = make('info');
  console.info = make('info');
  console.debug = make('debug');
  console.warn = make('warn');
  console.error = make('error');
}

/**
 * Server configuration: read once from the environment, validated with zod. A bad value stops
 * start-up with `Config error: <NAME> must be …` — the message names the variable and never
 * echoes its value (SMTP_URL carries a password). Every variable is documented in
 * `.env.example` and `docs/deploy.md`.
 *
 * The server (src/server/main.ts) calls `loadConfig()` at start-up and stores the result
 * process-wide; endpoints bundled by Astro call `getConfig()` and get that same object.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parseProxyList } from './guards/client-address.ts';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly variable: string;
  constructor(variable: string, rule: string) {
    super(`Config error: ${variable} must be ${rule}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

// Display-name + address, or a bare address. No CR/LF: these go into mail headers.
const mailbox = /^(?:[^\r\n<>@"]{0,100}<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;
const address = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$|^[^\s@<>,;]+@localhost$/;

/** Each variable with its zod rule and the human sentence used when it fails. */
const RULES = {
  PORT: [int(0, 65535, 4321), 'an integer port between 0 and 65535 (default 4321)'],
  HOST: [
    z
      .string()
      .regex(/^[\w.:[\]-]+$/)
      .default('localhost'),
    'a host name or IP address to listen on (default localhost)',
  ],
  DIST_DIR: [z.string().min(1).default('./dist'), 'the directory holding the built portal (client/ and server/)'],
  SMTP_URL: [
    z
      .string()
      .refine((v) => {
        try {
          const u = new URL(v);
          return (u.protocol === 'smtp:' || u.protocol === 'smtps:') && u.hostname !== '';
        } catch {
          return false;
        }
      })
      .optional(),
    'an smtp:// or smtps:// URL like smtp://user:pass@mail.example.lv:587 (leave unset to write .eml files to MAIL_DIR)',
  ],
  SMTP_ALLOW_PLAINTEXT: [
    bool(false),
    'true or false (true only for a local relay on localhost: allows smtp:// without STARTTLS)',
  ],
  SMTP_TLS_CA: [
    z
      .string()
      .min(1)
      .refine((v) => existsSync(v))
      .optional(),
    'the path of a PEM file with the certificate authority (or self-signed certificate) your SMTP server uses',
  ],
  MAIL_FROM: [
    z.string().regex(mailbox).default('Atbalsts <atbalsts@localhost>'),
    'an e-mail address, optionally with a display name: "Atbalsts <atbalsts@novads.lv>"',
  ],
  MAIL_DIR: [z.string().min(1).default('./var/mail'), 'a directory path (where .eml files go when SMTP_URL is unset)'],
  MAIL_TO_OVERRIDE: [
    z.string().regex(address).optional(),
    'a single e-mail address (staging: every staff e-mail goes there)',
  ],
  OUTBOX_DIR: [z.string().min(1).default('./var/outbox'), 'a directory path on a local disk'],
  OUTBOX_RETRY_BASE_MS: [
    int(10, 86_400_000, 30_000),
    'an integer number of milliseconds between 10 and 86400000 (default 30000)',
  ],
  OUTBOX_RETRY_MAX_MS: [
    int(10, 604_800_000, 3_600_000),
    'an integer number of milliseconds (the longest wait between attempts, default 3600000)',
  ],
  OUTBOX_MAX_ATTEMPTS: [int(1, 1000, 20), 'an integer between 1 and 1000 (default 20)'],
  OUTBOX_RETENTION_DAYS: [int(0, 3650, 0), 'an integer number of days, 0 or more (0 = delete sent items at once)'],
  OUTBOX_POLL_MS: [int(50, 60_000, 1000), 'an integer number of milliseconds between 50 and 60000 (default 1000)'],
  IDEMPOTENCY_DIR: [z.string().min(1).optional(), 'a directory path (default: "idempotency" next to OUTBOX_DIR)'],
  PUBLIC_ORIGIN: [
    z
      .string()
      .refine((v) => {
        try {
          const u = new URL(v);
          return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v.replace(/\/$/, '');
        } catch {
          return false;
        }
      })
      .transform((v) => v.replace(/\/$/, ''))
      .optional(),
    'the public origin residents use, scheme and host only, like https://atbalsts.daugavpils.lv',
  ],
  TRUST_PROXY: [
    bool(false),
    'true or false (true: take the client address from X-Forwarded-For set by your reverse proxy)',
  ],
  RATE_LIMIT_PER_MINUTE: [
    int(1, 100_000, 20),
    'an integer between 1 and 100000 (form posts per client address per minute, default 20)',
  ],
  MAX_BODY_BYTES: [
    int(1024, 1_073_741_824, 20_971_520),
    'an integer number of bytes between 1024 and 1073741824 (default 20971520 = 20 MiB)',
  ],
  MAX_BODIES_IN_FLIGHT_BYTES: [
    int(1024, 17_179_869_184, 104_857_600),
    'an integer number of bytes (all request bodies being received at once; default 104857600 = 100 MiB)',
  ],
  MAX_CONNECTIONS: [
    int(1, 1_000_000, 1000),
    'an integer between 1 and 1000000 (open connections at once, default 1000)',
  ],
  MIN_UPLOAD_BYTES_PER_SECOND: [
    int(0, 1_073_741_824, 1024),
    'an integer number of bytes per second, 0 or more (0 = no minimum; default 1024)',
  ],
  TRUSTED_PROXIES: [
    z
      .string()
      .refine((v) => {
        try {
          parseProxyList(v);
          return true;
        } catch {
          return false;
        }
      })
      .optional(),
    'a list of IP addresses or CIDR ranges of your reverse proxies, e.g. "127.0.0.1, 10.0.0.0/8, ::1"',
  ],
  SHUTDOWN_TIMEOUT_MS: [int(0, 600_000, 10_000), 'an integer number of milliseconds (default 10000)'],
  LOG_LEVEL: [z.enum(['debug', 'info', 'warn', 'error']).default('info'), 'one of debug, info, warn, error'],
  FORM_KEY_SECRET: [
    z.string().min(32).max(512).optional(),
    'at least 32 random characters, e.g. from "openssl rand -base64 32" (default: generated once into var/form-key.secret)',
  ],
} as const;

type Rules = typeof RULES;
type Parsed = { [K in keyof Rules]: z.output<Rules[K][0]> };

export interface Config extends Omit<Parsed, 'IDEMPOTENCY_DIR'> {
  /** Absolute paths, resolved against the working directory at start-up. */
  distDir: string;
  /** The server's own state folder (`var/`): the parent of OUTBOX_DIR. */
  dataDir: string;
  /** Index of every reference number issued (`<dataDir>/references/<year>/`). */
  referencesDir: string;
  outboxDir: string;
  mailDir: string;
  idempotencyDir: string;
}

export const CONFIG_VARIABLES = Object.keys(RULES) as (keyof Rules)[];

/** Parses the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const name of CONFIG_VARIABLES) {
    const [schema, rule] = RULES[name];
    const raw = env[name];
    const result = (schema as z.ZodType).safeParse(raw === undefined || raw.trim() === '' ? undefined : raw.trim());
    if (!result.success) throw new ConfigError(name, rule);
    out[name] = result.data;
  }
  const parsed = out as Parsed;
  const outboxDir = resolve(parsed.OUTBOX_DIR);
  return {
    ...parsed,
    distDir: resolve(parsed.DIST_DIR),
    dataDir: dirname(outboxDir),
    referencesDir: resolve(dirname(outboxDir), 'references'),
    outboxDir,
    mailDir: resolve(parsed.MAIL_DIR),
    idempotencyDir: resolve(parsed.IDEMPOTENCY_DIR ?? resolve(dirname(outboxDir), 'idempotency')),
  };
}

const GLOBAL_KEY = Symbol.for('atbalsts.config');
type WithConfig = { [GLOBAL_KEY]?: Config };

/** Stores the configuration process-wide (main.ts does this once at start-up). */
export function setConfig(config: Config): void {
  (globalThis as WithConfig)[GLOBAL_KEY] = config;
}

/**
 * The process-wide configuration. Endpoints call this; under `astro dev` (no main.ts) it reads
 * the environment on first use.
 */
export function getConfig(): Config {
  const holder = globalThis as WithConfig;
  return (holder[GLOBAL_KEY] ??= loadConfig());
}

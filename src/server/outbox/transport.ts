/**
 * The mail transport: real SMTP when SMTP_URL is set, otherwise the embedded default — every
 * message written as an `.eml` file to MAIL_DIR, so a fresh machine works without a mail server.
 *
 * Applications carry personal data, so SMTP never falls back to plaintext by itself: `smtp://`
 * requires STARTTLS (`requireTLS`) and `smtps://` is TLS from the first byte, both TLS ≥ 1.2 with
 * the certificate verified (SMTP_TLS_CA adds a private CA or self-signed certificate). Plaintext
 * only with SMTP_ALLOW_PLAINTEXT=1, meant for a relay on the same machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import type { Config } from '../env.ts';
import { ensureDirs, writeFileAtomic } from './durable-fs.ts';

interface SendResult {
  messageId?: string;
  /** File written (file mode only). */
  file?: string;
  rejectedCount: number;
}

export interface MailTransport {
  mode: 'smtp' | 'file';
  /** For logs: host:port or the folder; never credentials. */
  target: string;
  send(mail: SendMailOptions, fileStem: string): Promise<SendResult>;
  close(): void;
}

const SAFE_DEFAULTS = { disableFileAccess: true, disableUrlAccess: true } as const;

/** The TLS part of the nodemailer options for `config` (exported for tests). */
function smtpTlsOptions(
  config: Pick<Config, 'SMTP_URL' | 'SMTP_ALLOW_PLAINTEXT' | 'SMTP_TLS_CA'>,
): Record<string, unknown> {
  const tls = {
    minVersion: 'TLSv1.2',
    rejectUnauthorized: true,
    ...(config.SMTP_TLS_CA ? { ca: readFileSync(config.SMTP_TLS_CA, 'utf8') } : {}),
  };
  const implicit = config.SMTP_URL?.startsWith('smtps:') ?? false;
  // Opt-in plaintext: STARTTLS is still used when the relay offers it.
  if (config.SMTP_ALLOW_PLAINTEXT && !implicit) return { tls };
  return { tls, ...(implicit ? { secure: true } : { requireTLS: true }) };
}

export function createMailTransport(config: Config): MailTransport {
  if (config.SMTP_URL) {
    const url = new URL(config.SMTP_URL);
    // Timeouts bound every network step, so a hung server turns into a retry, not a stuck queue.
    const transporter = nodemailer.createTransport(
      {
        url: config.SMTP_URL,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
        ...smtpTlsOptions(config),
      },
      SAFE_DEFAULTS,
    );
    return {
      mode: 'smtp',
      target: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
      async send(mail) {
        const info = await transporter.sendMail({ ...mail, ...SAFE_DEFAULTS });
        return { messageId: info.messageId, rejectedCount: Array.isArray(info.rejected) ? info.rejected.length : 0 };
      },
      close: () => transporter.close(),
    };
  }
  const transporter = nodemailer.createTransport(
    { streamTransport: true, buffer: true, newline: 'windows' },
    SAFE_DEFAULTS,
  );
  let ready: Promise<void> | undefined;
  return {
    mode: 'file',
    target: config.mailDir,
    async send(mail, fileStem) {
      ready ??= ensureDirs(config.mailDir);
      await ready;
      const info = await transporter.sendMail({ ...mail, ...SAFE_DEFAULTS });
      const file = join(config.mailDir, `${fileStem}.eml`);
      await writeFileAtomic(file, info.message as Buffer);
      return { messageId: info.messageId, file, rejectedCount: 0 };
    },
    close: () => transporter.close(),
  };
}

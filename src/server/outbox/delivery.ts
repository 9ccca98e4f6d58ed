/**
 * Delivering one outbox item: build each message from the item's own files, send the ones not yet
 * delivered, record each delivery at once, and decide what a failure means.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SendMailOptions } from 'nodemailer';
import type { Config } from '../env.ts';
import { writeFileAtomic } from './durable-fs.ts';
import { FILES_DIR, STATE_FILE } from './layout.ts';
import { OutboxError, type DeliveryState, type OutboxItem, type OutboxMessage } from './types.ts';
import { FILE_NAME } from './validate.ts';

function freshState(): DeliveryState {
  return { version: 1, attempts: 0, nextAttemptAt: null, delivered: {} };
}

export async function readState(itemDir: string): Promise<DeliveryState> {
  try {
    const parsed = JSON.parse(await readFile(join(itemDir, STATE_FILE), 'utf8')) as DeliveryState;
    return { ...freshState(), ...parsed, delivered: parsed.delivered ?? {} };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return freshState();
    throw new OutboxError('OUTBOX_ITEM_CORRUPT', 'state.json unreadable', { cause: err });
  }
}

export function writeState(itemDir: string, state: DeliveryState): Promise<void> {
  return writeFileAtomic(join(itemDir, STATE_FILE), JSON.stringify(state, null, 2));
}

function domainOf(mailbox: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(mailbox);
  return match?.[1] ?? 'atbalsts.invalid';
}

/** The nodemailer message. Attachments are read by US from our own file names — user input
 * never reaches nodemailer's `path`, `href` or `raw` (and file/URL access is disabled anyway). */
export async function buildMail(
  config: Config,
  item: OutboxItem,
  message: OutboxMessage,
  itemDir: string,
): Promise<SendMailOptions> {
  const attachments = [];
  for (const attachment of message.attachments) {
    if (!FILE_NAME.test(attachment.file)) throw new OutboxError('OUTBOX_ITEM_CORRUPT', 'bad attachment file name');
    let content: Buffer;
    try {
      content = await readFile(join(itemDir, FILES_DIR, attachment.file));
    } catch (err) {
      throw new OutboxError('OUTBOX_FILE_MISSING', `attachment file ${attachment.file} missing`, { cause: err });
    }
    attachments.push({ filename: attachment.filename, contentType: attachment.contentType, content });
  }
  // Staging: every staff-facing message goes to one address; the resident's receipt is untouched.
  const to = config.MAIL_TO_OVERRIDE && message.id !== 'receipt' ? [config.MAIL_TO_OVERRIDE] : message.to;
  return {
    from: config.MAIL_FROM,
    to,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments,
    // Stable per message, so a rare duplicate after a crash is recognisable as the same mail.
    messageId: `<${item.reference}.${message.id}@${domainOf(config.MAIL_FROM)}>`,
    date: new Date(),
    headers: { 'X-Atbalsts-Reference': item.reference },
  };
}

interface FailureVerdict {
  permanent: boolean;
  code: string;
  responseCode?: number;
}

/**
 * Permanent = the SMTP server refused THIS message with a 5xx (to MAIL FROM / RCPT TO / DATA), or
 * our own item is broken. A 5xx to AUTH or at connection time is a configuration problem the
 * admin fixes, so it is retried like an outage rather than dead-lettering every application.
 */
export function classifyFailure(err: unknown): FailureVerdict {
  if (err instanceof OutboxError) return { permanent: true, code: err.code };
  const e = err as { code?: string; responseCode?: number; command?: string };
  const code = typeof e?.code === 'string' ? e.code : 'ESEND';
  const responseCode = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  const command = (e?.command ?? '').toUpperCase();
  const configProblem =
    code === 'EAUTH' ||
    code === 'ECONNECTION' ||
    code === 'ETLS' ||
    /^(AUTH|CONN|EHLO|HELO|STARTTLS|GREETING)/.test(command);
  if (responseCode !== undefined && responseCode >= 500 && !configProblem)
    return { permanent: true, code, responseCode };
  return { permanent: false, code, responseCode };
}

/** Exponential backoff with ±25 % jitter, capped. `attempt` is 1 for the first retry. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(Math.min(maxMs, exp * (0.75 + random() * 0.5)));
}

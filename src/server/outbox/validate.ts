/**
 * Validation at enqueue time, so header injection is impossible by construction: nothing with a
 * CR or LF (or any control character) reaches a header field, and addresses are bare
 * `local@domain` strings. Violations are coded errors — the caller's bug, not the resident's.
 */
import { z } from 'zod';
import { REFERENCE_PATTERN } from '../reference.ts';
import { OutboxError, type OutboxFile, type OutboxItem } from './types.ts';

const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** Our own file names only: no slashes, no leading dot, so they can never escape the item folder. */
export const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const ADDRESS = /^[^\s@<>,;:"'()[\]\\]{1,64}@[^\s@<>,;:"'()[\]\\]{1,253}$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const headerText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !CONTROL.test(v));
const address = z.string().max(320).regex(ADDRESS);

const attachmentSchema = z.strictObject({
  filename: headerText(200).refine((v) => !/[/\\]/.test(v)),
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,100}$/i),
  file: z.string().regex(FILE_NAME),
});

const messageSchema = z.strictObject({
  id: z.string().regex(ID),
  to: z.array(address).min(1).max(50),
  replyTo: address.optional(),
  subject: headerText(900),
  text: z.string().max(5_000_000),
  html: z.string().max(10_000_000).optional(),
  attachments: z.array(attachmentSchema).max(100),
});

const itemSchema = z.strictObject({
  reference: z.string().regex(REFERENCE_PATTERN),
  municipality: z.string().regex(ID),
  form: z.string().regex(ID),
  createdAt: z.iso.datetime({ offset: true }),
  messages: z.array(messageSchema).min(1).max(20),
});

function hasInjection(item: OutboxItem): boolean {
  const messages = Array.isArray(item?.messages) ? item.messages : [];
  return messages.some((m) =>
    [
      m?.subject,
      m?.replyTo,
      ...(Array.isArray(m?.to) ? m.to : []),
      ...(m?.attachments ?? []).map((a) => a?.filename),
    ].some((v) => typeof v === 'string' && /[\r\n]/.test(v)),
  );
}

export function validateOutboxItem(item: OutboxItem, files: OutboxFile[]): void {
  if (hasInjection(item)) {
    throw new OutboxError(
      'OUTBOX_HEADER_INJECTION',
      'CR/LF in a header field (subject, to, replyTo or attachment filename)',
    );
  }
  const parsed = itemSchema.safeParse(item);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new OutboxError('OUTBOX_INVALID_ITEM', `invalid field(s): ${where}`);
  }
  const names = new Set<string>();
  for (const file of files) {
    if (typeof file?.name !== 'string' || !FILE_NAME.test(file.name) || names.has(file.name)) {
      throw new OutboxError('OUTBOX_BAD_FILE_NAME', 'file names must be unique and match ' + FILE_NAME.source);
    }
    if (!(file.content instanceof Uint8Array)) {
      throw new OutboxError('OUTBOX_INVALID_ITEM', `file ${file.name} has no Uint8Array content`);
    }
    names.add(file.name);
  }
  const ids = new Set<string>();
  for (const message of item.messages) {
    if (ids.has(message.id)) throw new OutboxError('OUTBOX_INVALID_ITEM', `duplicate message id ${message.id}`);
    ids.add(message.id);
    for (const attachment of message.attachments) {
      if (!names.has(attachment.file)) {
        throw new OutboxError('OUTBOX_INVALID_ITEM', `attachment refers to missing file ${attachment.file}`);
      }
    }
  }
}

/**
 * Turns a resident's upload name into a safe display filename for `OutboxAttachment.filename`:
 * strips paths and control characters, keeps letters of any script (Latvian, Cyrillic).
 */
export function safeDisplayFilename(name: string, fallback = 'pielikums'): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f\u2028\u2029<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  return cleaned === '' ? fallback : cleaned;
}

/** The outbox contract shared by the application handler (producer) and the worker (consumer). */

export interface OutboxAttachment {
  /** Name shown to the recipient (may come from the resident's upload; no CR/LF, no slashes). */
  filename: string;
  /** MIME type, e.g. `application/pdf`. */
  contentType: string;
  /** Name of a file passed in `files` to `enqueue` (ours, e.g. `attachment-1.pdf`). */
  file: string;
}

export interface OutboxMessage {
  /** 'staff' | 'receipt' | … — unique within the item; delivery is tracked per id. */
  id: string;
  /** Plain addresses (`name@example.lv`), no display names. */
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  attachments: OutboxAttachment[];
}

export interface OutboxItem {
  /** The application's reference number, e.g. `DGV-2026-7KQ3M`; also the item's folder name. */
  reference: string;
  /** Municipality id (pack id), e.g. `daugavpils`. */
  municipality: string;
  /** Form id, e.g. `social-assistance`. */
  form: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
  messages: OutboxMessage[];
}

export interface OutboxFile {
  name: string;
  content: Uint8Array;
}

type OutboxErrorCode =
  | 'OUTBOX_HEADER_INJECTION'
  | 'OUTBOX_INVALID_ITEM'
  | 'OUTBOX_BAD_FILE_NAME'
  | 'OUTBOX_DUPLICATE'
  | 'OUTBOX_WRITE_FAILED'
  | 'OUTBOX_FILE_MISSING'
  | 'OUTBOX_ITEM_CORRUPT'
  | 'OUTBOX_LOCKED'
  | 'OUTBOX_RENDER_FAILED';

/** Infrastructure or contract error with a stable `code` (never carries personal data). */
export class OutboxError extends Error {
  readonly code: OutboxErrorCode;
  constructor(code: OutboxErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${code}: ${detail}`, options);
    this.name = 'OutboxError';
    this.code = code;
  }
}

/** Per-item delivery state, `state.json` next to `item.json`. */
export interface DeliveryState {
  version: 1;
  /** Failed attempts so far (a delivered message does not count). */
  attempts: number;
  nextAttemptAt: string | null;
  delivered: Record<string, { at: string; messageId?: string }>;
  lastError?: { at: string; message: string; code: string; responseCode?: number; permanent: boolean };
  deadAt?: string;
  deadReason?: 'permanent' | 'attempts-exhausted' | 'corrupt';
  completedAt?: string;
}

/** What the handler decided; the HTML page and the JSON endpoint turn it into a response. */
import type { Values } from '#src/domain/forms/types.ts';

export interface ErrorItem {
  /** Field path (`members.1.personalCode`), `attachments`, or `_form`. */
  path: string;
  /** i18n key in `forms` (`error.personalCode.checksum`). */
  key: string;
  params?: Record<string, string | number>;
}

export type Outcome =
  | { kind: 'accepted'; reference: string; replayed: boolean; downloadToken?: string }
  /** Validation failed: re-render with these errors and the typed values (never the files). */
  | {
      kind: 'invalid';
      errors: ErrorItem[];
      values: Values;
      rows: Record<string, number>;
      item?: string;
      idempotencyKey?: string;
      renderedAt?: number;
    }
  | {
      kind: 'rejected';
      status: 400 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 429 | 503;
      code: string;
      key: string;
      params?: Record<string, string | number>;
      retryAfter?: number;
      keep?: Kept;
    };

/** What the HTML form needs to show a valid application again after a temporary failure (503). */
export interface Kept {
  values: Values;
  rows: Record<string, number>;
  item?: string;
  idempotencyKey?: string;
  renderedAt?: number;
}

export const rejected = (
  status: Extract<Outcome, { kind: 'rejected' }>['status'],
  code: string,
  key: string,
  extra: { params?: Record<string, string | number>; retryAfter?: number; keep?: Kept } = {},
): Outcome => ({ kind: 'rejected', status, code, key, ...extra });

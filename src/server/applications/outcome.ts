/** What the handler decided; the HTML page and the JSON endpoint turn it into a response. */
import type { FieldError } from '#src/domain/field-error.ts';
import type { Values } from '#src/domain/forms/types.ts';

export type Outcome =
  | { kind: 'accepted'; reference: string; replayed: boolean; downloadToken?: string }
  /** Validation failed: re-render with these errors and the typed values (never the files). */
  | ({ kind: 'invalid'; errors: FieldError[] } & Kept)
  | {
      kind: 'rejected';
      status: 400 | 403 | 404 | 405 | 408 | 409 | 413 | 415 | 429 | 503;
      code: string;
      key: string;
      params?: Record<string, string | number>;
      retryAfter?: number;
      keep?: Kept;
    };

/** What the HTML form needs to show an application again as it was posted (errors, a temporary failure). */
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

/** A refused request: a stable `code` and the HTTP status it maps to. Never a 500. */
type GuardCode = 'CROSS_ORIGIN' | 'RATE_LIMITED' | 'BODY_TOO_LARGE' | 'BODY_ABORTED' | 'BODY_TOO_SLOW' | 'BUSY';

const STATUS: Record<GuardCode, number> = {
  CROSS_ORIGIN: 403,
  RATE_LIMITED: 429,
  BODY_TOO_LARGE: 413,
  BODY_ABORTED: 400,
  BODY_TOO_SLOW: 408,
  BUSY: 503,
};

export class GuardError extends Error {
  readonly code: GuardCode;
  readonly status: number;
  /** Seconds, for 429 `Retry-After`. */
  readonly retryAfter?: number;
  constructor(code: GuardCode, message: string, retryAfter?: number) {
    super(`${code}: ${message}`);
    this.name = 'GuardError';
    this.code = code;
    this.status = STATUS[code];
    this.retryAfter = retryAfter;
  }
}

export function isGuardError(err: unknown): err is GuardError {
  return (
    err instanceof Error && typeof (err as GuardError).code === 'string' && (err as GuardError).name === 'GuardError'
  );
}

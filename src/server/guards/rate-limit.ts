/**
 * Per-client token bucket: RATE_LIMIT_PER_MINUTE posts per minute, refilled continuously, with a
 * burst of the same size. A library computer room shares one address, so the default is
 * generous (20/min); the point is to stop floods, not residents.
 *
 * Buckets live in memory (one server process) and are process-global so the server and the
 * Astro-bundled endpoints share them. Idle buckets are swept so memory stays bounded.
 */
interface RateVerdict {
  ok: boolean;
  /** Whole seconds until one token is available (for `Retry-After`), 0 when ok. */
  retryAfter: number;
  remaining: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  readonly perMinute: number;
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxKeys: number;

  constructor(perMinute: number, maxKeys = 100_000) {
    this.perMinute = perMinute;
    this.#maxKeys = maxKeys;
  }

  /** Takes one token for `key` (e.g. a hashed client address). */
  consume(key: string, now = Date.now()): RateVerdict {
    const ratePerMs = this.perMinute / 60_000;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.#maxKeys) this.sweep(now);
      bucket = { tokens: this.perMinute, updated: now };
      this.#buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updated) * ratePerMs);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true, retryAfter: 0, remaining: Math.floor(bucket.tokens) };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)), remaining: 0 };
  }

  /** Drops buckets that have refilled completely (they behave exactly like absent ones). */
  sweep(now = Date.now()): void {
    const fullAfterMs = 60_000;
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.updated >= fullAfterMs) this.#buckets.delete(key);
    }
    // Still full of active keys (a flood of addresses): drop the oldest half rather than grow.
    if (this.#buckets.size >= this.#maxKeys) {
      const keys = [...this.#buckets.keys()].slice(0, Math.floor(this.#maxKeys / 2));
      for (const key of keys) this.#buckets.delete(key);
    }
  }

  get size(): number {
    return this.#buckets.size;
  }
}

const KEY = Symbol.for('atbalsts.rateLimiter');
type Holder = { [KEY]?: RateLimiter };

/** The process-wide limiter for form posts. */
export function sharedRateLimiter(perMinute: number): RateLimiter {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (current && current.perMinute === perMinute) return current;
  return (holder[KEY] = new RateLimiter(perMinute));
}

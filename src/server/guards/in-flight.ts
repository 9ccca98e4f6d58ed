/**
 * A cap on request bodies in flight: the bytes of all bodies being received at one moment,
 * across requests. Uploads are held in memory until the application is stored, so without a cap
 * a few hundred slow 20 MiB uploads would exhaust the server's memory. Beyond the cap a new
 * upload is answered 503 with Retry-After before anything is read.
 *
 * A request reserves its declared Content-Length (a chunked body, whose size is unknown,
 * reserves MAX_BODY_BYTES) and releases it when its response is finished or the connection
 * closes.
 */
export class BodyBudget {
  readonly maxBytes: number;
  #used = 0;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** Reserves `bytes`; returns the release function, or undefined when the budget is spent. */
  reserve(bytes: number): (() => void) | undefined {
    if (bytes <= 0) return () => {};
    if (this.#used + bytes > this.maxBytes) return undefined;
    this.#used += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#used -= bytes;
    };
  }

  get used(): number {
    return this.#used;
  }
}

/** Seconds a refused upload is told to wait (Retry-After). */
export const BUSY_RETRY_AFTER_S = 10;

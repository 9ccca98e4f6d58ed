/** What the application handler runs with: the request it answers and its dependencies. */
import type { Catalogue } from '#src/data/build-catalogue.ts';
import { catalogue } from '#src/data/index.ts';
import type { Locale } from '#src/i18n/index.ts';
import { getConfig } from '../env.ts';
import type { PostedBody } from '../guards/body-limit.ts';

/**
 * What the handler reads of a request: method, headers and body. A web Request is one (the
 * Astro endpoints, tests); the Node server passes its IncomingMessage's without building one.
 */
export interface PostedRequest extends PostedBody {
  readonly method: string;
}

export interface HandlerInput {
  request: PostedRequest;
  municipality: string;
  form: string;
  /** html: the page's multipart form; json: the API. */
  mode: 'html' | 'json';
  /** UI language of the page (html); JSON bodies may say `locale`. */
  locale?: Locale;
}

export interface HandlerDeps {
  catalogue: Catalogue;
  maxBodyBytes: number;
  /** Directories (tests); default: configured. */
  outboxDir?: string;
  idempotencyDir?: string;
  downloadsDir?: string;
  now?: () => Date;
  minFillMs?: number;
  /** Secret that signs the HTML form's idempotency key; default: the configured one (form-key.ts). */
  formKeySecret?: Uint8Array;
}

/** The handler's dependencies in the running server: the catalogue and the configured limits/dirs. */
export function serverDeps(): HandlerDeps {
  return { catalogue, maxBodyBytes: getConfig().MAX_BODY_BYTES };
}

/**
 * Signed form keys: the hidden idempotency key the HTML form carries is issued by the server and
 * signed (HMAC-SHA256), so only keys this server handed out can make a post idempotent. A forged
 * or unsigned key is ignored — the post is treated as having no key and gets a fresh one.
 *
 * Key format (fits the idempotency key alphabet [A-Za-z0-9_-]): 22 characters of random nonce
 * (16 bytes, base64url) followed by 43 characters of HMAC-SHA256(nonce) (base64url) = 65.
 *
 * The secret is FORM_KEY_SECRET when set; otherwise 32 random bytes generated once into
 * `form-key.secret` in the server's state folder (next to the outbox, mode 0600) and reused after
 * a restart, so keys on forms open in residents' browsers stay valid.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getConfig } from './env.ts';
import { ensureDirs, fsyncDir, writeFileDurable } from './outbox/durable-fs.ts';

export const FORM_KEY_SECRET_FILE = 'form-key.secret';
const NONCE_CHARS = 22;
const MAC_CHARS = 43;
const SECRET_BYTES = 32;
const FORM_KEY = /^[A-Za-z0-9_-]{65}$/;

const CACHE = Symbol.for('atbalsts.formKeySecret');
type Holder = { [CACHE]?: Map<string, Promise<Buffer>> };
// Process-global: the Astro bundle and the natively loaded server modules share the secret.
const cache: Map<string, Promise<Buffer>> = ((globalThis as Holder)[CACHE] ??= new Map());

async function readOrCreate(path: string): Promise<Buffer> {
  const existing = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (existing) {
    if (existing.byteLength !== SECRET_BYTES)
      throw new Error(
        `${FORM_KEY_SECRET_FILE} must hold exactly ${SECRET_BYTES} bytes; delete it to generate a new one`,
      );
    return existing;
  }
  const secret = randomBytes(SECRET_BYTES);
  try {
    await writeFileDurable(path, secret); // exclusive create, mode 0600, fsync'ed
    await fsyncDir(join(path, '..'));
    return secret;
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreate(path);
    throw err;
  }
}

/**
 * The signing secret for `config` (FORM_KEY_SECRET, or the generated file in `dataDir`).
 * Loaded once per process and folder.
 */
export function formKeySecret(
  config: { FORM_KEY_SECRET?: string | undefined; dataDir: string } = getConfig(),
): Promise<Buffer> {
  if (config.FORM_KEY_SECRET) return Promise.resolve(Buffer.from(config.FORM_KEY_SECRET, 'utf8'));
  const path = join(config.dataDir, FORM_KEY_SECRET_FILE);
  let loading = cache.get(path);
  if (!loading) {
    loading = ensureDirs(config.dataDir).then(() => readOrCreate(path));
    loading.catch(() => cache.delete(path)); // a failure (disk) is retried on the next call
    cache.set(path, loading);
  }
  return loading;
}

function mac(secret: Uint8Array, nonce: string): string {
  return createHmac('sha256', secret).update('atbalsts-form-key\0').update(nonce).digest('base64url');
}

/** A new signed key for one form render. */
export function issueFormKey(secret: Uint8Array): string {
  const nonce = randomBytes(16).toString('base64url');
  return nonce + mac(secret, nonce);
}

/** True only for a key this server signed with `secret`. */
export function verifyFormKey(secret: Uint8Array, key: unknown): key is string {
  if (typeof key !== 'string' || !FORM_KEY.test(key)) return false;
  const expected = Buffer.from(mac(secret, key.slice(0, NONCE_CHARS)));
  const given = Buffer.from(key.slice(NONCE_CHARS));
  return given.byteLength === MAC_CHARS && timingSafeEqual(expected, given);
}

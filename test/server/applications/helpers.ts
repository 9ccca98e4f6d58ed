/** Shared helpers for application tests: examples, requests, temp dirs, a handler with real deps. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { catalogue } from '#src/data/index.ts';
import type { HandlerDeps, HandlerInput } from '#src/server/applications/deps.ts';
import { handleApplication } from '#src/server/applications/handler.ts';
import type { FormId } from '#src/domain/schemas/catalogue.ts';
import { issueFormKey } from '#src/server/form-key.ts';
import { intakeJournal } from '#src/server/outbox/journal.ts';

/** The form-key signing secret the test handler uses (a real server generates or reads its own). */
export const TEST_FORM_KEY_SECRET = new TextEncoder().encode('test-form-key-secret-0123456789abcdef');

/** A form key as the form page would issue it. */
export function signedKey(): string {
  return issueFormKey(TEST_FORM_KEY_SECRET);
}

export const FORMS: FormId[] = ['social-assistance', 'municipal-benefit', 'social-service', 'question'];

export interface ExampleBody {
  locale?: 'lv' | 'ru';
  item?: string;
  answers: Record<string, unknown>;
  attachments?: { filename: string; contentBase64: string }[];
}

export function example(form: FormId): ExampleBody {
  return JSON.parse(readFileSync(resolve('examples/applications', `${form}.json`), 'utf8')) as ExampleBody;
}

export function tempDirs() {
  const root = mkdtempSync(join(tmpdir(), 'atbalsts-app-'));
  return {
    root,
    outboxDir: join(root, 'outbox'),
    idempotencyDir: join(root, 'idempotency'),
    downloadsDir: join(root, 'downloads'),
  };
}

export function deps(dirs = tempDirs(), extra: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    catalogue,
    maxBodyBytes: 20 * 1024 * 1024,
    ...dirs,
    minFillMs: 3000,
    formKeySecret: TEST_FORM_KEY_SECRET,
    ...extra,
  };
}

export function jsonRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://127.0.0.1/api/x/applications/y/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Flattens example answers into HTML form fields (`members.0.givenName`). */
export function formFields(answers: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [section, v] of Object.entries(answers)) {
    const rows = Array.isArray(v) ? v : [v];
    rows.forEach((row, i) => {
      for (const [name, value] of Object.entries(row as Record<string, unknown>)) {
        const path = Array.isArray(v) ? `${section}.${i}.${name}` : `${section}.${name}`;
        for (const one of Array.isArray(value) ? value : [value]) out.push([path, String(one)]);
      }
    });
  }
  return out;
}

export function multipartRequest(
  fields: [string, string][],
  files: { name: string; content: Uint8Array; field?: string; type?: string }[] = [],
  headers: Record<string, string> = {},
): Request {
  const fd = new FormData();
  for (const [k, v] of fields) fd.append(k, v);
  for (const f of files)
    fd.append(
      f.field ?? 'attachments',
      new Blob([f.content as Uint8Array<ArrayBuffer>], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  return new Request('http://127.0.0.1/lv/daugavpils/pieteikums/x/', { method: 'POST', body: fd, headers });
}

export function htmlMeta(opts: { item?: string; key?: string; renderedAt?: number } = {}): [string, string][] {
  return [
    ['website', ''],
    ['renderedAt', String(opts.renderedAt ?? Date.now() - 60_000)],
    ['idempotencyKey', opts.key ?? signedKey()],
    ...(opts.item ? ([['item', opts.item]] as [string, string][]) : []),
  ];
}

export function run(input: Omit<HandlerInput, 'municipality'> & { municipality?: string }, d: HandlerDeps) {
  return handleApplication({ municipality: 'daugavpils', ...input }, d);
}

/** The references in queue/ once every application journaled so far is applied (outbox/journal.ts). */
export async function queued(outboxDir: string): Promise<string[]> {
  await intakeJournal(outboxDir).settled();
  try {
    return readdirSync(join(outboxDir, 'queue'));
  } catch {
    return [];
  }
}

/** Minimal valid files of each kind. */
export const SAMPLES = {
  pdf: new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
  asice: asice(),
  html: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
  exe: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
  zip: zipWith('readme.txt', 'hello'),
};

function zipWith(name: string, content: string): Uint8Array {
  const n = new TextEncoder().encode(name);
  const c = new TextEncoder().encode(content);
  const h = new Uint8Array(30 + n.length + c.length);
  const dv = new DataView(h.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(8, 0, true); // stored
  dv.setUint32(18, c.length, true);
  dv.setUint32(22, c.length, true);
  dv.setUint16(26, n.length, true);
  dv.setUint16(28, 0, true);
  h.set(n, 30);
  h.set(c, 30 + n.length);
  return h;
}

function asice(): Uint8Array {
  return zipWith('mimetype', 'application/vnd.etsi.asic-e+zip');
}

/**
 * Responses the server itself makes (before Astro): short bilingual pages — Latvian first
 * (authoritative), Russian second — or JSON `{ "error": { "code", "status", "message" } }` for API clients (message in Latvian, or
 * Russian when the client asks for it with Accept-Language).
 * No inline styles or scripts (CSP), no personal data, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageLocale } from '#src/i18n/accept-language.ts';

/**
 * Wording lives in locales/{lv,ru}/errors.json like every other string. This module runs natively
 * in the server process (not bundled by Astro), so it reads the files once at start-up.
 */
const LOCALES_DIR = new URL('../../../locales/', import.meta.url);
type ErrorStrings = { status: Record<string, { title: string; text: string }>; home: string };
const load = (l: 'lv' | 'ru'): ErrorStrings =>
  JSON.parse(readFileSync(new URL(`${l}/errors.json`, LOCALES_DIR), 'utf8')) as ErrorStrings;
const STRINGS = { lv: load('lv'), ru: load('ru') };
const wording = (l: 'lv' | 'ru', status: number): [string, string] => {
  const s = STRINGS[l].status[String(status)] ?? STRINGS[l].status['500']!;
  return [s.title, s.text];
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  const type = req.headers['content-type'] ?? '';
  return /application\/json/.test(type) || (/application\/json/.test(accept) && !/text\/html/.test(accept));
}

// A Latvian-only deployment (LOCALES=lv at build time) shows no trace of Russian.
let withRussian = true;

/** main.ts sets this from the build: true when it contains the /ru/ pages. */
export function setErrorPageRussian(value: boolean): void {
  withRussian = value;
}

export function errorPage(status: number): string {
  const w = { lv: wording('lv', status), ru: wording('ru', status) };
  const russian = withRussian
    ? `<section lang="ru">
<h2>${escapeHtml(w.ru[0])}</h2>
<p>${escapeHtml(w.ru[1])}</p>
<p><a href="/ru/">${escapeHtml(STRINGS.ru.home)}</a></p>
</section>
`
    : '';
  return `<!doctype html>
<html lang="lv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(w.lv[0])} — Atbalsts</title></head>
<body>
<main>
<h1>${escapeHtml(w.lv[0])}</h1>
<p>${escapeHtml(w.lv[1])}</p>
<p><a href="/lv/">${escapeHtml(STRINGS.lv.home)}</a></p>
${russian}</main>
</body>
</html>
`;
}

export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  const json = wantsJson(req);
  const ru = withRussian && messageLocale(req.headers['accept-language']) === 'ru';
  const body = json
    ? JSON.stringify({ error: { code, status, message: wording(ru ? 'ru' : 'lv', status)[1] } })
    : errorPage(status);
  res.setHeader('Content-Type', json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.writeHead(status);
  res.end(req.method === 'HEAD' ? undefined : body);
}

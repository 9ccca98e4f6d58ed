/**
 * Responses the server itself makes (before Astro): short bilingual pages — Latvian first
 * (authoritative), Russian second — or JSON `{ "error": { "code": … } }` for API clients.
 * No inline styles or scripts (CSP), no personal data, never a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Wording {
  lv: [string, string];
  ru: [string, string];
}

const WORDING: Record<number, Wording> = {
  400: { lv: ['Nepareizs pieprasījums', 'Adrese nav derīga. Pārbaudiet to vai atgriezieties sākumlapā.'], ru: ['Неверный запрос', 'Адрес недействителен. Проверьте его или вернитесь на главную страницу.'] },
  403: { lv: ['Pieprasījums noraidīts', 'Veidlapu var iesniegt tikai no šīs vietnes. Atveriet veidlapu no jauna un mēģiniet vēlreiz.'], ru: ['Запрос отклонён', 'Форму можно отправить только с этого сайта. Откройте форму заново и попробуйте ещё раз.'] },
  404: { lv: ['Lapa nav atrasta', 'Šādas lapas nav. Sāciet no sākumlapas.'], ru: ['Страница не найдена', 'Такой страницы нет. Начните с главной страницы.'] },
  405: { lv: ['Darbība nav atļauta', 'Šo adresi var tikai atvērt.'], ru: ['Действие не разрешено', 'Этот адрес можно только открыть.'] },
  413: { lv: ['Pārāk liels apjoms', 'Iesniegtie dati vai pielikumi ir pārāk lieli. Samaziniet pielikumus un mēģiniet vēlreiz.'], ru: ['Слишком большой объём', 'Отправленные данные или вложения слишком велики. Уменьшите вложения и попробуйте ещё раз.'] },
  429: { lv: ['Pārāk daudz mēģinājumu', 'Lūdzu, pagaidiet minūti un mēģiniet vēlreiz. Jūsu ievadītie dati nav nosūtīti.'], ru: ['Слишком много попыток', 'Пожалуйста, подождите минуту и попробуйте ещё раз. Введённые данные не отправлены.'] },
  500: { lv: ['Servera kļūda', 'Kaut kas nogāja greizi. Mēģiniet vēlreiz pēc brīža vai sazinieties ar sociālo dienestu.'], ru: ['Ошибка сервера', 'Что-то пошло не так. Попробуйте позже или свяжитесь с социальной службой.'] },
  503: { lv: ['Pakalpojums īslaicīgi nav pieejams', 'Mēģiniet vēlreiz pēc brīža.'], ru: ['Сервис временно недоступен', 'Попробуйте ещё раз через некоторое время.'] },
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
  const w = WORDING[status] ?? WORDING[500]!;
  const russian = withRussian
    ? `<section lang="ru">
<h2>${escapeHtml(w.ru[0])}</h2>
<p>${escapeHtml(w.ru[1])}</p>
<p><a href="/ru/">Главная страница</a></p>
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
<p><a href="/lv/">Sākumlapa</a></p>
${russian}</main>
</body>
</html>
`;
}

export function sendError(req: IncomingMessage, res: ServerResponse, status: number, code: string, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  const json = wantsJson(req);
  const body = json ? JSON.stringify({ error: { code, status } }) : errorPage(status);
  res.setHeader('Content-Type', json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.writeHead(status);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The staff e-mail: Latvian always (the resident's language is stated), every answer in the form's
 * order, HTML built with the escaping template and a plain-text twin. The subject carries the
 * reference, the form (or item) and the applicant's name; names cannot contain CR/LF (validated)
 * and control characters are stripped again here, so a header cannot be injected.
 */
import type { OutboxAttachment, OutboxMessage } from '../outbox/index.ts';
import { answerSections, type AnswerSection } from './answers.ts';
import { html, multiline, type SafeHtml } from './html.ts';
import { staffRecipients } from './routing.ts';
import { answer, applicantName, contactLanguage } from '../applications/answers.ts';
import type { Submission } from '../applications/types.ts';
import type { Translator } from './translate.ts';

type T = ReturnType<Translator>;

export function oneLine(s: string, max = 120): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/**
 * What was applied for, for subjects: the benefit or service for item-driven forms; the form's own
 * title for social assistance, which covers several requests at once (they are listed inside).
 */
export function formTitle(s: Pick<Submission, 'def' | 'item'>, tr: Translator, locale: 'lv' | 'ru' = 'lv'): string {
  return s.item && s.def.id !== 'social-assistance' ? s.item.name[locale] : tr(locale)(`forms:form.${s.def.id}.title`);
}

function submittedLv(d: Date): string {
  return new Intl.DateTimeFormat('lv-LV', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Riga' }).format(d);
}

function meta(s: Submission, t: T): [string, string][] {
  return [
    [t('mail:staff.reference'), s.reference],
    [t('mail:staff.submittedAt'), submittedLv(s.submittedAt)],
    [t('mail:staff.municipality'), s.municipality.name.lv],
    [t('mail:staff.form'), t(`forms:form.${s.def.id}.title`)],
    ...(s.item ? ([[t('mail:staff.item'), s.item.name.lv]] as [string, string][]) : []),
    [t('mail:staff.uiLanguage'), t(`mail:languageName.${s.uiLocale}`)],
    [t('mail:staff.contactLanguage'), t(`mail:languageName.${contactLanguage(s)}`)],
  ];
}

function notices(s: Submission, t: T): string[] {
  return [
    t('mail:staff.intro'),
    s.def.signaturesOfAllAdults ? t('mail:staff.preApplication') : t('mail:staff.signAtVisit'),
    t('mail:staff.contactPromise', { count: s.municipality.contactWithinWorkingDays }),
  ];
}

function textBody(s: Submission, sections: AnswerSection[], t: T): string {
  const lines: string[] = [t('mail:staff.title', { reference: s.reference }), '', ...notices(s, t), ''];
  for (const [k, v] of meta(s, t)) lines.push(`${k}: ${v}`);
  for (const sec of sections) {
    lines.push('', sec.heading.toUpperCase(), '-'.repeat(Math.min(60, sec.heading.length)));
    for (const r of sec.rows)
      lines.push(
        r.multiline && r.value.includes('\n')
          ? `${r.label}:\n  ${r.value.replace(/\n/g, '\n  ')}`
          : `${r.label}: ${r.value}`,
      );
  }
  lines.push('', t('mail:staff.attachmentsHeading').toUpperCase());
  if (s.uploads.length === 0) lines.push(t('mail:staff.noAttachments'));
  for (const u of s.uploads) lines.push(`- ${u.filename} (${Math.ceil(u.content.byteLength / 1024)} KB)`);
  lines.push(t('mail:staff.systemFiles'), '', t('mail:staff.footer'));
  return lines.join('\n');
}

function table(rows: { label: string; value: SafeHtml | string }[]): SafeHtml {
  return html`<table role="presentation" cellpadding="4" style="border-collapse:collapse;width:100%">
    ${rows.map(
      (r) =>
        html`<tr>
          <th
            scope="row"
            align="left"
            valign="top"
            style="width:40%;border-bottom:1px solid #ddd;font-weight:normal;color:#444"
          >
            ${r.label}
          </th>
          <td valign="top" style="border-bottom:1px solid #ddd">${r.value}</td>
        </tr>`,
    )}
  </table>`;
}

function htmlBody(s: Submission, sections: AnswerSection[], t: T): string {
  const doc = html`<!doctype html>
    <html lang="lv">
      <head>
        <meta charset="utf-8" />
        <title>${t('mail:staff.title', { reference: s.reference })}</title>
      </head>
      <body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#111;max-width:760px">
        <h1 style="font-size:22px">${t('mail:staff.title', { reference: s.reference })}</h1>
        ${notices(s, t).map((n) => html`<p>${n}</p>`)}
        <h2 style="font-size:18px">${t('mail:staff.metaHeading')}</h2>
        ${table(meta(s, t).map(([label, value]) => ({ label, value })))}
        ${sections.map(
          (sec) =>
            html`<h2 style="font-size:18px;margin-top:24px">${sec.heading}</h2>
              ${table(sec.rows.map((r) => ({ label: r.label, value: r.multiline ? multiline(r.value) : r.value })))}`,
        )}
        <h2 style="font-size:18px;margin-top:24px">${t('mail:staff.attachmentsHeading')}</h2>
        ${
          s.uploads.length === 0
            ? html`<p>${t('mail:staff.noAttachments')}</p>`
            : html`<ul>
                ${s.uploads.map((u) => html`<li>${u.filename} (${Math.ceil(u.content.byteLength / 1024)} KB)</li>`)}
              </ul>`
        }
        <p>${t('mail:staff.systemFiles')}</p>
        <p style="color:#555;font-size:13px">${t('mail:staff.footer')}</p>
      </body>
    </html>`;
  return doc.value;
}

export function staffMessage(s: Submission, systemFiles: OutboxAttachment[], tr: Translator): OutboxMessage {
  const t = tr('lv');
  const sections = answerSections(s.def, s.values, t, 'lv');
  const email = answer(s.values, 'contact', 'email');
  const subject = oneLine(
    t('mail:staff.subject', {
      reference: s.reference,
      form: oneLine(formTitle(s, tr), 80),
      name: oneLine(applicantName(s.values), 80),
    }),
    300,
  );
  return {
    id: 'staff',
    to: staffRecipients(s.municipality, s.def.id, s.item?.id),
    ...(email ? { replyTo: email } : {}),
    subject,
    text: textBody(s, sections, t),
    html: htmlBody(s, sections, t),
    attachments: [
      ...s.uploads.map((u) => ({ filename: u.filename, contentType: u.contentType, file: u.file })),
      ...systemFiles,
    ],
  };
}

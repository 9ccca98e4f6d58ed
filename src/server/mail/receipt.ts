/**
 * The receipt to the resident, in their chosen language, only when they gave an e-mail address.
 * No answers and nothing sensitive (a mailbox may be shared or read by others): the reference,
 * what happens next, documents to bring, contacts.
 */
import type { OutboxMessage } from '../outbox/index.ts';
import type { Translator } from './translate.ts';
import { html } from './html.ts';
import { oneLine, formTitle } from './staff.ts';
import { answer, contactLanguage } from '../applications/answers.ts';
import type { Submission } from '../applications/types.ts';

export function receiptMessage(s: Submission, tr: Translator): OutboxMessage | null {
  const email = answer(s.values, 'contact', 'email');
  if (!email) return null;
  const locale = contactLanguage(s);
  const t = tr(locale);
  const service = s.municipality.socialService;
  const form = formTitle(s, tr, locale);
  // The item's own list (from the pack) when there is one; otherwise at least an identity document.
  const itemDocs = (s.item?.documents ?? []).map((d) => d[locale]);
  const docs = itemDocs.length ? itemDocs : [t('mail:receipt.documentsId')];
  const contacts = [
    ...service.phones.map((p) => t('mail:receipt.phone', { phone: p.number })),
    ...(service.email ? [t('mail:receipt.email', { email: service.email })] : []),
    ...(service.address ? [t('mail:receipt.address', { address: service.address })] : []),
  ];
  const paragraphs = {
    received: t('mail:receipt.received', { service: service.name[locale], form }),
    reference: t('mail:receipt.reference', { reference: s.reference }),
    next: t('mail:receipt.next', { count: s.municipality.contactWithinWorkingDays }),
    filed: s.def.signaturesOfAllAdults ? t('mail:receipt.notFiledStatutory') : t('mail:receipt.notFiled'),
  };
  const text = [
    t('mail:receipt.greeting'),
    '',
    paragraphs.received,
    '',
    paragraphs.reference,
    t('mail:receipt.referenceHint'),
    '',
    `${t('mail:receipt.nextHeading')}:`,
    paragraphs.next,
    paragraphs.filed,
    '',
    `${t('mail:receipt.documentsHeading')}:`,
    ...docs.map((d) => `- ${d}`),
    '',
    `${t('mail:receipt.contactsHeading')}: ${service.name[locale]}`,
    ...contacts,
    '',
    t('mail:receipt.noReply'),
  ].join('\n');
  const body = html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
      </head>
      <body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#111;max-width:640px">
        <p>${t('mail:receipt.greeting')}</p>
        <p>${paragraphs.received}</p>
        <p style="font-size:20px"><strong>${paragraphs.reference}</strong></p>
        <p>${t('mail:receipt.referenceHint')}</p>
        <h2 style="font-size:18px">${t('mail:receipt.nextHeading')}</h2>
        <p>${paragraphs.next}</p>
        <p>${paragraphs.filed}</p>
        <h2 style="font-size:18px">${t('mail:receipt.documentsHeading')}</h2>
        <ul>
          ${docs.map((d) => html`<li>${d}</li>`)}
        </ul>
        <h2 style="font-size:18px">${t('mail:receipt.contactsHeading')}</h2>
        <p>${service.name[locale]}<br />${contacts.map((c, i) => html`${i ? html`<br />` : ''}${c}`)}</p>
        <p style="color:#555;font-size:13px">${t('mail:receipt.noReply')}</p>
      </body>
    </html>`;
  return {
    id: 'receipt',
    to: [email],
    subject: oneLine(t('mail:receipt.subject', { reference: s.reference }), 200),
    text,
    html: body.value,
    attachments: [],
  };
}

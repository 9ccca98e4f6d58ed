/**
 * Builds everything for one application — staff e-mail (with the resident's files, the Latvian
 * PDF and application.json), the receipt — and stores it durably in the outbox. Returns the PDF
 * for the short-lived download on the thank-you page.
 */
import { applicationJson } from '../mail/application-json.ts';
import { receiptMessage } from '../mail/receipt.ts';
import { staffMessage } from '../mail/staff.ts';
import { enqueue, type OutboxAttachment, type OutboxMessage } from '../outbox/index.ts';
import { applicationPdf } from '../pdf/application-pdf.ts';
import type { Submission } from './types.ts';

export async function storeApplication(s: Submission, outboxDir?: string): Promise<Uint8Array> {
  const pdf = await applicationPdf(s);
  const json = new TextEncoder().encode(JSON.stringify(applicationJson(s), null, 2));
  const system: OutboxAttachment[] = [
    { filename: `${s.reference}.pdf`, contentType: 'application/pdf', file: 'application.pdf' },
    { filename: 'application.json', contentType: 'application/json', file: 'application.json' },
  ];
  const messages: OutboxMessage[] = [staffMessage(s, system)];
  const receipt = receiptMessage(s);
  if (receipt) messages.push(receipt);
  await enqueue(
    { reference: s.reference, municipality: s.municipality.id, form: s.def.id, createdAt: s.submittedAt.toISOString(), messages },
    [...s.uploads.map((u) => ({ name: u.file, content: u.content })), { name: 'application.pdf', content: pdf }, { name: 'application.json', content: json }],
    outboxDir ? { dir: outboxDir } : {},
  );
  return pdf;
}

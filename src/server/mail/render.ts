/**
 * Everything sent for one application, rendered from the validated answers: the Latvian staff
 * e-mail (with the resident's files, the PDF and application.json attached), the receipt in the
 * resident's language (when they gave an e-mail address), the PDF and application.json.
 * Runs in the outbox worker, after the resident already has their reference.
 */
import type { OutboxAttachment, OutboxMessage } from '../outbox/types.ts';
import type { Submission } from '../applications/types.ts';
import { applicationPdf } from '../pdf/application-pdf.ts';
import { applicationJson } from './application-json.ts';
import { receiptMessage } from './receipt.ts';
import { staffMessage } from './staff.ts';
import type { Translator } from './translate.ts';

export const PDF_FILE = 'application.pdf';
export const JSON_FILE = 'application.json';

interface RenderedApplication {
  messages: OutboxMessage[];
  pdf: Uint8Array;
  json: Uint8Array;
}

export async function renderApplication(s: Submission, tr: Translator): Promise<RenderedApplication> {
  const pdf = await applicationPdf(s, tr);
  const json = new TextEncoder().encode(JSON.stringify(applicationJson(s), null, 2));
  const system: OutboxAttachment[] = [
    { filename: `${s.reference}.pdf`, contentType: 'application/pdf', file: PDF_FILE },
    { filename: 'application.json', contentType: 'application/json', file: JSON_FILE },
  ];
  const messages: OutboxMessage[] = [staffMessage(s, system, tr)];
  const receipt = receiptMessage(s, tr);
  if (receipt) messages.push(receipt);
  return { messages, pdf, json };
}

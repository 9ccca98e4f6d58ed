/** The resident's PDF from a download entry's record (rendered on the download request itself). */
import type { Catalogue } from '#src/data/build-catalogue.ts';
import type { Translator } from '../mail/translate.ts';
import { submissionFromRecord, type RecordItem } from '../outbox/record.ts';
import { applicationPdf } from '../pdf/application-pdf.ts';

export function downloadPdf(record: RecordItem, catalogue: Catalogue, tr: Translator): Promise<Uint8Array> {
  return applicationPdf(submissionFromRecord(record, catalogue), tr);
}

/**
 * The fonts are parsed once and the word layouts shared between PDFs (fonts.ts): a PDF must come
 * out the same whatever was rendered before it in the process.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '#src/data/index.ts';
import { formDefinition } from '#src/domain/forms/index.ts';
import { parseAnswers } from '#src/domain/forms/schema.ts';
import type { FormId } from '#src/domain/schemas/catalogue.ts';
import { nodeTranslator } from '#src/server/mail/translate.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { applicationPdf } from '#src/server/pdf/application-pdf.ts';
import { useDejavu } from '#src/server/pdf/fonts.ts';
import { example } from '../applications/helpers.ts';

const tr = nodeTranslator();

function submission(form: FormId, change?: (answers: Record<string, unknown>) => void) {
  const body = example(form);
  change?.(body.answers as Record<string, unknown>);
  const def = formDefinition(form)!;
  const parsed = parseAnswers(def, body.answers);
  if (!parsed.ok) throw new Error(`example ${form} invalid`);
  return {
    reference: 'DAU-2026-ABCDE',
    municipality: catalogue.municipalities.find((x) => x.id === 'daugavpils')!,
    def,
    values: parsed.values,
    uiLocale: 'lv' as const,
    submittedAt: new Date('2026-11-23T12:00:00Z'),
    uploads: [],
  };
}

/** A small document in both fonts; `shared`: through useDejavu, else pdfkit reading the font files itself. */
function sample(shared: boolean): Promise<string> {
  const doc = new PDFDocument({ compress: false });
  if (shared) useDejavu(doc);
  else {
    const file = (name: string) => readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
    doc.registerFont('body', file('DejaVuSans.ttf'));
    doc.registerFont('bold', file('DejaVuSans-Bold.ttf'));
    doc.font('body').font('bold');
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<string>((resolve) => doc.on('end', () => resolve(stable(Buffer.concat(chunks)))));
  for (const word of ['Iesniegums', 'Заявка', 'Ģimenes ārsts', 'Пётр Žūriņš', 'Iesniegums']) {
    doc.font('bold').fontSize(14).text(word);
    doc.font('body').fontSize(10).text(`${word} — ${word.toUpperCase()}, ${word.length} €`);
  }
  doc.end();
  return done;
}

/** The PDF's bytes without what differs from run to run: the creation date and the file ID. */
async function pdfText(s: ReturnType<typeof submission>): Promise<string> {
  return stable(Buffer.from(await applicationPdf(s, tr)));
}

function stable(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:…)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID […]');
}

describe('PDF fonts shared between documents', () => {
  it('renders the same bytes first and after other applications', async () => {
    const question = submission('question');
    const first = await pdfText(question);
    // Other applications in between: other words, other glyphs (Cyrillic, Latvian), bold headings.
    await pdfText(submission('social-assistance'));
    await pdfText(
      submission('question', (a) => {
        const applicant = a['applicant'] as Record<string, unknown>;
        applicant['givenName'] = 'Ģederts';
        applicant['familyName'] = 'Žūriņš';
        (a['question'] as Record<string, unknown>)['message'] = 'Какие документы нужны? Kādi dokumenti ir vajadzīgi?';
      }),
    );
    expect(await pdfText(question)).toBe(first);
    expect(first).toContain('/FontFile2'); // the fonts are embedded (subsets), not referenced
  });

  it('embeds in each PDF only the glyphs that PDF uses', async () => {
    const plain = await pdfText(submission('question'));
    await pdfText(
      submission('question', (a) => {
        (a['question'] as Record<string, unknown>)['message'] = 'Щ щ Ж ж Ю ю Ё ё Ŗ ŗ Ǆ';
      }),
    );
    expect((await pdfText(submission('question'))).length).toBe(plain.length);
  });

  it('lays out each font as pdfkit does on its own (after other PDFs warmed the shared layouts)', async () => {
    await pdfText(submission('social-assistance'));
    expect(await sample(true)).toBe(await sample(false));
  });
});

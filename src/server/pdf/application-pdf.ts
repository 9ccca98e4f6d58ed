/**
 * The application as a printable Latvian PDF (State Language Law art. 10: documents are accepted
 * in Latvian), ready for signatures at the first visit or for eParaksts. Statutory applications
 * (status, GMI, housing benefit) must be signed by every adult household member ("iesniegums,
 * kuru parakstījušas mājsaimniecības pilngadīgās personas": sources S7 and S22 in
 * src/data/sources.yaml), so an unsigned online application is only a request until then, and
 * the PDF has a signature line for every adult; members whose age the personal code does not
 * show (new 32… codes) get a line too — staff cross out a child's.
 */
import PDFDocument from 'pdfkit';
import { answerSections } from '../mail/answers.ts';
import { formTitle } from '../mail/staff.ts';
import { answer, applicantName } from '../applications/answers.ts';
import type { Submission } from '../applications/types.ts';
import type { Translator } from '../mail/translate.ts';
import { useDejavu } from './fonts.ts';

/** Age in whole years on `on` from an old-format personal code, or null (new format / none). */
export function ageFromPersonalCode(code: string, on: Date): number | null {
  const m = /^(\d{2})(\d{2})(\d{2})-([012])\d{4}$/.exec(code);
  if (!m) return null;
  const year = 1800 + Number(m[4]) * 100 + Number(m[3]);
  const month = Number(m[2]);
  const day = Number(m[1]);
  let age = on.getUTCFullYear() - year;
  if (on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day)) age--;
  return age;
}

interface Signer {
  name: string;
  code: string;
}

export function signers(s: Submission): Signer[] {
  const out: Signer[] = [{ name: applicantName(s.values), code: answer(s.values, 'applicant', 'personalCode') }];
  if (!s.def.signaturesOfAllAdults) return out;
  const members = s.values['members'];
  for (const m of Array.isArray(members) ? members : []) {
    const code = typeof m['personalCode'] === 'string' ? m['personalCode'] : '';
    const age = ageFromPersonalCode(code, s.submittedAt);
    if (age !== null && age < 18) continue;
    out.push({ name: `${m['givenName'] ?? ''} ${m['familyName'] ?? ''}`.trim(), code });
  }
  return out;
}

export function applicationPdf(s: Submission, tr: Translator): Promise<Uint8Array> {
  const t = tr('lv');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 56, right: 56 },
    bufferPages: true,
    info: {
      Title: `${t('mail:pdf.title')} ${s.reference}`,
      Author: s.municipality.socialService.name.lv,
      Subject: formTitle(s, tr),
      Creator: 'Atbalsts',
    },
    lang: 'lv-LV',
  });
  useDejavu(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const date = new Intl.DateTimeFormat('lv-LV', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Riga',
  }).format(s.submittedAt);

  doc
    .font('body')
    .fontSize(10)
    .text(t('mail:pdf.to', { service: s.municipality.socialService.name.lv }), { align: 'right' });
  if (s.municipality.socialService.address) doc.text(s.municipality.socialService.address, { align: 'right' });
  doc.moveDown(1.5).font('bold').fontSize(16).text(t('mail:pdf.title'), { align: 'center' });
  doc
    .font('bold')
    .fontSize(12)
    .text(t(`forms:form.${s.def.id}.title`), { align: 'center' });
  doc.moveDown(0.5).font('body').fontSize(10);
  if (s.item) doc.text(t('mail:pdf.item', { item: s.item.name.lv }));
  doc.text(t('mail:pdf.reference', { reference: s.reference }));
  doc.text(t('mail:pdf.submittedAt', { date }));
  doc.moveDown(0.5).fontSize(9).fillColor('#333').text(t('mail:pdf.preApplication')).fillColor('#000');

  for (const sec of answerSections(s.def, s.values, t, 'lv')) {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(11).text(sec.heading);
    doc
      .moveTo(doc.page.margins.left, doc.y + 1)
      .lineTo(doc.page.margins.left + width, doc.y + 1)
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.3);
    for (const r of sec.rows) {
      const y = doc.y;
      doc
        .font('body')
        .fontSize(9)
        .fillColor('#444')
        .text(r.label, doc.page.margins.left, y, { width: width * 0.42 });
      const yLabel = doc.y;
      doc
        .fillColor('#000')
        .fontSize(10)
        .text(r.value, doc.page.margins.left + width * 0.45, y, { width: width * 0.55 });
      doc.y = Math.max(yLabel, doc.y) + 3;
      doc.x = doc.page.margins.left;
    }
  }
  if (s.uploads.length) {
    doc
      .moveDown(0.8)
      .font('body')
      .fontSize(9)
      .text(
        t('mail:pdf.attachments', { list: s.uploads.map((u) => u.filename).join(', ') }),
        doc.page.margins.left,
        doc.y,
        { width },
      );
  }

  // Signatures: one block per adult, plus one spare line for a member the form could not list.
  const list = signers(s);
  if (doc.y > doc.page.height - 120 - list.length * 60) doc.addPage();
  doc
    .moveDown(1.2)
    .font('bold')
    .fontSize(12)
    .text(t('mail:pdf.signaturesHeading'), doc.page.margins.left, doc.y, { width });
  doc
    .font('body')
    .fontSize(9)
    .text(s.def.signaturesOfAllAdults ? t('mail:pdf.signaturesAllAdults') : t('mail:pdf.signaturesApplicant'), {
      width,
    });
  const lines = s.def.signaturesOfAllAdults ? [...list, { name: '', code: '' }] : list;
  for (const signer of lines) {
    if (doc.y > doc.page.height - 110) doc.addPage();
    doc.moveDown(1.2);
    const y = doc.y;
    const left = doc.page.margins.left;
    doc
      .fontSize(10)
      .text(`${t('mail:pdf.signatureName')}: ${signer.name || '______________________________'}`, left, y, {
        width: width * 0.6,
      });
    doc.text(`${t('mail:pdf.signatureCode')}: ${signer.code || '____________'}`, left + width * 0.6, y, {
      width: width * 0.4,
    });
    doc.moveDown(1.4);
    const y2 = doc.y;
    doc.text(`${t('mail:pdf.signature')}: ______________________`, left, y2, { width: width * 0.6 });
    doc.text(`${t('mail:pdf.signatureDate')}: ____________`, left + width * 0.6, y2, { width: width * 0.4 });
    doc.x = left;
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing into the margin must not add a page
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#555')
      .text(
        t('mail:pdf.page', { reference: s.reference, page: i + 1, pages: range.count }),
        doc.page.margins.left,
        doc.page.height - 40,
        { width, align: 'center' },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

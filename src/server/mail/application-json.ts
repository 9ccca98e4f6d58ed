/**
 * application.json: the application for import into the case system (SOPA import is by hand
 * today). Schema-versioned; answers keyed exactly as the form definition names them, normalized
 * (personal code NNNNNN-NNNNN, IBAN grouped, money as "123.45" euros, dates YYYY-MM-DD).
 */
import { createHash } from 'node:crypto';
import type { Submission } from '../applications/types.ts';
import { contactLanguage } from '../applications/answers.ts';

const APPLICATION_SCHEMA = 'atbalsts.application/1';

export function applicationJson(s: Submission): Record<string, unknown> {
  return {
    schema: APPLICATION_SCHEMA,
    reference: s.reference,
    submittedAt: s.submittedAt.toISOString(),
    municipality: { id: s.municipality.id, name: s.municipality.name.lv },
    form: { id: s.def.id, version: s.def.version },
    item: s.item ? { id: s.item.id, kind: s.item.kind, name: s.item.name.lv } : null,
    signaturesOfAllAdultsRequired: s.def.signaturesOfAllAdults,
    uiLanguage: s.uiLocale,
    contactLanguage: contactLanguage(s),
    /** Section order and field order as in the form; repeated sections are arrays. */
    fieldOrder: s.def.sections.map((sec) => ({
      section: sec.id,
      repeated: Boolean(sec.repeat),
      fields: sec.fields.map((f) => f.name),
    })),
    answers: s.values,
    attachments: s.uploads.map((u) => ({
      file: u.file,
      filename: u.filename,
      contentType: u.contentType,
      size: u.content.byteLength,
      sha256: createHash('sha256').update(u.content).digest('hex'),
    })),
  };
}

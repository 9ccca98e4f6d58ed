/** Who signs the PDF: every adult of the household for statutory applications (MK noteikumi Nr. 809). */
import { describe, expect, it } from 'vitest';
import { catalogue } from '#src/data/index.ts';
import { formDefinition } from '#src/domain/forms/index.ts';
import { parseAnswers } from '#src/domain/forms/schema.ts';
import { ageFromPersonalCode, signers } from '#src/server/pdf/application-pdf.ts';
import { example } from '../applications/helpers.ts';

describe('signature lines', () => {
  it.each([
    ['220785-11239', '2026-11-23', 41],
    ['150315-20140', '2026-11-23', 11],
    ['231108-20000', '2026-11-23', 18],
    ['241108-20000', '2026-11-23', 17],
    ['32123456789', '2026-11-23', null],
  ])('age of %s on %s is %s', (code, on, age) => {
    expect(ageFromPersonalCode(code, new Date(`${on}T12:00:00Z`))).toBe(age);
  });

  it('social assistance: the applicant and every adult member sign; a child does not', () => {
    const m = catalogue.municipalities.find((x) => x.id === 'daugavpils')!;
    const def = formDefinition('social-assistance')!;
    const parsed = parseAnswers(def, example('social-assistance').answers);
    if (!parsed.ok) throw new Error('example invalid');
    const s = {
      reference: 'DAU-2026-ABCDE',
      municipality: m,
      def,
      values: parsed.values,
      uiLocale: 'lv' as const,
      submittedAt: new Date('2026-11-23T12:00:00Z'),
      uploads: [],
    };
    expect(signers(s).map((x) => x.name)).toEqual(['Jānis Bērziņš', 'Ļubova Bērziņa']);
    const q = formDefinition('question')!;
    const pq = parseAnswers(q, example('question').answers);
    if (!pq.ok) throw new Error('example invalid');
    expect(signers({ ...s, def: q, values: pq.values }).map((x) => x.name)).toEqual(['Сергей Петров']);
  });
});

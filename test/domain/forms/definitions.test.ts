/**
 * Form definitions against the data and the strings: every pack item that can be applied for
 * online gets a definition; every label, hint, legend and option key exists in both languages;
 * health/disability is asked only where the item's conditions need it; the island's copy of the
 * form list matches the schema's.
 */
import { describe, expect, it } from 'vitest';
import { catalogue, publishedItemsFor } from '#src/data/index.ts';
import { FORM_IDS as SCHEMA_FORM_IDS } from '#src/domain/schemas/catalogue.ts';
import { FORM_IDS, formDefinition, itemFitsForm } from '#src/domain/forms/index.ts';
import { parseAnswers } from '#src/domain/forms/schema.ts';
import type { FormDef } from '#src/domain/forms/types.ts';
import { i18nFor } from '#src/i18n/index.ts';
import { example } from '../../server/applications/helpers.ts';

const defs: FormDef[] = [];
for (const m of catalogue.municipalities) {
  for (const item of publishedItemsFor(catalogue, m)) {
    for (const form of FORM_IDS) if (itemFitsForm(item, form)) defs.push(formDefinition(form, item)!);
  }
}
defs.push(formDefinition('social-assistance')!, formDefinition('question')!);

function keysOf(def: FormDef): string[] {
  const keys: string[] = [`forms:form.${def.id}.title`, `forms:form.${def.id}.intro`, `forms:form.${def.id}.short`];
  for (const s of def.sections) {
    keys.push(`forms:section.${s.legendKey}.legend`);
    if (s.hint) keys.push(`forms:section.${s.legendKey}.hint`);
    if (s.repeat) keys.push(`forms:page.row.${s.id}`, `forms:page.addRow.${s.id}`, `forms:page.rowsHint.${s.id}`);
    for (const f of s.fields) {
      keys.push(`forms:field.${f.labelKey}.label`);
      if (f.hint) keys.push(`forms:field.${f.labelKey}.hint`);
      for (const o of f.options ?? []) keys.push(`forms:option.${f.optionSet}.${o}`);
    }
  }
  return keys;
}

describe('form definitions', () => {
  it('the island list of forms equals the schema list', () => {
    expect([...FORM_IDS]).toEqual([...SCHEMA_FORM_IDS]);
  });

  it(`every label, hint, legend and option exists in Latvian and Russian (${defs.length} definitions)`, () => {
    const missing: string[] = [];
    for (const locale of ['lv', 'ru'] as const) {
      const i18n = i18nFor(locale);
      for (const def of defs) for (const k of keysOf(def)) if (!i18n.exists(k)) missing.push(`${locale} ${k}`);
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every error key the validators can emit exists in both languages', async () => {
    const src = import.meta.glob('../../../src/domain/forms/*.ts', { query: '?raw', import: 'default', eager: true });
    const used = new Set<string>();
    for (const text of Object.values(src) as string[])
      for (const m of text.matchAll(/'(error\.[a-zA-Z.]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(20);
    for (const locale of ['lv', 'ru'] as const)
      for (const k of used) expect(i18nFor(locale).exists(`forms:${k}`), `${locale} forms:${k}`).toBe(true);
  });

  it('asks health or disability data only where the item needs it (data minimisation)', () => {
    for (const def of defs) {
      const sensitive = def.sections.flatMap((s) => s.fields.filter((f) => f.sensitive));
      if (def.id === 'social-assistance' || def.id === 'question') expect(sensitive).toEqual([]);
    }
    const m = catalogue.municipalities.find((x) => x.id === 'daugavpils')!;
    const newborn = publishedItemsFor(catalogue, m).find((i) => i.id === 'newborn')!;
    const def = formDefinition('municipal-benefit', newborn)!;
    expect(def.sections.map((s) => s.id)).toContain('child');
    expect(def.sections.map((s) => s.id)).not.toContain('disability');
    expect(def.sections.map((s) => s.id)).not.toContain('deceased');
    const funeral = publishedItemsFor(catalogue, m).find((i) => i.id === 'funeral')!;
    expect(formDefinition('municipal-benefit', funeral)!.sections.map((s) => s.id)).toContain('deceased');
  });

  it('statutory applications need every adult to sign; the others do not', () => {
    expect(formDefinition('social-assistance')!.signaturesOfAllAdults).toBe(true);
    expect(formDefinition('question')!.signaturesOfAllAdults).toBe(false);
  });

  it('the zod schema is strict and returns field paths with i18n keys', () => {
    const def = formDefinition('question')!;
    const ok = parseAnswers(def, example('question').answers);
    expect(ok.ok).toBe(true);
    const bad = parseAnswers(def, { ...example('question').answers, extra: {} });
    expect(bad).toEqual({ ok: false, errors: [{ path: 'extra', key: 'error.unknownField' }] });
  });
});

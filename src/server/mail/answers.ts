/**
 * The answers of an application as readable sections, in the form definition's order, with
 * Latvian labels (staff e-mail, PDF). Options are shown by their label, money in euros, dates as
 * Latvians write them. Empty answers are shown as a dash so staff see what was not answered.
 */
import type { TFunction } from 'i18next';
import type { FieldDef, FormDef, Row, Values } from '#src/domain/forms/types.ts';
import { toCents } from '#src/domain/forms/validators.ts';
import { formatMoney } from '#src/i18n/format.ts';
import type { Locale } from './translate.ts';

interface AnswerRow {
  label: string;
  value: string;
  multiline: boolean;
}
export interface AnswerSection {
  id: string;
  heading: string;
  rows: AnswerRow[];
}

const DASH = '—';

function dateLv(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}.` : iso;
}

function displayValue(field: FieldDef, raw: string | string[] | undefined, t: TFunction, locale: Locale): string {
  const opt = (v: string) => t(`forms:option.${field.optionSet}.${v}`);
  if (Array.isArray(raw)) return raw.length ? raw.map(opt).join('; ') : DASH;
  const v = raw ?? '';
  if (v === '') return field.type === 'checkbox' ? t('forms:option.yesNo.no') : DASH;
  switch (field.type) {
    case 'checkbox':
      return t('forms:option.yesNo.yes');
    case 'select':
    case 'radio':
      return opt(v);
    case 'money': {
      const c = toCents(v);
      return c === null ? v : formatMoney(c, locale);
    }
    case 'date':
      return dateLv(v);
    default:
      return v;
  }
}

function rowsOf(fields: FieldDef[], row: Row, t: TFunction, locale: Locale): AnswerRow[] {
  return fields.map((f) => ({
    // Money values carry "€" themselves; the form label's ", €" would repeat it.
    label:
      f.type === 'money'
        ? t(`forms:field.${f.labelKey}.label`).replace(/,\s*€$/, '')
        : t(`forms:field.${f.labelKey}.label`),
    value: displayValue(f, row[f.name], t, locale),
    multiline: f.type === 'textarea',
  }));
}

export function answerSections(def: FormDef, values: Values, t: TFunction, locale: Locale): AnswerSection[] {
  const out: AnswerSection[] = [];
  for (const s of def.sections) {
    const legend = t(`forms:section.${s.legendKey}.legend`);
    const v = values[s.id];
    if (s.repeat) {
      const rows = Array.isArray(v) ? v : [];
      if (rows.length === 0)
        out.push({
          id: s.id,
          heading: legend,
          rows: [{ label: t('mail:staff.noRows'), value: DASH, multiline: false }],
        });
      rows.forEach((row, i) => {
        out.push({
          id: `${s.id}.${i}`,
          heading: t(`forms:page.row.${s.id}`, { n: i + 1 }),
          rows: rowsOf(s.fields, row, t, locale),
        });
      });
    } else {
      out.push({ id: s.id, heading: legend, rows: rowsOf(s.fields, Array.isArray(v) || !v ? {} : v, t, locale) });
    }
  }
  return out;
}

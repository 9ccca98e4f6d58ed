/**
 * What the form page needs to render one state of a form: translated errors by field path,
 * summary entries in the form's order with links to the fields, the rows of repeated sections.
 */
import type { TFunction } from 'i18next';
import type { FieldError } from '#src/domain/field-error.ts';
import type { FormDef, Row, Values } from '#src/domain/forms/types.ts';
import { fieldId, summaryHref, summaryLine } from './field-markup.ts';

interface FormView {
  messages: Map<string, string>;
  summary: { href?: string; text: string }[];
}

function labelFor(def: FormDef, path: string, t: TFunction): string | undefined {
  const parts = path.split('.');
  const section = def.sections.find((s) => s.id === parts[0]);
  const field = section?.fields.find((f) => f.name === parts[parts.length - 1]);
  if (!section || !field) return undefined;
  // "Label: message" reads badly after a question mark or full stop.
  const label = t(`forms:field.${field.labelKey}.label`).replace(/[.?:]+$/, '');
  return section.repeat && parts.length === 3
    ? `${t(`forms:page.row.${section.id}`, { n: Number(parts[1]) + 1 })}: ${label}`
    : label;
}

export function formView(def: FormDef, errors: FieldError[], t: TFunction): FormView {
  const messages = new Map<string, string>();
  const summary: FormView['summary'] = [];
  // Field order of the form: errors are listed top to bottom as the resident meets them.
  const order = (path: string) => {
    const [s] = path.split('.');
    const i = def.sections.findIndex((x) => x.id === s);
    return path === '_form' ? -1 : i === -1 ? 999 : i;
  };
  for (const e of [...errors].sort((a, b) => order(a.path) - order(b.path))) {
    const text = t(`forms:${e.key}`, e.params ?? {});
    if (e.path === '_form') {
      summary.push({ text });
      continue;
    }
    if (e.path === 'attachments') {
      messages.set('attachments', [messages.get('attachments'), text].filter(Boolean).join(' '));
      summary.push({ href: summaryHref(fieldId('attachments')), text });
      continue;
    }
    if (messages.has(e.path)) continue;
    messages.set(e.path, text);
    const label = labelFor(def, e.path, t);
    summary.push(label ? { href: summaryHref(fieldId(e.path)), text: summaryLine(label, text) } : { text });
  }
  return { messages, summary };
}

export function rowValues(values: Values, section: string, count: number): Row[] {
  const v = values[section];
  const rows = Array.isArray(v) ? v : [];
  return Array.from({ length: count }, (_, i) => rows[i] ?? {});
}

export function sectionValues(values: Values, section: string): Row {
  const v = values[section];
  return v && !Array.isArray(v) ? v : {};
}

/**
 * One validation for a form definition, used as is by the island (inline errors) and inside the
 * zod schema on the server (schema.ts). Returns normalized values and errors as i18n keys.
 */
import type { FieldError } from '../field-error.ts';
import type { FieldDef, FieldType, FormDef, Row, SectionDef, Values } from './types.ts';
import { fieldPath } from './types.ts';
import {
  checkDate,
  checkEmail,
  checkIban,
  checkLine,
  checkMoney,
  checkMultiline,
  checkName,
  checkPersonalCode,
  checkPhone,
  fail,
  ok,
  type Check,
} from './validators.ts';

interface Validated {
  values: Values;
  errors: FieldError[];
}

const CHECKED = new Set(['yes', 'on', 'true', '1']);

const oneOfOptions = (v: string, field: FieldDef): Check => (field.options?.includes(v) ? ok(v) : fail('error.option'));

/** Each type's own check of a non-empty string; a type not listed takes any string. */
const TYPE_CHECKS: Partial<Record<FieldType, (v: string, field: FieldDef) => Check>> = {
  name: checkName,
  text: (v, field) => checkLine(v, field.max ?? 200),
  textarea: (v, field) => checkMultiline(v, field.max ?? 3000),
  email: checkEmail,
  tel: checkPhone,
  'personal-code': checkPersonalCode,
  iban: checkIban,
  money: checkMoney,
  date: checkDate,
  select: oneOfOptions,
  radio: oneOfOptions,
};

/** Checks one field's raw value. Exported for the island's on-blur check. */
export function checkField(
  field: FieldDef,
  raw: string | string[] | undefined,
  values: Values,
  row: Row,
): { value: string | string[]; key?: string } {
  const required = field.required === true || (field.requiredIf?.(values, row) ?? false);
  if (field.type === 'checkboxes') {
    const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((x) => x !== '');
    if (list.some((x) => !field.options?.includes(x))) return { value: list, key: 'error.option' };
    if (required && list.length === 0) return { value: list, key: 'error.requiredChoice' };
    return { value: [...new Set(list)] };
  }
  if (Array.isArray(raw)) return { value: '', key: 'error.single' };
  if (field.type === 'checkbox') {
    const checked = CHECKED.has((raw ?? '').trim().toLowerCase());
    if (required && !checked) return { value: '', key: 'error.requiredCheckbox' };
    return { value: checked ? 'yes' : '' };
  }
  const v = (raw ?? '').trim();
  if (v === '') {
    if (!required) return { value: '' };
    return {
      value: '',
      key: field.type === 'select' || field.type === 'radio' ? 'error.requiredChoice' : 'error.required',
    };
  }
  if (v.length > 10_000) return { value: '', key: 'error.text.tooLong' };
  let c = TYPE_CHECKS[field.type]?.(raw ?? '', field) ?? ok(raw ?? '');
  if (c.ok && field.check) c = field.check(c.value);
  return c.ok ? { value: c.value } : { value: v, key: c.key };
}

function isEmptyRow(section: SectionDef, row: Row): boolean {
  return section.fields.every((f) => {
    const v = row[f.name];
    return Array.isArray(v) ? v.length === 0 : (v ?? '').trim() === '';
  });
}

function checkRow(section: SectionDef, row: Row, values: Values, index: number | undefined, errors: FieldError[]): Row {
  const out: Row = {};
  for (const key of Object.keys(row)) {
    if (!section.fields.some((f) => f.name === key))
      errors.push({ path: fieldPath(section.id, key, index), key: 'error.unknownField' });
  }
  for (const field of section.fields) {
    const r = checkField(field, row[field.name], values, row);
    out[field.name] = r.value;
    if (r.key) errors.push({ path: fieldPath(section.id, field.name, index), key: r.key });
  }
  return out;
}

export function validate(def: FormDef, values: Values): Validated {
  const errors: FieldError[] = [];
  const out: Values = {};
  for (const key of Object.keys(values)) {
    if (!def.sections.some((s) => s.id === key)) errors.push({ path: key, key: 'error.unknownField' });
  }
  for (const section of def.sections) {
    const raw = values[section.id];
    if (section.repeat) {
      const rows = Array.isArray(raw) ? raw : [];
      if (raw !== undefined && !Array.isArray(raw)) errors.push({ path: section.id, key: 'error.shape' });
      const kept: Row[] = [];
      rows.forEach((row, i) => {
        if (!row || typeof row !== 'object' || isEmptyRow(section, row)) return;
        kept.push(checkRow(section, row, values, i, errors));
      });
      if (kept.length > section.repeat.max) errors.push({ path: section.id, key: 'error.tooManyRows' });
      if (kept.length < section.repeat.min) errors.push({ path: section.id, key: 'error.required' });
      out[section.id] = kept;
    } else {
      if (Array.isArray(raw)) errors.push({ path: section.id, key: 'error.shape' });
      out[section.id] = checkRow(section, Array.isArray(raw) || !raw ? {} : raw, values, undefined, errors);
    }
  }
  for (const rule of def.rules ?? []) {
    const e = rule(values);
    if (e) errors.push(e);
  }
  return { values: out, errors };
}

/**
 * Posted form fields (name → values) into the nested shape: `applicant.givenName`,
 * `members.2.relation`. Names that fit no field come back in `unknown` (the server rejects them).
 */
export function fromFormEntries(
  def: FormDef,
  entries: Iterable<[string, string]>,
): { values: Values; unknown: string[] } {
  const values: Values = {};
  const unknown: string[] = [];
  for (const [name, value] of entries) {
    const parts = name.split('.');
    const section = def.sections.find((s) => s.id === parts[0]);
    const indexed = section?.repeat && parts.length === 3 && /^\d{1,2}$/.test(parts[1]!);
    const fieldName = indexed ? parts[2]! : parts.length === 2 ? parts[1]! : undefined;
    const field = section?.fields.find((f) => f.name === fieldName);
    if (!section || !field || (section.repeat ? !indexed : parts.length !== 2)) {
      unknown.push(name);
      continue;
    }
    let row: Row;
    if (section.repeat) {
      const rows = (values[section.id] ??= []) as Row[];
      const i = Number(parts[1]);
      if (i >= section.repeat.max + 10) {
        unknown.push(name);
        continue;
      }
      while (rows.length <= i) rows.push({});
      row = rows[i]!;
    } else {
      row = (values[section.id] ??= {}) as Row;
    }
    if (field.type === 'checkboxes') {
      const prev = row[field.name];
      row[field.name] = [...(Array.isArray(prev) ? prev : []), value];
    } else if (row[field.name] !== undefined) {
      unknown.push(name); // a field posted twice is a forged form
    } else {
      row[field.name] = value;
    }
  }
  return { values, unknown };
}

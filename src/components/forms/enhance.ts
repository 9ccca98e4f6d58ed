/**
 * Progressive enhancement of the server-rendered application form (browser only): inline checks
 * with the same field rules as the server, JS "add another row", a draft in sessionStorage
 * (this tab only; cleared on submit and by "clear my data"), file limits checked before upload.
 * The form keeps working if any of this fails: it is plain HTML underneath.
 */
import { FILE_LIMITS } from '#src/domain/forms/files.ts';
import type { FieldDef, FormDef } from '#src/domain/forms/types.ts';
import { checkField, fromFormEntries } from '#src/domain/forms/validate.ts';
import type { TinyT } from '#src/i18n/tiny-t.ts';
import {
  CLASS,
  SUMMARY_TITLE_ID,
  errorId,
  errorPrefixText,
  FIELD_ID_PREFIX,
  fieldId,
  summaryHref,
  summaryLine,
} from './field-markup.ts';

const ISLAND_SUMMARY_TITLE_ID = `island-${SUMMARY_TITLE_ID}`;
const META_NAMES = new Set(['website', 'renderedAt', 'idempotencyKey', 'item', '_action']);

function fieldFor(def: FormDef, name: string): FieldDef | undefined {
  const parts = name.split('.');
  return def.sections.find((s) => s.id === parts[0])?.fields.find((f) => f.name === parts[parts.length - 1]);
}

function answerEntries(form: HTMLFormElement): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of new FormData(form))
    if (typeof v === 'string' && !META_NAMES.has(k) && !k.startsWith('rows.')) out.push([k, v]);
  return out;
}

function controls(form: HTMLFormElement, name: string): HTMLInputElement[] {
  return [...form.elements].filter((e): e is HTMLInputElement => (e as HTMLInputElement).name === name);
}

export function setError(form: HTMLFormElement, path: string, message: string | undefined, prefix: string): void {
  const box = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(path)}"]`);
  if (!box) return;
  let el = box.querySelector<HTMLElement>(`.${CLASS.error}`);
  // An error the server rendered keeps its id (the attachments' is not derived from fieldId).
  const errId = el?.id || errorId(fieldId(path));
  box.classList.toggle(CLASS.fieldError, Boolean(message));
  const target = box.querySelector('fieldset') ?? controls(form, path)[0];
  const described = new Set((target?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
  if (!message) {
    el?.remove();
    described.delete(errId);
  } else {
    if (!el) {
      el = document.createElement('span');
      el.className = CLASS.error;
      el.id = errId;
      const hint = box.querySelector(`.${CLASS.hint}`);
      const anchor = hint ?? box.querySelector(`legend, .${CLASS.label}`);
      if (anchor) anchor.after(el);
      else box.prepend(el);
    }
    el.textContent = '';
    const hidden = document.createElement('span');
    hidden.className = CLASS.visuallyHidden;
    hidden.textContent = errorPrefixText(prefix);
    el.append(hidden, message);
    described.add(errId);
  }
  if (!target) return;
  if (described.size) target.setAttribute('aria-describedby', [...described].join(' '));
  else target.removeAttribute('aria-describedby');
}

/** Checks one field by its posted name; shows or clears its error. Returns true when valid. */
export function checkName(form: HTMLFormElement, def: FormDef, name: string, t: TinyT): boolean {
  const field = fieldFor(def, name);
  if (!field) return true;
  const { values } = fromFormEntries(def, answerEntries(form));
  const parts = name.split('.');
  const sec = values[parts[0]!];
  const row = Array.isArray(sec) ? (sec[Number(parts[1])] ?? {}) : (sec ?? {});
  const r = checkField(field, row[field.name], values, row);
  setError(form, name, r.key ? t(r.key) : undefined, t('page.errorPrefix'));
  return !r.key;
}

/** Every field name inside an element (a step), in document order, once. */
export function namesIn(root: Element): string[] {
  const names = [...root.querySelectorAll<HTMLInputElement>('input[name], select[name], textarea[name]')]
    .filter((e) => e.type !== 'hidden' && e.type !== 'file' && !META_NAMES.has(e.name))
    .map((e) => e.name);
  return [...new Set(names)];
}

/** JS "add another": clone the last row, renumber names/ids, clear values. */
export function addRow(form: HTMLFormElement, section: string, max: number, legend: (n: number) => string): boolean {
  const box = form.querySelector(`[data-rows="${section}"]`);
  const rows = box ? [...box.querySelectorAll<HTMLElement>(':scope > [data-row]')] : [];
  const last = rows[rows.length - 1];
  if (!box || !last || rows.length >= max) return false;
  const i = rows.length;
  const clone = last.cloneNode(true) as HTMLElement;
  clone.dataset.row = String(i);
  const re = new RegExp(`(^|${FIELD_ID_PREFIX})${section}([.-])${i - 1}([.-])`);
  const renumber = (v: string) => v.replace(re, `$1${section}$2${i}$3`);
  clone.querySelectorAll('*').forEach((el) => {
    for (const attr of ['name', 'id', 'for', 'aria-describedby', 'data-field']) {
      const v = el.getAttribute(attr);
      if (v) el.setAttribute(attr, v.split(' ').map(renumber).join(' '));
    }
  });
  clone.querySelectorAll(`.${CLASS.error}`).forEach((e) => e.remove());
  clone.querySelectorAll(`.${CLASS.fieldError}`).forEach((e) => e.classList.remove(CLASS.fieldError));
  clone
    .querySelectorAll<HTMLInputElement>('input, textarea')
    .forEach((e) => (e.type === 'radio' || e.type === 'checkbox' ? (e.checked = false) : (e.value = '')));
  clone.querySelectorAll<HTMLSelectElement>('select').forEach((e) => (e.selectedIndex = 0));
  const lg = clone.querySelector('legend');
  if (lg) lg.textContent = legend(i + 1);
  last.after(clone);
  const count = form.querySelector<HTMLInputElement>(`input[name="rows.${section}"]`);
  if (count) count.value = String(i + 1);
  clone.querySelector<HTMLElement>('input, select, textarea')?.focus();
  return i + 1 < max;
}

interface Draft {
  entries: [string, string][];
  rows: Record<string, number>;
}

export function saveDraft(form: HTMLFormElement, key: string): void {
  const rows: Record<string, number> = {};
  form
    .querySelectorAll<HTMLInputElement>('input[name^="rows."]')
    .forEach((e) => (rows[e.name.slice(5)] = Number(e.value)));
  try {
    sessionStorage.setItem(key, JSON.stringify({ entries: answerEntries(form), rows } satisfies Draft));
  } catch {
    /* storage full or disabled: the form still works */
  }
}

export function loadDraft(key: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function applyEntries(form: HTMLFormElement, entries: [string, string][]): void {
  const byName = new Map<string, string[]>();
  for (const [k, v] of entries) byName.set(k, [...(byName.get(k) ?? []), v]);
  for (const [name, vals] of byName) {
    for (const el of controls(form, name)) {
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = vals.includes(el.value);
      else if (el.type !== 'file') el.value = vals[0] ?? '';
    }
  }
}

export function clearForm(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLInputElement>('input, textarea').forEach((e) => {
    if (e.type === 'hidden' || e.name === 'website') return;
    if (e.type === 'radio' || e.type === 'checkbox') e.checked = false;
    else e.value = '';
  });
  form.querySelectorAll<HTMLSelectElement>('select').forEach((e) => (e.selectedIndex = 0));
  form.querySelectorAll(`.${CLASS.error}`).forEach((e) => e.remove());
  form.querySelectorAll(`.${CLASS.fieldError}`).forEach((e) => e.classList.remove(CLASS.fieldError));
}

/** Files checked before upload, so a resident without a fast connection never uploads in vain. */
export function fileProblems(input: HTMLInputElement | null, t: TinyT): string[] {
  const files = [...(input?.files ?? [])];
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  const out: string[] = [];
  if (files.length > FILE_LIMITS.maxFiles) out.push(t('error.file.tooMany', { max: FILE_LIMITS.maxFiles }));
  for (const f of files)
    if (f.size > FILE_LIMITS.maxFileBytes)
      out.push(t('error.file.tooLarge', { name: f.name, max: mb(FILE_LIMITS.maxFileBytes) }));
  if (files.reduce((s, f) => s + f.size, 0) > FILE_LIMITS.maxTotalBytes)
    out.push(t('error.file.totalTooLarge', { max: mb(FILE_LIMITS.maxTotalBytes) }));
  return out;
}

/**
 * GOV.UK error summary for a step the island checked: at the top of the form (above the visible
 * step), a link per field with its label and error, focused so screen readers announce it.
 * Same markup contract as the server's ErrorSummary.astro (field-markup.ts), with its own title id
 * so it can stand beside a server summary. `names` empty → removed.
 */
export function showStepSummary(form: HTMLFormElement, names: string[], t: TinyT): void {
  form.querySelector('[data-island-summary]')?.remove();
  if (!names.length) return;
  const box = document.createElement('div');
  box.className = CLASS.summary;
  box.setAttribute('role', 'alert');
  box.setAttribute('aria-labelledby', ISLAND_SUMMARY_TITLE_ID);
  box.tabIndex = -1;
  box.dataset.islandSummary = '';
  const title = document.createElement('h2');
  title.className = CLASS.summaryTitle;
  title.id = ISLAND_SUMMARY_TITLE_ID;
  title.textContent = t('summary.title');
  const list = document.createElement('ul');
  list.className = CLASS.summaryList;
  for (const name of names) {
    const field = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
    const control = controls(form, name)[0];
    if (!field || !control) continue;
    const label = (field.querySelector(`legend, .${CLASS.label}`)?.textContent ?? '').trim();
    const error = field.querySelector(`.${CLASS.error}`);
    const message = [...(error?.childNodes ?? [])]
      .filter((n) => !(n instanceof HTMLElement && n.classList.contains(CLASS.visuallyHidden)))
      .map((n) => n.textContent)
      .join('')
      .trim();
    const link = document.createElement('a');
    link.href = summaryHref(control.id);
    link.textContent = summaryLine(label, message);
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  box.append(title, list);
  form.prepend(box);
  box.focus();
}

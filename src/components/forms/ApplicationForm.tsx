/**
 * ApplicationForm island: enhances — never replaces — the server-rendered form above it.
 * Adds steps (one section at a time, with Back/Next), inline errors from the shared field rules,
 * JS row adding, a sessionStorage draft and a visible "clear my data" button (library computers).
 * With server errors on the page all sections stay visible, so every summary link works.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formDefinition } from '#src/domain/forms/index.ts';
import { createTinyT } from '#src/i18n/tiny-t.ts';
import type { CatalogueItem } from '#src/domain/schemas/catalogue.ts';
import type { IslandProps } from './island-props.ts';
import {
  addRow,
  applyEntries,
  checkName,
  clearForm,
  fileProblems,
  loadDraft,
  namesIn,
  saveDraft,
  setError,
  showStepSummary,
} from './enhance.ts';
import { applyHandoff, handoffRows, readHandoff } from './estimate-handoff.ts';
import { CLASS, fieldId } from './field-markup.ts';

export default function ApplicationForm(props: IslandProps) {
  const [step, setStep] = useState(0);
  const [steps, setSteps] = useState(0);
  const [notice, setNotice] = useState('');
  const formRef = useRef<HTMLFormElement | null>(null);
  const sectionsRef = useRef<HTMLElement[]>([]);
  const t = createTinyT(props.locale, props.strings, 'forms');
  const def = formDefinition(props.form, (props.item ?? undefined) as CatalogueItem | undefined);
  const draftKey = `atbalsts:draft:${location.pathname}${location.search}`;

  useEffect(() => {
    const form = document.querySelector<HTMLFormElement>('form[data-application-form]');
    if (!form || !def) return;
    formRef.current = form;
    const serverErrors = document.querySelector('[data-error-summary]') !== null;
    const draft = serverErrors ? null : loadDraft(draftKey);
    if (draft) {
      for (const [section, n] of Object.entries(draft.rows)) {
        const max = def.sections.find((s) => s.id === section)?.repeat?.max ?? 0;
        while (form.querySelectorAll(`[data-rows="${section}"] > [data-row]`).length < Math.min(n, max)) {
          if (!addRow(form, section, max, (k) => t(`page.row.${section}`, { n: k }))) break;
        }
      }
      applyEntries(form, draft.entries);
      if (draft.entries.length) setNotice(t('island.draftRestored'));
    }
    const handoff =
      !serverErrors && !draft && props.form === 'social-assistance' ? readHandoff(props.municipality) : null;
    if (handoff) {
      for (const [section, n] of Object.entries(handoffRows(handoff))) {
        const max = def.sections.find((s) => s.id === section)?.repeat?.max ?? 0;
        while (form.querySelectorAll(`[data-rows="${section}"] > [data-row]`).length < Math.min(n, max)) {
          if (!addRow(form, section, max, (k) => t(`page.row.${section}`, { n: k }))) break;
        }
      }
      const byName = (name: string) =>
        [...form.elements].filter((e) => (e as HTMLInputElement).name === name) as HTMLInputElement[];
      applyHandoff(
        handoff,
        (name, value) => byName(name).forEach((el) => (el.value = value)),
        (name, value) => byName(name).forEach((el) => (el.checked = el.checked || el.value === value)),
      );
      saveDraft(form, draftKey);
    }
    const onBlur = (e: FocusEvent) => {
      const el = e.target as HTMLInputElement;
      if (!el.name || el.type === 'file' || el.type === 'radio' || el.type === 'checkbox') return;
      // Leaving the field for a button (Next, Back, Send): the button checks the whole step.
      // Adding or removing an error text here would move the button between mousedown and
      // mouseup, and the browser would drop the click — the resident's "Next" would do nothing.
      if ((e.relatedTarget as HTMLElement | null)?.closest?.('button')) return;
      const box = el.closest(`.${CLASS.field}`);
      if (el.value.trim() !== '' || box?.classList.contains(CLASS.fieldError)) checkName(form, def, el.name, t);
    };
    const onChange = (e: Event) => {
      const el = e.target as HTMLInputElement;
      if (el.type === 'radio' || el.type === 'checkbox' || el.tagName === 'SELECT') checkName(form, def, el.name, t);
      if (el.type === 'file')
        setError(form, 'attachments', fileProblems(el, t).join(' ') || undefined, t('page.errorPrefix'));
      saveDraft(form, draftKey);
    };
    const onInput = (e: Event) => {
      const el = e.target as HTMLInputElement;
      // A field that shows an error is re-checked while the resident types, so the error goes
      // away as soon as the answer is right (not only when they leave the field).
      if (el.name && el.closest(`.${CLASS.field}`)?.classList.contains(CLASS.fieldError))
        checkName(form, def, el.name, t);
      saveDraft(form, draftKey);
    };
    const onClick = (e: Event) => {
      const btn = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-add-row]');
      if (!btn) return;
      e.preventDefault();
      const section = btn.dataset.addRow!;
      const max = def.sections.find((s) => s.id === section)?.repeat?.max ?? 0;
      if (!addRow(form, section, max, (k) => t(`page.row.${section}`, { n: k }))) btn.hidden = true;
      saveDraft(form, draftKey);
    };
    const onSubmit = (e: SubmitEvent) => {
      if ((e.submitter as HTMLButtonElement | null)?.name === '_action') return;
      const problems = fileProblems(form.querySelector<HTMLInputElement>('input[type=file]'), t);
      if (problems.length) {
        e.preventDefault();
        setError(form, 'attachments', problems.join(' '), t('page.errorPrefix'));
        form.querySelector<HTMLElement>(`#${fieldId('attachments')}`)?.focus();
        return;
      }
      sessionStorage.removeItem(draftKey);
    };
    form.addEventListener('focusout', onBlur as EventListener);
    form.addEventListener('change', onChange);
    form.addEventListener('input', onInput);
    form.addEventListener('click', onClick);
    form.addEventListener('submit', onSubmit);
    if (!serverErrors) {
      sectionsRef.current = [...form.querySelectorAll<HTMLElement>(':scope > fieldset.form-section')];
      setSteps(sectionsRef.current.length);
    }
    return () => {
      form.removeEventListener('focusout', onBlur as EventListener);
      form.removeEventListener('change', onChange);
      form.removeEventListener('input', onInput);
      form.removeEventListener('click', onClick);
      form.removeEventListener('submit', onSubmit);
    };
  }, []);

  // Show one section at a time; the submit button only on the last step.
  useEffect(() => {
    const form = formRef.current;
    if (!form || steps === 0) return;
    // `hidden` for semantics plus display:none, because layout classes (.button-group) set display.
    const show = (el: HTMLElement, on: boolean) => {
      el.hidden = !on;
      el.style.display = on ? '' : 'none';
    };
    sectionsRef.current.forEach((s, i) => show(s, i === step));
    const submit = form.querySelector<HTMLElement>('[data-submit]');
    if (submit) show(submit, step === steps - 1);
  }, [step, steps]);

  const go = (to: number) => {
    if (formRef.current) showStepSummary(formRef.current, [], t);
    setStep(to);
    requestAnimationFrame(() =>
      sectionsRef.current[to]
        ?.querySelector<HTMLElement>('legend, input, select, textarea')
        ?.scrollIntoView({ block: 'start' }),
    );
  };
  const next = () => {
    const form = formRef.current;
    const section = sectionsRef.current[step];
    if (!form || !section || !def) return;
    const bad = namesIn(section).filter((n) => !checkName(form, def, n, t));
    if (bad.length) {
      // Error summary at the top linking to each field, focused (as the server's error page does).
      setNotice('');
      showStepSummary(form, bad, t);
      return;
    }
    showStepSummary(form, [], t);
    setNotice('');
    go(step + 1);
    requestAnimationFrame(() =>
      sectionsRef.current[step + 1]?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus(),
    );
  };
  const clear = () => {
    const form = formRef.current;
    if (!form || !confirm(t('island.confirmClear'))) return;
    sessionStorage.removeItem(draftKey);
    clearForm(form);
    setNotice(t('island.cleared'));
    if (steps) go(0);
  };

  return (
    <div class="stack application-tools">
      {steps > 1 && (
        <div class="button-group">
          <p class="step__count" aria-live="polite">
            {t('island.step', { n: step + 1, total: steps })}
          </p>
          {step > 0 && (
            <button type="button" class="button button--secondary" onClick={() => go(step - 1)}>
              {t('island.previous')}
            </button>
          )}
          {step < steps - 1 && (
            <button type="button" class="button" onClick={next}>
              {t('island.next')}
            </button>
          )}
        </div>
      )}
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <button type="button" class="button button--warning" onClick={clear}>
        {t('island.clear')}
      </button>
    </div>
  );
}

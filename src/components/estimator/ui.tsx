/**
 * Form primitives of the estimator in the design system's markup (GOV.UK patterns): a label or
 * legend for every control, hints linked with aria-describedby, the error repeated at the field
 * with a visually hidden "Error:" prefix. Used by the island and by the server-rendered no-JS form.
 * Ids and classes follow the markup contract shared with the application forms (field-markup.ts).
 */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '#src/domain/field-error.ts';
import type { TinyT } from '#src/i18n/tiny-t.ts';
import {
  CLASS,
  SUMMARY_TITLE_ID,
  describedBy,
  errorId,
  errorPrefixText,
  fieldClass,
  hintId,
  summaryHref,
} from '../forms/field-markup.ts';

export interface Ctx {
  t: TinyT;
  errors: FieldError[];
}

const errorOf = (ctx: Ctx, id: string) => ctx.errors.find((e) => e.path === id);

function FieldErrorText({ ctx, id }: { ctx: Ctx; id: string }) {
  const e = errorOf(ctx, id);
  if (!e) return null;
  return (
    <span class={CLASS.error} id={errorId(id)}>
      <span class={CLASS.visuallyHidden}>{errorPrefixText(ctx.t('error.prefix'))}</span>
      {ctx.t(e.key, e.params)}
    </span>
  );
}

export function TextField(props: {
  ctx: Ctx;
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onInput?: (value: string) => void;
  /** "money": euros, decimal keyboard; "whole": digits only. */
  kind: 'money' | 'whole';
  width?: 'short' | 'medium';
  autocomplete?: string;
}) {
  const { ctx, id, kind } = props;
  const error = errorOf(ctx, id);
  return (
    <div class={fieldClass(error)}>
      <label class={CLASS.label} for={id}>
        {props.label}
      </label>
      {props.hint && (
        <span class={CLASS.hint} id={hintId(id)}>
          {props.hint}
        </span>
      )}
      <FieldErrorText ctx={ctx} id={id} />
      <input
        class={`input input--${props.width ?? 'short'}${error ? ` ${CLASS.inputError}` : ''}`}
        id={id}
        name={id}
        type="text"
        inputMode={kind === 'money' ? 'decimal' : 'numeric'}
        spellcheck={false}
        autocomplete={props.autocomplete ?? 'off'}
        value={props.value}
        aria-describedby={describedBy(props.hint ? hintId(id) : undefined, error && errorId(id))}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => props.onInput?.((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

export function Fieldset(props: {
  ctx: Ctx;
  id?: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  large?: boolean;
  children: ComponentChildren;
  headingLevel?: 2 | 3;
}) {
  const { ctx, id } = props;
  const error = id ? errorOf(ctx, id) : undefined;
  const legendHintId = id && props.hint ? hintId(`${id}-fieldset`) : undefined;
  const H = props.headingLevel ? (`h${props.headingLevel}` as 'h2') : null;
  const legend = H ? <H class="fieldset__heading">{props.legend}</H> : props.legend;
  return (
    <div class={fieldClass(error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(legendHintId, error && id && errorId(id))}>
        <legend class={`fieldset__legend${props.large ? ' fieldset__legend--large' : ''}`}>{legend}</legend>
        {props.hint && (
          <span class={CLASS.hint} id={legendHintId}>
            {props.hint}
          </span>
        )}
        {id && <FieldErrorText ctx={ctx} id={id} />}
        {props.children}
      </fieldset>
    </div>
  );
}

export function Radios<V extends string>(props: {
  name: string;
  value: string;
  options: { value: V; label: ComponentChildren; hint?: ComponentChildren }[];
  onChange?: (v: V) => void;
  inline?: boolean;
}) {
  return (
    <div class={`radios${props.inline ? ' radios--inline' : ''}`}>
      {props.options.map((o, i) => {
        const id = i === 0 ? props.name : `${props.name}-${o.value}`;
        return (
          <div class="radios__item" key={o.value}>
            <input
              class="radios__input"
              type="radio"
              id={id}
              name={props.name}
              value={o.value}
              checked={props.value === o.value}
              onChange={() => props.onChange?.(o.value)}
              aria-describedby={o.hint ? hintId(id) : undefined}
            />
            <label class="radios__label" for={id}>
              {o.label}
            </label>
            {o.hint && (
              <span class="radios__hint" id={hintId(id)}>
                {o.hint}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

export function Checkbox(props: {
  id: string;
  name?: string;
  value?: string;
  checked: boolean;
  label: ComponentChildren;
  hint?: ComponentChildren;
  onChange?: (checked: boolean) => void;
}) {
  return (
    <div class="checkboxes__item">
      <input
        class="checkboxes__input"
        type="checkbox"
        id={props.id}
        name={props.name ?? props.id}
        value={props.value ?? 'yes'}
        checked={props.checked}
        onChange={(e) => props.onChange?.((e.currentTarget as HTMLInputElement).checked)}
        aria-describedby={props.hint ? hintId(props.id) : undefined}
      />
      <label class="checkboxes__label" for={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <span class="checkboxes__hint" id={hintId(props.id)}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

/** GOV.UK error summary: links to the fields; the island focuses it when errors appear. */
export function ErrorSummary({ ctx, summaryRef }: { ctx: Ctx; summaryRef?: { current: HTMLDivElement | null } }) {
  if (ctx.errors.length === 0) return null;
  return (
    <div class={CLASS.summary} role="alert" aria-labelledby={SUMMARY_TITLE_ID} tabIndex={-1} ref={summaryRef}>
      <h2 class={CLASS.summaryTitle} id={SUMMARY_TITLE_ID}>
        {ctx.t('error.summaryTitle')}
      </h2>
      <ul class={CLASS.summaryList}>
        {ctx.errors.map((e) => (
          <li key={e.path}>
            <a href={summaryHref(e.path)}>{ctx.t(e.key, e.params)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The markup contract of a question and of the error summary (GOV.UK patterns), in one place for
 * everything that writes it: the server-rendered application forms (Field.astro, FormBody.astro,
 * ErrorSummary.astro, form-view.ts), the estimator's components (estimator/ui.tsx, server and
 * island) and the browser code that adds or removes errors and summaries (enhance.ts).
 *
 *   <div class="field field--error">            fieldClass(error)
 *     <label class="field__label" for="ID">     or a fieldset + legend for choices
 *     <span class="field__hint" id="ID-hint">   hintId(ID)
 *     <span class="field__error" id="ID-error"> errorId(ID), with a visually hidden prefix
 *       <span class="visually-hidden">Kļūda: </span>message
 *     <input id="ID" aria-describedby="ID-hint ID-error" class="input input--error">
 *
 * The error summary: a list of links to `#ID` (summaryHref), each "Label: message" (summaryLine).
 * Keeping the names here means a script's error looks exactly like the server's, and the summary's
 * links always land on the control the error belongs to.
 */

/** Class names of the design system's form markup. */
export const CLASS = {
  field: 'field',
  fieldError: 'field--error',
  label: 'field__label',
  hint: 'field__hint',
  error: 'field__error',
  /** On a text input, textarea or select with an error. */
  inputError: 'input--error',
  visuallyHidden: 'visually-hidden',
  summary: 'error-summary',
  summaryTitle: 'error-summary__title',
  summaryList: 'error-summary__list',
} as const;

/** Id of the summary's title (its aria-labelledby), one summary per page. */
export const SUMMARY_TITLE_ID = 'error-summary-title';

export const FIELD_ID_PREFIX = 'f-';

/** HTML id of an application-form control from its field path (dots are awkward in CSS and fragments). */
export function fieldId(path: string): string {
  return `${FIELD_ID_PREFIX}${path.replace(/\./g, '-')}`;
}

export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;

/** The `aria-describedby` of a control: the ids given, in order; none → no attribute. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** Class of a question's box. */
export const fieldClass = (error: unknown): string => (error ? `${CLASS.field} ${CLASS.fieldError}` : CLASS.field);

/** The text of the visually hidden prefix before an error ("Kļūda: "). */
export const errorPrefixText = (prefix: string): string => `${prefix} `;

/** Where a summary entry links to: the control with this id. */
export const summaryHref = (id: string): string => `#${id}`;

/** A summary entry's text: "Label: message", or the one that is there. */
export function summaryLine(label: string | undefined, message: string): string {
  return label && message ? `${label}: ${message}` : message || label || '';
}

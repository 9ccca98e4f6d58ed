/**
 * A form is data: sections of fields in the order the resident fills them in and the staff read
 * them. The same definition renders the HTML form, drives the island's inline checks, validates
 * on the server (schema.ts) and orders the staff e-mail, the PDF and application.json.
 * Labels are i18n keys in the `forms` namespace, never wording.
 */
import type { FieldError } from '../field-error.ts';
import type { FormId } from '../schemas/catalogue.ts';
import type { Check } from './validators.ts';

export type FieldType =
  | 'text'
  | 'name'
  | 'textarea'
  | 'email'
  | 'tel'
  | 'personal-code'
  | 'iban'
  | 'money'
  | 'date'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'checkboxes';

/** Raw values as posted: strings, or string lists for `checkboxes`. Repeated sections are arrays of rows. */
export type Row = Record<string, string | string[]>;
export type Values = Record<string, Row | Row[]>;

export interface FieldDef {
  name: string;
  type: FieldType;
  /** i18n key stem: `field.<labelKey>.label` and optional `field.<labelKey>.hint`. */
  labelKey: string;
  hint?: boolean;
  required?: boolean;
  /** Required only when this holds (e.g. details when "yes" was chosen). Sees the whole form and the row. */
  requiredIf?: (values: Values, row: Row) => boolean;
  /** For select/radio/checkboxes: values, labelled by `option.<optionSet>.<value>`. */
  options?: readonly string[];
  optionSet?: string;
  autocomplete?: string;
  /** Extra check after the type's own (e.g. a date not in the future). */
  check?: (value: string) => Check;
  max?: number;
  /** Marks special-category data (health, disability: GDPR art. 9) so the e-mail receipt never repeats it. */
  sensitive?: boolean;
  /** Input width class for the HTML form. */
  width?: 'short' | 'medium';
}

export interface SectionDef {
  id: string;
  /** `section.<legendKey>.legend` / `.hint`. */
  legendKey: string;
  hint?: boolean;
  fields: FieldDef[];
  /** A repeated section (household members, incomes): rows where every field is empty are dropped. */
  repeat?: { min: number; max: number; initial: number };
}

export interface FormDef {
  id: FormId;
  /** Bumped when fields change meaning; written into application.json. */
  version: number;
  /** The catalogue item applied for (benefit or service id), when the form is item-driven. */
  item?: string;
  sections: SectionDef[];
  /** Form-level rules a field cannot state alone (at least one request chosen, …). */
  rules?: ((values: Values) => FieldError | null)[];
  /** Statutory applications must be signed by every adult household member (MK noteikumi Nr. 809). */
  signaturesOfAllAdults: boolean;
  attachments: boolean;
}

/** Field name as posted by the HTML form: `applicant.givenName`, `members.2.relation`. */
export function fieldPath(section: string, field: string, index?: number): string {
  return index === undefined ? `${section}.${field}` : `${section}.${index}.${field}`;
}

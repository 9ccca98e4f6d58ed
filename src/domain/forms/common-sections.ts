/** Sections every form shares: who applies, how to reach them, acknowledgements. */
import type { FormId } from '../schemas/catalogue.ts';
import type { FieldDef, FormDef, Row, SectionDef, Values } from './types.ts';

export const PERSON_STATUSES = [
  'employed',
  'self-employed',
  'unemployed-registered',
  'unemployed-not-registered',
  'pensioner-age',
  'pensioner-disability',
  'pupil-student',
  'child-preschool',
  'parental-leave',
  'caring-for-family',
  'other',
] as const;

export const RELATIONS = [
  'spouse',
  'partner',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'other-relative',
  'other',
] as const;

export const YES_NO = ['yes', 'no'] as const;

export const DISABILITY_GROUPS = ['none', 'I', 'II', 'III', 'pending'] as const;

/** The row's value as one string ('' for absent). */
export function str(row: Row | undefined, name: string): string {
  const v = row?.[name];
  return typeof v === 'string' ? v : '';
}

/** A value of a single (non-repeated) section. */
export function valueOf(values: Values, section: string, name: string): string {
  const s = values[section];
  return Array.isArray(s) ? '' : str(s, name);
}

/** Given name, family name, personal code: the same three fields for every person on a form. */
export function personFields(opts: {
  codeRequired: boolean;
  codeHint?: boolean;
  requiredIf?: FieldDef['requiredIf'];
  autocomplete?: boolean;
}): FieldDef[] {
  const req = opts.requiredIf ? { requiredIf: opts.requiredIf } : { required: true };
  const codeReq = opts.requiredIf
    ? { requiredIf: opts.codeRequired ? opts.requiredIf : undefined }
    : { required: opts.codeRequired };
  return [
    {
      name: 'givenName',
      type: 'name',
      labelKey: 'person.givenName',
      ...req,
      ...(opts.autocomplete ? { autocomplete: 'given-name' } : {}),
    },
    {
      name: 'familyName',
      type: 'name',
      labelKey: 'person.familyName',
      ...req,
      ...(opts.autocomplete ? { autocomplete: 'family-name' } : {}),
    },
    {
      name: 'personalCode',
      type: 'personal-code',
      labelKey: 'person.personalCode',
      hint: true,
      ...codeReq,
      width: 'medium',
    },
  ];
}

export function applicantSection(opts: { codeRequired: boolean; address: boolean; status?: boolean }): SectionDef {
  const fields: FieldDef[] = [...personFields({ codeRequired: opts.codeRequired, autocomplete: true })];
  if (opts.address) {
    fields.push({
      name: 'declaredAddress',
      type: 'text',
      labelKey: 'applicant.declaredAddress',
      hint: true,
      required: true,
      autocomplete: 'street-address',
      max: 200,
    });
    fields.push({ name: 'actualAddress', type: 'text', labelKey: 'applicant.actualAddress', hint: true, max: 200 });
  }
  if (opts.status) {
    fields.push({
      name: 'status',
      type: 'select',
      labelKey: 'applicant.status',
      options: PERSON_STATUSES,
      optionSet: 'personStatus',
      required: true,
    });
  }
  return { id: 'applicant', legendKey: 'applicant', fields };
}

const channelIs = (channel: string) => (values: Values) => valueOf(values, 'contact', 'channel') === channel;

/** How to reach the resident and in which language (the staff answer in Latvian; this records the wish). */
export const contactSection: SectionDef = {
  id: 'contact',
  legendKey: 'contact',
  hint: true,
  fields: [
    {
      name: 'channel',
      type: 'radio',
      labelKey: 'contact.channel',
      options: ['phone', 'email', 'post'],
      optionSet: 'channel',
      required: true,
    },
    {
      name: 'phone',
      type: 'tel',
      labelKey: 'contact.phone',
      hint: true,
      requiredIf: channelIs('phone'),
      autocomplete: 'tel',
      width: 'medium',
    },
    {
      name: 'email',
      type: 'email',
      labelKey: 'contact.email',
      hint: true,
      requiredIf: channelIs('email'),
      autocomplete: 'email',
    },
    {
      name: 'language',
      type: 'radio',
      labelKey: 'contact.language',
      options: ['lv', 'ru'],
      optionSet: 'language',
      required: true,
    },
  ],
};

/** Anything else the resident wants to say. */
export const notesSection: SectionDef = {
  id: 'additional',
  legendKey: 'additional',
  fields: [{ name: 'notes', type: 'textarea', labelKey: 'additional.notes', hint: true, max: 3000 }],
};

/** "I confirm the information is true" — applications to the social service are declarations. */
export function declarationSection(allAdultsSign: boolean): SectionDef {
  const fields: FieldDef[] = [{ name: 'truthful', type: 'checkbox', labelKey: 'declaration.truthful', required: true }];
  if (allAdultsSign)
    fields.push({
      name: 'signatures',
      type: 'checkbox',
      labelKey: 'declaration.signatures',
      hint: true,
      required: true,
    });
  return { id: 'declaration', legendKey: allAdultsSign ? 'declarationStatutory' : 'declaration', hint: true, fields };
}

/**
 * Acknowledgement, not consent: processing rests on GDPR art. 6(1)(c)/(e) and 9(2)(b) (legal
 * obligation, public task, social protection). The box records that the notice was shown; it is
 * no legal basis.
 */
export const privacySection: SectionDef = {
  id: 'privacy',
  legendKey: 'privacy',
  fields: [{ name: 'acknowledged', type: 'checkbox', labelKey: 'privacy.acknowledged', required: true }],
};

/** Bank account for a cash benefit. */
export function bankSection(requiredIf?: (values: Values) => boolean): SectionDef {
  return {
    id: 'bank',
    legendKey: 'bank',
    hint: true,
    fields: [
      {
        name: 'iban',
        type: 'iban',
        labelKey: 'bank.iban',
        hint: true,
        ...(requiredIf ? { requiredIf } : {}),
        width: 'medium',
      },
      { name: 'holder', type: 'name', labelKey: 'bank.holder', hint: true },
    ],
  };
}

/**
 * A form for one catalogue item (a municipal benefit or a social service): who applies and how to
 * reach them, then the item's own sections, then notes, the declaration and the privacy notice.
 * The applicant alone signs; documents may be attached.
 */
export function itemForm(id: FormId, item: string, sections: SectionDef[]): FormDef {
  return {
    id,
    version: 1,
    item,
    signaturesOfAllAdults: false,
    attachments: true,
    sections: [
      applicantSection({ codeRequired: true, address: true }),
      contactSection,
      ...sections,
      notesSection,
      declarationSection(false),
      privacySection,
    ],
  };
}

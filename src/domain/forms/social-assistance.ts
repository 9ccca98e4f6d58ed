/**
 * Social assistance: assessment of the household's material situation — needy or low-income
 * status, GMI benefit, housing benefit (SPSPL; MK noteikumi Nr. 809). Regular incomes of the last
 * three full months (MK 809), what the household owns and its savings (SPSPL 36. pants), housing
 * costs (for the housing benefit), the account for payments. MK 809 requires the application to
 * be signed by every adult household member, which an unsigned web form cannot be: online it is
 * a pre-application, and the PDF carries a signature line per adult.
 */
import {
  PERSON_STATUSES,
  RELATIONS,
  YES_NO,
  applicantSection,
  bankSection,
  contactSection,
  declarationSection,
  notesSection,
  personFields,
  privacySection,
  str,
} from './common-sections.ts';
import type { FormDef, Row, Values } from './types.ts';
import { INCOME_TYPES } from '../schemas/vocabulary.ts';

export const REQUESTS = ['needy-status', 'low-income-status', 'gmi', 'housing-benefit'] as const;

const requests = (values: Values): string[] => {
  const r = values['request'];
  const v = Array.isArray(r) ? undefined : r?.['requests'];
  return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
};
const wantsPayment = (values: Values) => requests(values).some((r) => r === 'gmi' || r === 'housing-benefit');
const yes = (name: string) => (_: Values, row: Row) => str(row, name) === 'yes';

export function socialAssistanceForm(item?: string): FormDef {
  return {
    id: 'social-assistance',
    version: 1,
    ...(item ? { item } : {}),
    signaturesOfAllAdults: true,
    attachments: true,
    sections: [
      {
        id: 'request',
        legendKey: 'request',
        hint: true,
        fields: [
          {
            name: 'requests',
            type: 'checkboxes',
            labelKey: 'request.requests',
            options: REQUESTS,
            optionSet: 'request',
            required: true,
          },
        ],
      },
      applicantSection({ codeRequired: true, address: true, status: true }),
      contactSection,
      {
        id: 'members',
        legendKey: 'members',
        hint: true,
        repeat: { min: 0, max: 12, initial: 1 },
        fields: [
          ...personFields({ codeRequired: true }),
          {
            name: 'relation',
            type: 'select',
            labelKey: 'members.relation',
            options: RELATIONS,
            optionSet: 'relation',
            required: true,
          },
          {
            name: 'status',
            type: 'select',
            labelKey: 'members.status',
            options: PERSON_STATUSES,
            optionSet: 'personStatus',
            required: true,
          },
        ],
      },
      {
        id: 'incomes',
        legendKey: 'incomes',
        hint: true,
        repeat: { min: 0, max: 24, initial: 2 },
        fields: [
          { name: 'person', type: 'name', labelKey: 'incomes.person', hint: true, required: true },
          {
            name: 'type',
            type: 'select',
            labelKey: 'incomes.type',
            options: INCOME_TYPES,
            optionSet: 'incomeType',
            required: true,
          },
          { name: 'month1', type: 'money', labelKey: 'incomes.month1', required: true, width: 'short' },
          { name: 'month2', type: 'money', labelKey: 'incomes.month2', required: true, width: 'short' },
          { name: 'month3', type: 'money', labelKey: 'incomes.month3', required: true, width: 'short' },
        ],
      },
      {
        id: 'property',
        legendKey: 'property',
        hint: true,
        fields: [
          {
            name: 'realEstate',
            type: 'radio',
            labelKey: 'property.realEstate',
            hint: true,
            options: YES_NO,
            optionSet: 'yesNo',
            required: true,
          },
          {
            name: 'realEstateDetails',
            type: 'textarea',
            labelKey: 'property.realEstateDetails',
            requiredIf: yes('realEstate'),
            max: 1000,
          },
          {
            name: 'vehicles',
            type: 'radio',
            labelKey: 'property.vehicles',
            options: YES_NO,
            optionSet: 'yesNo',
            required: true,
          },
          {
            name: 'vehicleDetails',
            type: 'textarea',
            labelKey: 'property.vehicleDetails',
            requiredIf: yes('vehicles'),
            max: 1000,
          },
          { name: 'savings', type: 'money', labelKey: 'property.savings', hint: true, required: true, width: 'short' },
          { name: 'other', type: 'textarea', labelKey: 'property.other', hint: true, max: 1000 },
        ],
      },
      {
        id: 'housing',
        legendKey: 'housing',
        hint: true,
        fields: [
          {
            name: 'tenure',
            type: 'select',
            labelKey: 'housing.tenure',
            options: ['owner', 'tenant', 'social-flat', 'lives-with-others', 'other'],
            optionSet: 'tenure',
            required: true,
          },
          { name: 'rent', type: 'money', labelKey: 'housing.rent', width: 'short' },
          { name: 'utilities', type: 'money', labelKey: 'housing.utilities', hint: true, width: 'short' },
          { name: 'heating', type: 'money', labelKey: 'housing.heating', hint: true, width: 'short' },
          { name: 'other', type: 'money', labelKey: 'housing.other', width: 'short' },
        ],
      },
      bankSection(wantsPayment),
      notesSection,
      declarationSection(true),
      privacySection,
    ],
  };
}

/**
 * A municipal benefit from the pack (newborn, funeral, school start, meals, health care, heating,
 * crisis, orphans leaving care, released from prison, …). The sections are chosen from the item's
 * data (item-features.ts); the municipality's binding regulations decide, the form only collects.
 */
import type { CatalogueItem } from '../schemas/catalogue.ts';
import { DISABILITY_GROUPS, RELATIONS, bankSection, itemForm, personFields } from './common-sections.ts';
import { itemFeatures, type Feature } from './item-features.ts';
import type { FormDef, SectionDef } from './types.ts';

const STATUS_HELD = ['needy', 'low-income', 'applying', 'none'] as const;

/** Feature → section, in the order staff read them. */
const FEATURE_SECTIONS: [Feature, (f: Set<Feature>) => SectionDef][] = [
  [
    'child',
    (f) => ({
      id: 'child',
      legendKey: 'child',
      fields: [
        ...personFields({ codeRequired: false, codeHint: true }),
        { name: 'birthDate', type: 'date', labelKey: 'child.birthDate', hint: true, required: true, width: 'medium' },
        ...(f.has('school')
          ? [{ name: 'school', type: 'text' as const, labelKey: 'child.school', hint: true, max: 200 }]
          : []),
      ],
    }),
  ],
  [
    'deceased',
    () => ({
      id: 'deceased',
      legendKey: 'deceased',
      fields: [
        ...personFields({ codeRequired: true }),
        {
          name: 'dateOfDeath',
          type: 'date',
          labelKey: 'deceased.dateOfDeath',
          hint: true,
          required: true,
          width: 'medium',
        },
        {
          name: 'relation',
          type: 'select',
          labelKey: 'deceased.relation',
          options: RELATIONS,
          optionSet: 'relation',
          required: true,
        },
      ],
    }),
  ],
  [
    'status',
    () => ({
      id: 'status',
      legendKey: 'status',
      fields: [
        {
          name: 'held',
          type: 'radio',
          labelKey: 'status.held',
          hint: true,
          options: STATUS_HELD,
          optionSet: 'statusHeld',
          required: true,
        },
      ],
    }),
  ],
  [
    'disability',
    (f) => ({
      id: 'disability',
      legendKey: 'disability',
      hint: true,
      fields: [
        {
          name: 'group',
          type: 'select',
          labelKey: 'disability.group',
          // When disability is one of several alternative conditions, "none" is a valid answer.
          options: f.has('disability-alternative') ? DISABILITY_GROUPS : DISABILITY_GROUPS.filter((g) => g !== 'none'),
          optionSet: 'disabilityGroup',
          required: true,
          sensitive: true,
        },
      ],
    }),
  ],
  [
    'heating',
    () => ({
      id: 'heating',
      legendKey: 'heating',
      fields: [
        {
          name: 'type',
          type: 'radio',
          labelKey: 'heating.type',
          options: ['district', 'stove', 'other'],
          optionSet: 'heatingType',
          required: true,
        },
      ],
    }),
  ],
  [
    'crisis',
    () => ({
      id: 'crisis',
      legendKey: 'crisis',
      fields: [
        {
          name: 'description',
          type: 'textarea',
          labelKey: 'crisis.description',
          hint: true,
          required: true,
          max: 3000,
        },
      ],
    }),
  ],
  [
    'costs',
    () => ({
      id: 'costs',
      legendKey: 'costs',
      hint: true,
      fields: [
        { name: 'amount', type: 'money', labelKey: 'costs.amount', required: true, width: 'short' },
        { name: 'description', type: 'textarea', labelKey: 'costs.description', hint: true, required: true, max: 2000 },
      ],
    }),
  ],
  [
    'release',
    () => ({
      id: 'release',
      legendKey: 'release',
      fields: [{ name: 'date', type: 'date', labelKey: 'release.date', hint: true, required: true, width: 'medium' }],
    }),
  ],
];

type ItemForForm = Pick<CatalogueItem, 'id' | 'kind' | 'situations' | 'amounts' | 'eligibility'>;

export function municipalBenefitForm(item: ItemForForm): FormDef {
  const features = itemFeatures(item);
  return itemForm('municipal-benefit', item.id, [
    ...FEATURE_SECTIONS.filter(
      ([f]) => features.has(f) || (f === 'disability' && features.has('disability-alternative')),
    ).map(([, build]) => build(features)),
    ...(features.has('payment') ? [bankSection()] : []),
  ]);
}

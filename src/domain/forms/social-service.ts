/**
 * A social service (home care, assistant, care institution, day centre, psychologist, family
 * assistant, respite, social taxi, security button, shelter, …), driven by the item's data.
 * The social worker assesses need (functional capacity, MK 138); the form asks what the resident
 * needs and, only where the service's conditions need it, the disability group and health notes.
 */
import type { CatalogueItem } from '../schemas/catalogue.ts';
import { DISABILITY_GROUPS, RELATIONS, itemForm, personFields, valueOf } from './common-sections.ts';
import { itemFeatures } from './item-features.ts';
import type { FormDef, SectionDef, Values } from './types.ts';

const forSomeoneElse = (values: Values) => valueOf(values, 'recipient', 'forWhom') === 'other';

type ItemForForm = Pick<CatalogueItem, 'id' | 'kind' | 'situations' | 'amounts' | 'eligibility'>;

export function socialServiceForm(item: ItemForForm): FormDef {
  const features = itemFeatures(item);
  const health: SectionDef[] =
    features.has('disability') || features.has('disability-alternative') || features.has('health')
      ? [
          {
            id: 'health',
            legendKey: 'health',
            hint: true,
            fields: [
              {
                name: 'disabilityGroup',
                type: 'select',
                labelKey: 'health.disabilityGroup',
                options: DISABILITY_GROUPS,
                optionSet: 'disabilityGroup',
                required: features.has('disability'),
                sensitive: true,
              },
              { name: 'note', type: 'textarea', labelKey: 'health.note', hint: true, max: 2000, sensitive: true },
            ],
          },
        ]
      : [];
  return itemForm('social-service', item.id, [
    {
      id: 'recipient',
      legendKey: 'recipient',
      hint: true,
      fields: [
        {
          name: 'forWhom',
          type: 'radio',
          labelKey: 'recipient.forWhom',
          options: ['self', 'other'],
          optionSet: 'forWhom',
          required: true,
        },
        ...personFields({ codeRequired: true, requiredIf: forSomeoneElse }),
        {
          name: 'relation',
          type: 'select',
          labelKey: 'recipient.relation',
          options: RELATIONS,
          optionSet: 'relation',
          requiredIf: forSomeoneElse,
        },
      ],
    },
    {
      id: 'need',
      legendKey: 'need',
      fields: [
        {
          name: 'description',
          type: 'textarea',
          labelKey: 'need.description',
          hint: true,
          required: true,
          max: 3000,
        },
        { name: 'address', type: 'text', labelKey: 'need.address', hint: true, max: 200 },
        { name: 'start', type: 'date', labelKey: 'need.start', hint: true, width: 'medium' },
      ],
    },
    ...health,
  ]);
}

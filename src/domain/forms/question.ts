/** A question to the social service. No personal code needed unless it is about the resident's case. */
import { applicantSection, contactSection, privacySection } from './common-sections.ts';
import type { FormDef } from './types.ts';

const QUESTION_TOPICS = ['benefit', 'service', 'status', 'application', 'other'] as const;

export function questionForm(item?: string): FormDef {
  return {
    id: 'question',
    version: 1,
    ...(item ? { item } : {}),
    signaturesOfAllAdults: false,
    attachments: false,
    sections: [
      applicantSection({ codeRequired: false, address: false }),
      contactSection,
      {
        id: 'question',
        legendKey: 'question',
        fields: [
          {
            name: 'topic',
            type: 'select',
            labelKey: 'question.topic',
            options: QUESTION_TOPICS,
            optionSet: 'topic',
            required: true,
          },
          { name: 'message', type: 'textarea', labelKey: 'question.message', hint: true, required: true, max: 3000 },
        ],
      },
      privacySection,
    ],
  };
}

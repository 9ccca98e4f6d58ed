/** Routing of staff e-mails: the pack's mailboxes by item, then by form, then the default. */
import { describe, expect, it } from 'vitest';
import { staffRecipients } from '#src/server/mail/routing.ts';

const mailboxes = {
  default: 'socialais@novads.lv',
  byForm: { 'social-assistance': 'palidziba@novads.lv', question: 'jautajumi@novads.lv' },
  byItem: { newborn: 'gimenes@novads.lv', 'home-care': 'aprupe@novads.lv' },
};

describe('staff recipients', () => {
  it.each([
    ['municipal-benefit', 'newborn', 'gimenes@novads.lv', 'item mailbox first'],
    ['social-service', 'home-care', 'aprupe@novads.lv', 'item mailbox first'],
    ['social-assistance', 'gmi', 'palidziba@novads.lv', 'no item mailbox: form mailbox'],
    ['question', undefined, 'jautajumi@novads.lv', 'form mailbox'],
    ['municipal-benefit', 'funeral', 'socialais@novads.lv', 'neither: default'],
  ] as const)('%s / %s → %s (%s)', (form, item, expected, _why) => {
    expect(staffRecipients({ mailboxes }, form, item)).toEqual([expected]);
  });
});

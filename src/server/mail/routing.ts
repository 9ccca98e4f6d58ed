/**
 * Who receives an application: the pack's `mailboxes` — by item, then by form, then the default.
 * MAIL_TO_OVERRIDE (staging) is applied by the outbox worker, not here.
 */
import type { FormId } from '#src/domain/schemas/catalogue.ts';
import type { Municipality } from '#src/domain/schemas/municipality.ts';

export function staffRecipients(m: Pick<Municipality, 'mailboxes'>, form: FormId, item?: string): string[] {
  const byItem = item ? m.mailboxes.byItem[item] : undefined;
  return [byItem ?? m.mailboxes.byForm[form] ?? m.mailboxes.default];
}

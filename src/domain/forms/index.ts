/**
 * The four application forms and what every form carries besides its answers. Pure: shared by
 * the pages, the island, the server handler and the e-mail/PDF renderers.
 */
// Type-only imports from the zod schemas: the island must not pull zod into the browser bundle.
import type { CatalogueItem, FormId } from '../schemas/catalogue.ts';
import { municipalBenefitForm } from './municipal-benefit.ts';
import { questionForm } from './question.ts';
import { socialAssistanceForm } from './social-assistance.ts';
import { socialServiceForm } from './social-service.ts';
import type { FormDef } from './types.ts';

export * from './types.ts';

/** The four forms (same list as FORM_IDS in schemas/catalogue.ts; a test keeps them equal). */
export const FORM_IDS = [
  'social-assistance',
  'municipal-benefit',
  'social-service',
  'question',
] as const satisfies readonly FormId[];

/** Forms that need a catalogue item (`?item=` / `"item"`). */
export const ITEM_FORMS: readonly FormId[] = ['municipal-benefit', 'social-service'];

/** Hidden and meta fields every HTML form posts besides the answers. */
export const META = {
  /** Honeypot: hidden from people (CSS + aria-hidden + tabindex −1); bots fill it. */
  honeypot: 'website',
  /** When the form was rendered (ms since epoch), for the minimum fill time. */
  renderedAt: 'renderedAt',
  /** One per form render: a double click or a retried post gives the same reference, not a second application. */
  idempotencyKey: 'idempotencyKey',
  item: 'item',
  /** No-JS "add another household member / income" buttons. */
  action: '_action',
  /** How many rows of each repeated section the no-JS form shows (`rows.members`). */
  rowsPrefix: 'rows.',
} as const;

/** A person cannot read and fill even the shortest form faster than this. */
export const MIN_FILL_MS = 3000;

/** Can this item be applied for with this form? Pack data says so (`application.form`). */
export function itemFitsForm(item: Pick<CatalogueItem, 'kind' | 'application'>, form: FormId): boolean {
  if (item.application.form) return item.application.form === form;
  if (item.application.how === 'none') return false;
  if (form === 'municipal-benefit') return item.kind === 'benefit' && item.application.how === 'apply';
  if (form === 'social-service') return item.kind === 'service';
  return false;
}

/**
 * The definition for a form and (for item-driven forms) the catalogue item.
 * Returns null when an item-driven form has no fitting item.
 */
export function formDefinition(form: FormId, item?: CatalogueItem): FormDef | null {
  switch (form) {
    case 'social-assistance':
      return socialAssistanceForm(item && itemFitsForm(item, form) ? item.id : undefined);
    case 'question':
      return questionForm(item?.id);
    case 'municipal-benefit':
      return item && itemFitsForm(item, form) ? municipalBenefitForm(item) : null;
    case 'social-service':
      return item && itemFitsForm(item, form) ? socialServiceForm(item) : null;
  }
}

export function isFormId(v: unknown): v is FormId {
  return typeof v === 'string' && (FORM_IDS as readonly string[]).includes(v);
}

/**
 * Serializable props for the ApplicationForm island: the form id, the few item facts that choose
 * the sections (so the island rebuilds the same definition without the catalogue), and the
 * translated strings it may show. Server-side only.
 */
import type { TFunction } from 'i18next';
import type { CatalogueItem, FormId } from '#src/domain/schemas/catalogue.ts';
import type { Locale } from '#src/i18n/index.ts';

export type ItemFacts = Pick<CatalogueItem, 'id' | 'kind' | 'situations' | 'eligibility' | 'application'> & {
  amounts: { rule: { type: string } }[];
};

export interface IslandProps {
  form: FormId;
  municipality: string;
  item: ItemFacts | null;
  locale: Locale;
  messages: Record<string, string>;
}

const ERROR_KEYS = [
  'required',
  'requiredChoice',
  'requiredCheckbox',
  'option',
  'single',
  'tooManyRows',
  'text.control',
  'text.tooLong',
  'name.characters',
  'personalCode.format',
  'personalCode.century',
  'personalCode.date',
  'personalCode.checksum',
  'iban.format',
  'iban.length',
  'iban.lengthLv',
  'iban.checksum',
  'phone.format',
  'email.format',
  'money.format',
  'date.format',
  'date.invalid',
  'file.type',
  'file.tooLarge',
  'file.tooMany',
  'file.totalTooLarge',
  'file.empty',
];
const ISLAND_KEYS = ['step', 'next', 'previous', 'clear', 'cleared', 'draftRestored', 'confirmClear', 'fixErrors'];

export function islandProps(
  form: FormId,
  municipality: string,
  item: CatalogueItem | undefined,
  locale: Locale,
  t: TFunction,
): IslandProps {
  const messages: Record<string, string> = {};
  for (const k of ERROR_KEYS) messages[`error.${k}`] = t(`forms:error.${k}`, { name: '{{name}}', max: '{{max}}' });
  for (const k of ISLAND_KEYS) messages[`island.${k}`] = t(`forms:island.${k}`, { n: '{{n}}', total: '{{total}}' });
  messages['errorPrefix'] = t('forms:page.errorPrefix');
  messages['summary.title'] = t('forms:summary.title');
  messages['row.members'] = t('forms:page.row.members', { n: '{{n}}' });
  messages['row.incomes'] = t('forms:page.row.incomes', { n: '{{n}}' });
  return {
    form,
    municipality,
    item: item
      ? {
          id: item.id,
          kind: item.kind,
          situations: item.situations,
          eligibility: item.eligibility,
          application: item.application,
          amounts: item.amounts.map((a) => ({ rule: { type: a.rule.type } })),
        }
      : null,
    locale,
    messages,
  };
}

/**
 * The honest status line of an item: `seed-only YEAR` / `unconfirmed` → "information from
 * YEAR — check with the social service"; `suspended` → since DATE. Current items say nothing loud.
 */
import type { TFunction } from 'i18next';
import type { ItemStatus } from '#src/domain/schemas/index.ts';
import type { Locale } from '#src/i18n/index.ts';
import { endSentence, numericDate } from './dates.ts';

interface StatusView {
  /** Warning text for the page (absent for current/national items). */
  warning?: string;
  /** Short tag for list cards. */
  tag?: string;
  /** Plain line for current/national items. */
  info?: string;
  note?: string;
}

export function statusView(s: ItemStatus, locale: Locale, t: TFunction): StatusView {
  const note = s.note?.[locale];
  switch (s.kind) {
    case 'suspended':
      return {
        warning: s.since
          ? endSentence(t('catalogue:status.suspended', { date: numericDate(s.since, locale) }))
          : t('catalogue:status.suspendedNoDate'),
        tag: t('catalogue:status.tagSuspended'),
        note,
      };
    case 'seed-only':
    case 'unconfirmed':
      return {
        warning: s.year ? t('catalogue:status.outdated', { year: s.year }) : t('catalogue:status.unconfirmed'),
        tag: t('catalogue:status.tagOutdated'),
        note,
      };
    case 'national':
      return { info: t('catalogue:status.national'), note };
    case 'current':
      return { note };
  }
}

/**
 * A source reference as a resident can read it: `S59` → title + link from sources.yaml;
 * a seed alias (`DAU18 §5`, `BAU16 benefit 5`) → the document named in words (seeds are
 * internal documents without a public address).
 */
import type { TFunction } from 'i18next';
import type { Sources } from '#src/domain/schemas/index.ts';
import type { Locale } from '#src/i18n/index.ts';

interface SourceView {
  key: string;
  title: string;
  url?: string;
  note?: string;
}

function seedPart(rest: string, t: TFunction): string {
  return rest
    .replace(/\bbenefit (\d+)/g, (_, n: string) => t('catalogue:source.benefit', { n }))
    .replace(/\bservice (\d+)/g, (_, n: string) => t('catalogue:source.service', { n }))
    .replace(/\bitems? (\d+)/g, (_, n: string) => t('catalogue:source.item', { n }))
    .replace(/\band\b/g, t('catalogue:source.and'))
    .replace(/\brow (\d+)/g, (_, n: string) => t('catalogue:source.item', { n }));
}

/** `locale` picks the register title of the page's language; `t` names seeds in that language. */
export function sourceView(ref: string, sources: Sources, locale: Locale, t: TFunction): SourceView {
  const [alias = ref, ...rest] = ref.split(/\s+/);
  const s = sources[alias];
  if (s) return { key: ref, title: s.title[locale], url: s.url };
  const part = seedPart(rest.join(' '), t);
  const name = t(`catalogue:source.seed.${alias}`);
  return { key: ref, title: part ? `${name}, ${part}` : name, note: t('catalogue:source.seedNote') };
}

/** Unique references in order of first use. */
export function uniqueRefs(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

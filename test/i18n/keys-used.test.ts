/**
 * Every key the catalogue pages ask for exists: literal keys in the source, and the keys built
 * from closed vocabularies (situations, groups, periods, channels, statuses…).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIFE_SITUATIONS, TARGET_GROUPS, amountPeriodSchema, CHANNELS } from '#src/domain/schemas/index.ts';

const root = join(import.meta.dirname, '../..');
const dict = (lang: string, ns: string) =>
  JSON.parse(readFileSync(join(root, 'locales', lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
function has(lang: string, full: string): boolean {
  const [ns, key] = full.split(':') as [string, string];
  let node: unknown = dict(lang, ns);
  for (const part of key.split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node === 'string') return true;
  // plural: key_one etc. on the parent
  const parent = key
    .split('.')
    .slice(0, -1)
    .reduce<unknown>(
      (n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined),
      dict(lang, ns),
    );
  const last = key.split('.').pop()!;
  return !!parent && typeof parent === 'object' && Object.keys(parent).some((k) => k.startsWith(`${last}_`));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.(astro|ts|tsx)$/.test(p) ? [p] : [];
  });
}
const MINE = [
  'src/layouts',
  'src/components/catalogue',
  'src/components/SiteHeader.astro',
  'src/components/SiteFooter.astro',
  'src/components/Breadcrumbs.astro',
  'src/components/RussianNotice.astro',
  'src/pages/index.astro',
  'src/pages/404.astro',
  'src/pages/[locale]/index.astro',
  'src/pages/[locale]/pieejamiba.astro',
  'src/pages/[locale]/[municipality]',
];
const files = MINE.flatMap((p) => {
  const abs = join(root, p);
  return statSync(abs).isDirectory() ? walk(abs).filter((f) => !/\/(novertejums|pieteikums)\//.test(f)) : [abs];
});

describe('i18n keys used by the catalogue pages', () => {
  it('literal keys exist in lv and ru', () => {
    const missing: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'((?:common|catalogue|pages):[\w.-]+)'/g))
        for (const lang of ['lv', 'ru'])
          if (!has(lang, m[1]!)) missing.push(`${lang} ${m[1]} (${f.slice(root.length + 1)})`);
    }
    expect(missing).toEqual([]);
  });

  it('keys built from the vocabularies exist in lv and ru', () => {
    const keys = [
      ...LIFE_SITUATIONS.flatMap((s) => [`catalogue:situation.${s}.name`, `catalogue:situation.${s}.description`]),
      ...TARGET_GROUPS.map((g) => `catalogue:group.${g}`),
      ...amountPeriodSchema.options.map((p) => `catalogue:amount.per.${p}`),
      ...['amount', 'amountNoPhone', 'limit', 'limitNoPhone'].map((k) => `catalogue:ask.${k}`),
      ...['housing-benefit', 'gmi'].map((f) => `catalogue:today.example.${f}`),
      ...['needy', 'low-income'].map((s) => `catalogue:today.whoSets.${s}`),
      ...CHANNELS.map((c) => `catalogue:channel.${c}`),
      ...['apply', 'social-worker', 'provider', 'none'].map((h) => `catalogue:apply.how.${h}`),
      ...['gmi', 'housing-benefit'].map((f) => `catalogue:amount.formula.${f}`),
      ...['benefit', 'service', 'status'].map((k) => `catalogue:kind.${k}`),
      ...['REZ10', 'BAU16', 'RN17', 'RN18', 'DAU18'].map((s) => `catalogue:source.seed.${s}`),
      ...['lv', 'ru'].flatMap((l) => [`common:languageSwitch.${l}`, `common:languageSwitch.switchTo_${l}`]),
    ];
    const missing = keys.flatMap((k) => ['lv', 'ru'].filter((lang) => !has(lang, k)).map((lang) => `${lang} ${k}`));
    expect(missing).toEqual([]);
  });
});

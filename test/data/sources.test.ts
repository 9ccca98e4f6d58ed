import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isHomePageUrl, sourceSchema, sourcesSchema } from '#src/domain/schemas/index.ts';
import { catalogue } from '#src/data/index.ts';

type RawSource = { title: { lv?: unknown; ru?: unknown } | string; url?: string };
const raw = parse(readFileSync(new URL('../../src/data/sources.yaml', import.meta.url), 'utf8')) as Record<
  string,
  RawSource
>;
const title = { lv: 'socd.lv, lapa', ru: 'socd.lv, страница' };

/** Common English words that must not reach a resident's page (whole words, any case). */
const ENGLISH =
  /(?<![\p{L}\d_])(article|articles|page|pages|news|service|services|updated|report|benefit|benefits|regulation|regulations|annotation|version|english|russian|latvian|statement|template|on the|of the|and|in)(?![\p{L}\d_])/iu;

/** Host names and addresses (anything with a dot or a slash between letters) are not words to check. */
function withoutAddresses(text: string): string {
  return text.replace(/\S*[\p{L}\d][./][\p{L}\d]\S*/gu, ' ');
}

function englishIn(text: string): string | undefined {
  return ENGLISH.exec(withoutAddresses(text))?.[0];
}

describe('source register', () => {
  it('refuses a URL that is a home page', () => {
    for (const url of [
      'https://press.lv',
      'https://press.lv/',
      'https://rezeknesnovads.lv/en',
      'https://old.daugavpils.lv/ru/',
    ]) {
      expect(isHomePageUrl(url), url).toBe(true);
      expect(sourceSchema.safeParse({ title, url }).success, url).toBe(false);
    }
  });

  it('accepts a URL with a path or a query', () => {
    for (const url of [
      'https://socd.lv/?page_id=3212',
      'https://likumi.lv/ta/id/346210',
      'https://latvija.gov.lv/Services/11809',
      'https://lm.gov.lv/lv/gmi-pabalsts',
    ]) {
      expect(isHomePageUrl(url), url).toBe(false);
      expect(sourceSchema.safeParse({ title, url }).success, url).toBe(true);
    }
  });

  it('the register validates and no entry links a home page', () => {
    expect(sourcesSchema.safeParse(raw).success).toBe(true);
    const home = Object.entries(raw).filter(([, s]) => s.url !== undefined && isHomePageUrl(s.url));
    expect(home).toEqual([]);
    expect(Object.keys(catalogue.sources).length).toBe(Object.keys(raw).length);
  });

  it('a title is required in Latvian and in Russian', () => {
    expect(sourceSchema.safeParse({ title: 'socd.lv, lapa' }).success).toBe(false);
    expect(sourceSchema.safeParse({ title: { lv: 'socd.lv, lapa' } }).success).toBe(false);
    expect(sourceSchema.safeParse({ title: { lv: 'socd.lv, lapa', ru: ' ' } }).success).toBe(false);
    expect(sourceSchema.safeParse({ about: 'x' }).success).toBe(false);
    const missing = Object.entries(raw).filter(
      ([, s]) =>
        typeof s.title !== 'object' ||
        typeof s.title.lv !== 'string' ||
        typeof s.title.ru !== 'string' ||
        !s.title.lv.trim() ||
        !s.title.ru.trim(),
    );
    expect(missing.map(([k]) => k)).toEqual([]);
  });

  it('the English-word check flags English and leaves addresses and Latvian or Russian alone', () => {
    expect(englishIn('jauns.lv, article 696778, 18.02.2026')).toBe('article');
    expect(englishIn('jekabpils.lv, needy / low-income status page')).toBe('page');
    expect(englishIn('latvija.gov.lv/Services/11809 (Riga GMI service, updated 15.07.2025)')).toBe('service');
    expect(englishIn('bb.lv and press.lv')).toBe('and');
    expect(englishIn('socd.lv/?page_id=4239')).toBeUndefined();
    expect(englishIn('livani.lv/page/470')).toBeUndefined();
    expect(englishIn('likumi.lv/ta/en/en/id/316109')).toBeUndefined();
    expect(englishIn('socd.lv/ru-o-nas-socialnie-uslugi-10, страница о социальных услугах')).toBeUndefined();
    expect(englishIn('jauns.lv, raksts Nr. 696778, 18.02.2026.')).toBeUndefined();
  });

  it('no title has English words: residents read Latvian or Russian only', () => {
    const english = Object.entries(catalogue.sources).flatMap(([k, s]) =>
      (['lv', 'ru'] as const).flatMap((l) => {
        const w = englishIn(s.title[l]);
        return w ? [`${k}.${l}: "${w}" in ${s.title[l]}`] : [];
      }),
    );
    expect(english).toEqual([]);
  });

  it('titles use the quotation marks of their language and Russian writes е, not ё', () => {
    const wrong = Object.entries(catalogue.sources).flatMap(([k, s]) => [
      ...(/["“«»]/.test(s.title.lv) ? [`${k}.lv: ${s.title.lv}`] : []),
      ...(/["„“”ёЁ]/.test(s.title.ru) ? [`${k}.ru: ${s.title.ru}`] : []),
      ...(/GMI|малоимущ/iu.test(s.title.ru) ? [`${k}.ru: ${s.title.ru}`] : []),
    ]);
    expect(wrong).toEqual([]);
  });

  it('an entry without a URL is a citation, not a bare host name', () => {
    const bare = Object.entries(catalogue.sources).flatMap(([k, s]) =>
      s.url === undefined
        ? (['lv', 'ru'] as const).filter((l) => /^[\w.-]+\.[a-z]{2,}$/i.test(s.title[l].trim())).map((l) => `${k}.${l}`)
        : [],
    );
    expect(bare).toEqual([]);
  });
});

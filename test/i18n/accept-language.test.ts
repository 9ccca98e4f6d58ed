import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageLocale, preferredLanguages, rootRedirect } from '#src/i18n/accept-language.ts';
import type { Locale } from '#src/i18n/index.ts';

describe('preferred languages', () => {
  it.each<[string | null | undefined, string[]]>([
    ['en;q=0.1, ru-LV, lv;q=0.5, *', ['ru', 'lv', 'en']],
    ['ru-RU,ru;q=0.9,lv;q=0.8', ['ru', 'ru', 'lv']],
    ['LV-lv , RU', ['lv', 'ru']],
    ['lv;q=0.5, ru;q=0.5', ['lv', 'ru']],
    ['ru;q=0, lv', ['lv']],
    ['ru;q=abc, lv;q=0.2', ['lv']],
    ['*', []],
    [',,;q=1, ;', []],
    ['', []],
    [null, []],
    [undefined, []],
  ])('%j → %j', (header, expected) => {
    expect(preferredLanguages(header)).toEqual(expected);
  });
});

describe('"/" language choice', () => {
  it.each<[string, Locale[], Locale | undefined]>([
    ['lv-LV,lv;q=0.9,ru;q=0.8', ['lv', 'ru'], 'lv'],
    ['ru-RU,ru;q=0.9,lv;q=0.8', ['lv', 'ru'], undefined],
    ['ru;q=0.5,lv;q=0.9', ['lv', 'ru'], 'lv'],
    ['en-GB,en;q=0.9', ['lv', 'ru'], undefined],
    ['en-GB,en;q=0.9,lv;q=0.5', ['lv', 'ru'], 'lv'],
    ['*', ['lv', 'ru'], undefined],
    ['lv;q=nonsense', ['lv', 'ru'], undefined],
    ['', ['lv', 'ru'], undefined],
    ['ru', ['lv'], 'lv'],
  ])('%j with %j → %s', (header, offered, expected) => {
    expect(rootRedirect(header, offered)).toBe(expected);
  });
});

describe('language of API and server error messages', () => {
  it.each<[string | null | undefined, Locale]>([
    ['ru', 'ru'],
    ['RU', 'ru'],
    ['  ru ', 'ru'],
    ['ru-RU,ru;q=0.9', 'ru'],
    ['ru-LV,ru;q=0.9,lv;q=0.8', 'ru'],
    ['ru, *', 'ru'],
    ['lv', 'lv'],
    ['lv-LV,lv;q=0.9,ru;q=0.8', 'lv'],
    ['en-US,en;q=0.9,ru;q=0.8', 'lv'],
    ['*', 'lv'],
    ['*, ru', 'lv'],
    ['rus', 'lv'],
    ['ru_RU', 'lv'],
    [';;;,,,', 'lv'],
    ['', 'lv'],
    [null, 'lv'],
    [undefined, 'lv'],
    // The header's own weights decide, as for "/".
    ['lv;q=0.5, ru', 'ru'],
    ['ru;q=0.1, lv', 'lv'],
  ])('%j → %s', (header, expected) => {
    expect(messageLocale(header)).toBe(expected);
  });
});

describe('one reader of the header', () => {
  const SRC = join(import.meta.dirname, '../../src');
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx|astro)$/.test(f));
  it('every module that reads Accept-Language passes it to src/i18n/accept-language.ts', () => {
    const readers = files.filter((f) =>
      /accept-language['"]\s*\]|get\(\s*['"]accept-language['"]\s*\)/i.test(readFileSync(join(SRC, f), 'utf8')),
    );
    expect(readers.length).toBeGreaterThanOrEqual(3);
    for (const f of readers) {
      const text = readFileSync(join(SRC, f), 'utf8');
      expect(text, f).toMatch(/from '(#src\/i18n|\.\.\/i18n|\.)\/accept-language\.ts'/);
      expect(text, f).not.toMatch(/\/\^\\s\*ru\\b\//);
    }
  });
});

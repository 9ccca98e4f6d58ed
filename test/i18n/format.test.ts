import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyShort, formatDate, tFor, parseLocales } from '../../src/i18n/index.ts';

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money formatting', () => {
  it.each([
    [123456, 'lv', '1 234,56 €'],
    [123456, 'ru', '1 234,56 €'],
    [50000, 'lv', '500,00 €'],
    [0, 'lv', '0,00 €'],
    [8750, 'ru', '87,50 €'],
    [100000000, 'lv', '1 000 000,00 €'],
  ] as const)('%i cents in %s → %s', (cents, locale, expected) => {
    expect(nb(formatMoney(cents, locale))).toBe(expected);
  });
  it('short form drops ,00 for whole euro only', () => {
    expect(nb(formatMoneyShort(50000, 'lv'))).toBe('500 €');
    expect(nb(formatMoneyShort(8750, 'lv'))).toBe('87,50 €');
  });
  it('dates', () => {
    expect(formatDate('2026-03-01', 'lv')).toBe('2026. gada 1. marts');
    expect(formatDate('2026-03-01', 'ru')).toBe('1 марта 2026 г.');
  });
});

describe('i18n', () => {
  it('loads strings per locale', () => {
    expect(tFor('lv')('site.tagline')).toContain('Sociālā');
    expect(tFor('ru')('site.tagline')).toContain('социальной');
  });
  it('LOCALES configuration', () => {
    expect(parseLocales(undefined)).toEqual(['lv', 'ru']);
    expect(parseLocales('lv')).toEqual(['lv']);
    expect(() => parseLocales('ru')).toThrow(/lv/);
    expect(() => parseLocales('lv,en')).toThrow(/en/);
  });
});

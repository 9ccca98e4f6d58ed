import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyShort, formatDate, tFor, parseLocales } from '#src/i18n/index.ts';

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

describe('plural forms (Intl.PluralRules via i18next)', () => {
  // Latvian: zero also covers 10–20, 30, 40…; one covers 1, 21, 31… but not 11.
  it.each([
    [0, '0 pabalstu'],
    [1, '1 pabalsts'],
    [2, '2 pabalsti'],
    [9, '9 pabalsti'],
    [10, '10 pabalstu'],
    [11, '11 pabalstu'],
    [19, '19 pabalstu'],
    [21, '21 pabalsts'],
    [22, '22 pabalsti'],
    [30, '30 pabalstu'],
    [101, '101 pabalsts'],
    [111, '111 pabalstu'],
  ] as const)('lv %i → %s', (count, expected) => {
    expect(tFor('lv')('catalogue:count.benefits', { count })).toBe(expected);
  });
  it.each([
    [0, '0 пособий'],
    [1, '1 пособие'],
    [2, '2 пособия'],
    [4, '4 пособия'],
    [5, '5 пособий'],
    [11, '11 пособий'],
    [12, '12 пособий'],
    [21, '21 пособие'],
    [22, '22 пособия'],
    [25, '25 пособий'],
    [101, '101 пособие'],
    [111, '111 пособий'],
  ] as const)('ru %i → %s', (count, expected) => {
    expect(tFor('ru')('catalogue:count.benefits', { count })).toBe(expected);
  });
  it.each([
    ['lv', 1, '1 pakalpojums'],
    ['lv', 3, '3 pakalpojumi'],
    ['lv', 15, '15 pakalpojumu'],
    ['ru', 1, '1 услуга'],
    ['ru', 3, '3 услуги'],
    ['ru', 15, '15 услуг'],
    ['lv', 5, 'Sociālais dienests sazinās ar jums 5 darbdienu laikā.'],
    ['lv', 1, 'Sociālais dienests sazinās ar jums 1 darbdienas laikā.'],
    ['ru', 1, 'Социальная служба свяжется с вами в течение 1 рабочего дня.'],
    ['ru', 3, 'Социальная служба свяжется с вами в течение 3 рабочих дней.'],
    ['ru', 5, 'Социальная служба свяжется с вами в течение 5 рабочих дней.'],
  ] as const)('%s %i → %s', (locale, count, expected) => {
    const key =
      expected.includes('Soc') || expected.includes('Соц') ? 'pages:howToApply.online2' : 'catalogue:count.services';
    expect(tFor(locale)(key, { count })).toBe(expected);
  });
});

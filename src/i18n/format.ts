/** Money, number and date formatting through Intl for lv-LV / ru-LV. Money is integer cents. */
import type { Locale } from './locales.ts';

/**
 * BCP 47 tags for Intl: Latvia's formats in both languages. Defined here, not in locales.ts, so an
 * island can format money without importing locales.ts → domain/schemas/common.ts → zod (the
 * estimator page's JavaScript budget is 35 KB gzip).
 */
export const INTL_TAG: Record<Locale, string> = { lv: 'lv-LV', ru: 'ru-LV' };

const money = new Map<string, Intl.NumberFormat>();

/** 123456 → "1 234,56 €" (grouping always, also for 4 digits, as Latvian official texts write it). */
export function formatMoney(cents: number, locale: Locale, opts: { whole?: boolean } = {}): string {
  const whole = opts.whole ?? false;
  const key = `${locale}:${whole}`;
  let f = money.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_TAG[locale], {
      style: 'currency',
      currency: 'EUR',
      useGrouping: 'always',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    money.set(key, f);
  }
  return f.format(cents / 100);
}

/** Money without trailing ",00" when whole euro: 50000 → "500 €", 8750 → "87,50 €". */
export function formatMoneyShort(cents: number, locale: Locale): string {
  return formatMoney(cents, locale, { whole: cents % 100 === 0 });
}

export function formatNumber(n: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits, useGrouping: 'always' }).format(n);
}

/** "2026-03-01" → "2026. gada 1. marts" / "1 марта 2026 г." (calendar date, no time zone shift). */
export function formatDate(isoDate: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

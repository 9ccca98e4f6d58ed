/** Reasons and amounts in words for the results (island and no-JS route alike). */
import { formatReasonParams, type Reason } from '#src/domain/engine/reasons.ts';
import type { ItemAmount, Verdict } from '#src/domain/engine/types.ts';
import type { Locale } from '#src/domain/schemas/common.ts';
import { formatDate, formatMoney, INTL_TAG } from '#src/i18n/format.ts';
import type { TinyT } from '#src/i18n/tiny-t.ts';

export function reasonText(t: TinyT, locale: Locale, r: Reason): string {
  const params = formatReasonParams(
    r.params,
    (c) => formatMoney(c, locale),
    (d) => formatDate(d, locale),
  );
  // Coefficients (2.5) with the locale's decimal comma; whole numbers (ages, years) stay as they are.
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'number' && !Number.isInteger(v)) params[k] = new Intl.NumberFormat(INTL_TAG[locale]).format(v);
  return t(`rules:${r.key}`, params);
}

export function amountText(t: TinyT, locale: Locale, a: ItemAmount): string {
  const money = formatMoney(a.cents, locale);
  return t(a.upTo ? 'result.amount.upTo' : 'result.amount.exact', { amount: money, per: t(`result.per.${a.per}`) });
}

/** Verdicts carry a word and a shape, never colour alone. */
export const VERDICT_MARK: Record<Verdict, string> = { likely: '✓', possible: '?', unknown: '…', unlikely: '✗' };
export const VERDICT_TAG: Record<Verdict, string> = {
  likely: 'tag',
  possible: 'tag tag--warning',
  unknown: 'tag tag--grey',
  unlikely: 'tag tag--grey',
};

/**
 * Turns a dated amount rule into words for a page. Money stays integer cents until
 * formatMoney/formatMoneyShort; every figure carries its year, and a figure no published source
 * confirms (derived/unverified) says in one plain sentence whom to ask, with the phone number.
 */
import type { TFunction } from 'i18next';
import type { Amount } from '#src/domain/schemas/index.ts';
import { formatMoneyShort, formatNumber, type Locale } from '#src/i18n/index.ts';
import { endSentence, numericDate } from './dates.ts';

interface AmountView {
  /** The headline figure, e.g. "500 € vienreiz par katru bērnu"; absent when only text says it. */
  figure?: string;
  /** By-children table rows. */
  rows?: { label: string; money: string }[];
  /** Extra lines under a table (each child from N, maximum). */
  extra: string[];
  text: string;
  /** "2026. gada informācija, spēkā no …" */
  meta: string;
  /** Empty for a confirmed figure; else "Ask the social service: <phone>." */
  certainty: string;
  /** true when the resident must check (derived/unverified). */
  check: boolean;
}

/** One plain sentence sending the resident to the social service, with its phone when known. */
export function askSentence(t: TFunction, phone: string | undefined, what: 'amount' | 'limit' = 'amount'): string {
  return t(phone ? `catalogue:ask.${what}` : `catalogue:ask.${what}NoPhone`, { phone });
}

export function amountView(a: Amount, locale: Locale, t: TFunction, phone?: string): AmountView {
  const money = (c: number) => formatMoneyShort(c, locale);
  const r = a.rule;
  const view: AmountView = {
    extra: [],
    text: a.text[locale],
    meta: endSentence(
      a.from && a.to
        ? t('catalogue:amount.period', { from: numericDate(a.from, locale), to: numericDate(a.to, locale) })
        : a.from
          ? t('catalogue:amount.validFrom', { date: numericDate(a.from, locale) })
          : t('catalogue:amount.year', { year: a.year }),
    ),
    certainty: a.certainty === 'verified' ? '' : askSentence(t, phone),
    check: a.certainty !== 'verified',
  };
  switch (r.type) {
    case 'fixed':
    case 'up-to': {
      const per = t(`catalogue:amount.per.${r.per}`);
      const base = t(r.type === 'fixed' ? 'catalogue:amount.fixed' : 'catalogue:amount.upTo', {
        money: money(r.cents),
        per,
      });
      view.figure = r.perChild ? `${base} ${t('catalogue:amount.perChild')}` : base;
      break;
    }
    case 'by-children': {
      view.rows = r.table.map((row) => ({
        label: row.children === 0 ? t('catalogue:amount.byChildren.none') : formatNumber(row.children, locale),
        money: t('catalogue:amount.fixed', { money: money(row.cents), per: t(`catalogue:amount.per.${r.per}`) }),
      }));
      if (r.eachChildFrom)
        view.extra.push(
          t('catalogue:amount.byChildren.eachFrom', {
            count: r.eachChildFrom.children,
            money: money(r.eachChildFrom.cents),
          }),
        );
      if (r.maxCents !== undefined)
        view.extra.push(
          t('catalogue:amount.byChildren.max', { money: money(r.maxCents), per: t(`catalogue:amount.per.${r.per}`) }),
        );
      break;
    }
    case 'percent-of-costs':
      view.figure = t('catalogue:amount.percent', { percent: formatNumber(r.percent, locale) });
      break;
    case 'formula':
      view.figure = t(`catalogue:amount.formula.${r.formula}`);
      break;
    case 'in-kind':
      view.figure = t('catalogue:amount.inKind');
      break;
    case 'described':
      break;
  }
  return view;
}

/** Short figure for list cards: the newest fixed/up-to amount with its year, else nothing. */
export function amountHeadline(
  amounts: Amount[],
  locale: Locale,
  t: TFunction,
): { figure: string; year: number; check: boolean } | undefined {
  const newest = [...amounts].sort((a, b) => b.year - a.year)[0];
  if (!newest || (newest.rule.type !== 'fixed' && newest.rule.type !== 'up-to')) return undefined;
  const v = amountView(newest, locale, t);
  return v.figure ? { figure: v.figure, year: newest.year, check: v.check } : undefined;
}

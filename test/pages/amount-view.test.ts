/** How amounts, statuses and sources read on a page, in both languages (table of cases). */
import { describe, expect, it } from 'vitest';
import { amountView, amountHeadline } from '#src/components/catalogue/amount-view.ts';
import { statusView } from '#src/components/catalogue/status-view.ts';
import { sourceView } from '#src/components/catalogue/source-view.ts';
import { tFor, type Locale } from '#src/i18n/index.ts';
import type { Amount } from '#src/domain/schemas/index.ts';

const nb = (s: string | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');
const amount = (rule: Amount['rule'], certainty: Amount['certainty'] = 'verified', year = 2026): Amount => ({
  year,
  rule,
  certainty,
  sources: ['S59'],
  text: { lv: 'Teksts.', ru: 'Текст.' },
});

describe('amount figures', () => {
  it.each<[string, Locale, Amount['rule'], string | undefined]>([
    [
      'fixed once per child',
      'lv',
      { type: 'fixed', cents: 50000, per: 'once', perChild: true },
      '500 € vienreiz par katru bērnu',
    ],
    [
      'fixed once per child',
      'ru',
      { type: 'fixed', cents: 50000, per: 'once', perChild: true },
      '500 € единовременно на каждого ребенка',
    ],
    ['fixed month with cents', 'lv', { type: 'fixed', cents: 8750, per: 'month', perChild: false }, '87,50 € mēnesī'],
    ['fixed month with cents', 'ru', { type: 'fixed', cents: 8750, per: 'month', perChild: false }, '87,50 € в месяц'],
    ['up to a year', 'lv', { type: 'up-to', cents: 50000, per: 'year', perChild: false }, 'līdz 500 € gadā'],
    ['up to a year', 'ru', { type: 'up-to', cents: 50000, per: 'year', perChild: false }, 'до 500 € в год'],
    ['thousands', 'lv', { type: 'fixed', cents: 144500, per: 'once', perChild: false }, '1 445 € vienreiz'],
    ['per session', 'ru', { type: 'fixed', cents: 700, per: 'session', perChild: false }, '7 € за занятие'],
    ['percent', 'lv', { type: 'percent-of-costs', percent: 100 }, '100 % no izdevumiem'],
    ['percent', 'ru', { type: 'percent-of-costs', percent: 50 }, '50 % расходов'],
    ['formula', 'lv', { type: 'formula', formula: 'gmi' }, 'Aprēķina pēc valsts noteiktas formulas'],
    ['in kind', 'ru', { type: 'in-kind' }, 'Помощь в натуральной форме, а не деньгами'],
    ['described: text only', 'lv', { type: 'described' }, undefined],
  ])('%s (%s)', (_, locale, rule, figure) => {
    expect(nb(amountView(amount(rule), locale, tFor(locale)).figure)).toBe(figure);
  });

  it('by number of children: a table, each child from N, and the maximum', () => {
    const rule: Amount['rule'] = {
      type: 'by-children',
      per: 'month',
      table: [
        { children: 0, cents: 2000 },
        { children: 1, cents: 4300 },
        { children: 2, cents: 5300 },
      ],
      eachChildFrom: { children: 3, cents: 2500 },
      maxCents: 12500,
    };
    const lv = amountView(amount(rule), 'lv', tFor('lv'));
    expect(lv.rows?.map((r) => `${r.label}: ${nb(r.money)}`)).toEqual([
      'Bez bērniem: 20 € mēnesī',
      '1: 43 € mēnesī',
      '2: 53 € mēnesī',
    ]);
    expect(lv.extra.map(nb)).toEqual(['Ja bērnu ir 3 vai vairāk: 25 € par katru bērnu', 'Ne vairāk kā 125 € mēnesī']);
    const ru = amountView(amount(rule), 'ru', tFor('ru'));
    expect(ru.rows?.[0]?.label).toBe('Без детей');
    expect(ru.extra.map(nb)).toEqual(['Если детей 3 или больше: 25 € на каждого ребенка', 'Не более 125 € в месяц']);
  });

  it('every amount says when it applies; an unconfirmed figure sends the resident to the social service by phone', () => {
    const v = amountView(
      {
        ...amount({ type: 'fixed', cents: 3000, per: 'once', perChild: false }, 'unverified', 2017),
        from: '2017-01-01',
      },
      'lv',
      tFor('lv'),
      '654 23700',
    );
    expect(v.meta).toBe('Spēkā no 01.01.2017.');
    expect(v.check).toBe(true);
    expect(v.certainty).toBe('Precīzu summu jautājiet sociālajam dienestam: 654 23700.');
    const period = amountView(
      { ...amount({ type: 'in-kind' }), from: '2026-05-01', to: '2026-12-31' },
      'lv',
      tFor('lv'),
    );
    expect(period.meta).toBe('Spēkā no 01.05.2026. līdz 31.12.2026.');
    const d = amountView(
      amount({ type: 'fixed', cents: 3000, per: 'once', perChild: false }, 'derived'),
      'ru',
      tFor('ru'),
      '+371 64607605',
    );
    expect(d.meta).toBe('Данные 2026 года.');
    expect(d.certainty).toBe('Точную сумму спросите в социальной службе: +371 64607605.');
    expect(
      amountView(amount({ type: 'fixed', cents: 3000, per: 'once', perChild: false }, 'derived'), 'lv', tFor('lv'))
        .certainty,
    ).toBe('Precīzu summu jautājiet sociālajam dienestam.');
    const verified = amountView(amount({ type: 'in-kind' }), 'ru', tFor('ru'), '654 23700');
    expect(verified.check).toBe(false);
    expect(verified.certainty).toBe('');
  });

  it('list headline: newest fixed/up-to figure only', () => {
    const t = tFor('lv');
    const h = amountHeadline(
      [
        amount({ type: 'fixed', cents: 100, per: 'once', perChild: false }, 'verified', 2017),
        amount({ type: 'up-to', cents: 40000, per: 'once', perChild: false }, 'unverified'),
      ],
      'lv',
      t,
    );
    expect({ ...h, figure: nb(h?.figure) }).toEqual({ figure: 'līdz 400 € vienreiz', year: 2026, check: true });
    expect(amountHeadline([amount({ type: 'described' })], 'lv', t)).toBeUndefined();
  });
});

describe('status shown honestly', () => {
  it.each<[string, Locale, Parameters<typeof statusView>[0], string | undefined]>([
    [
      'seed-only with year',
      'lv',
      { kind: 'seed-only', year: 2018, planned: false },
      'Informācija no 2018. gada — pirms pieteikšanās precizējiet sociālajā dienestā.',
    ],
    [
      'seed-only with year',
      'ru',
      { kind: 'seed-only', year: 2018, planned: false },
      'Информация 2018 года — перед тем как обращаться, уточните в социальной службе.',
    ],
    [
      'unconfirmed without year',
      'lv',
      { kind: 'unconfirmed', planned: false },
      'Šī informācija var būt novecojusi. Pirms pieteikšanās jautājiet sociālajam dienestam.',
    ],
    [
      'suspended since',
      'lv',
      { kind: 'suspended', since: '2024-04-25', planned: false },
      'Izmaksa apturēta kopš 25.04.2024.',
    ],
    [
      'suspended since',
      'ru',
      { kind: 'suspended', since: '2024-04-25', planned: false },
      'Выплата приостановлена с 25.04.2024.',
    ],
    ['current', 'lv', { kind: 'current', planned: false }, undefined],
  ])('%s (%s)', (_, locale, status, warning) => {
    expect(statusView(status, locale, tFor(locale)).warning).toBe(warning);
  });
});

describe('sources', () => {
  const sources = {
    S59: {
      title: {
        lv: 'socd.lv, lapa par pabalstu bērna piedzimšanas gadījumā',
        ru: 'socd.lv, страница о пособии при рождении ребенка',
      },
      url: 'https://socd.lv/?page_id=4239',
    },
  };
  it('register entries have a title in the page language and a link; seeds are named in words', () => {
    expect(sourceView('S59', sources, 'lv', tFor('lv'))).toMatchObject({
      title: 'socd.lv, lapa par pabalstu bērna piedzimšanas gadījumā',
      url: 'https://socd.lv/?page_id=4239',
    });
    expect(sourceView('S59', sources, 'ru', tFor('ru'))).toMatchObject({
      title: 'socd.lv, страница о пособии при рождении ребенка',
      url: 'https://socd.lv/?page_id=4239',
    });
    expect(sourceView('DAU18 §5', sources, 'lv', tFor('lv')).title).toBe(
      'Daugavpils pilsētas Sociālā dienesta stratēģija 2018–2023, §5',
    );
    expect(sourceView('BAU16 benefit 5', sources, 'ru', tFor('ru')).title).toBe(
      'Стратегия социальной службы Бауского края на 2016–2020 годы, пособие № 5',
    );
    expect(sourceView('RN18 items 1 and 8', sources, 'lv', tFor('lv')).title).toBe(
      'Rēzeknes novada Sociālā dienesta pārskats par 2018. gadu, punkts 1 un 8',
    );
    expect(sourceView('REZ10', sources, 'lv', tFor('lv')).url).toBeUndefined();
  });
});

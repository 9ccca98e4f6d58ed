/**
 * Item pages of the built portal lead with what is in force on the page's date: who, how much (or
 * the income limit of a status), how to apply. The national formula benefits show a worked example
 * computed by the engine for that date; earlier amounts and sources are collapsed below; every
 * amount names its own sources; unconfirmed figures send the resident to the social service by phone.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { askPhone } from '#src/components/catalogue/item-view.ts';
import { workedExample } from '#src/components/catalogue/worked-example.ts';
import { catalogue } from '#src/data/index.ts';
import { formatMoneyShort, parseLocales, type Locale } from '#src/i18n/index.ts';
import { mainOf, textLines } from '../helpers/page-text.ts';

const client = join(inject('distDir'), 'client');
const LOCALES = parseLocales(process.env.LOCALES);
const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

interface ItemPage {
  url: string;
  locale: Locale;
  municipality: string;
  id: string;
  main: string;
}
const itemPages: ItemPage[] = [];
for (const locale of LOCALES)
  for (const m of catalogue.municipalities)
    for (const kind of ['pabalsti', 'pakalpojumi']) {
      const dir = join(client, locale, m.id, kind);
      if (!existsSync(dir)) continue;
      for (const id of readdirSync(dir)) {
        const file = join(dir, id, 'index.html');
        if (id === 'grupa' || !statSync(join(dir, id)).isDirectory() || !existsSync(file)) continue;
        itemPages.push({
          url: `/${locale}/${m.id}/${kind}/${id}/`,
          locale,
          municipality: m.id,
          id,
          main: mainOf(readFileSync(file, 'utf8')),
        });
      }
    }
const page = (locale: Locale, municipality: string, id: string) =>
  itemPages.find((p) => p.locale === locale && p.municipality === municipality && p.id === id)!;
const todayOf = (p: ItemPage) =>
  p.main.match(/<section class="panel today"[^>]*data-date="(\d{4}-\d{2}-\d{2})"[^>]*>([\s\S]*?)<\/section>/);
const M = (id: string) => catalogue.municipalities.find((m) => m.id === id)!;

const T = {
  lv: {
    who: 'Kas var saņemt',
    amount: 'Cik liels ir atbalsts',
    limit: 'Ienākumu slieksnis',
    apply: 'Kur pieteikties',
    status: 'Statuss',
    earlier: 'Agrākās summas',
    sources: 'Avoti',
  },
  ru: {
    who: 'Кто может получить',
    amount: 'Размер помощи',
    limit: 'Порог дохода',
    apply: 'Куда обращаться',
    status: 'Статус',
    earlier: 'Прежние суммы',
    sources: 'Источники',
  },
} as const;

describe('item pages lead with today', () => {
  it('found the item pages', () => {
    expect(itemPages.length).toBeGreaterThan(200);
  });

  it('the first block after the summary is "today": who, how much or the income limit, how to apply', () => {
    const problems: string[] = [];
    for (const p of itemPages) {
      const today = todayOf(p);
      if (!today) {
        problems.push(`${p.url}: no today block`);
        continue;
      }
      const before = p.main.slice(0, p.main.indexOf('<section class="panel today"'));
      if (/<h2\b/.test(before)) problems.push(`${p.url}: a section comes before the today block`);
      const h3 = [...today[2]!.matchAll(/<h3\b[^>]*>([\s\S]*?)<\/h3>/g)].map((h) => h[1]!.trim());
      const t = T[p.locale];
      const amountHeading = p.id.endsWith('-status') ? t.limit : t.amount;
      if (JSON.stringify(h3) !== JSON.stringify([t.who, amountHeading, t.apply]))
        problems.push(`${p.url}: today headings ${JSON.stringify(h3)}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)('statuses are labelled as a status with an income limit, not an amount of help (%s)', (locale) => {
    for (const m of catalogue.municipalities)
      for (const id of ['needy-status', 'low-income-status']) {
        const p = page(locale, m.id, id);
        expect(p.main).toContain(`<span class="caption">${T[locale].status}</span>`);
        expect(p.main).toContain(`<h3>${T[locale].limit}</h3>`);
        expect(p.main).not.toContain(`<h3>${T[locale].amount}</h3>`);
        // Not "the same in every municipality" for low-income: each municipality sets that threshold.
        expect(p.main).not.toMatch(/vienāds visās pašvaldībās\.|одинакова во всех самоуправлениях\./);
      }
  });

  it('needy status today: the income limit of the date in figures', () => {
    const lines = textLines(todayOf(page('lv', 'rezekne', 'needy-status'))![2]!).map(nb);
    expect(lines.some((l) => /425 €.*298 €/.test(l))).toBe(true);
  });

  it('GMI says it is only for households with the needy status, linking that page', () => {
    for (const locale of LOCALES) {
      const today = todayOf(page(locale, 'rezekne', 'gmi'))![2]!;
      expect(today).toMatch(new RegExp(`href="/${locale}/rezekne/pabalsti/needy-status/"`));
    }
  });

  it.each([
    ['housing-benefit', 'lv'],
    ['housing-benefit', 'ru'],
    ['gmi', 'lv'],
    ['gmi', 'ru'],
  ] as const)(
    "%s (%s): the worked example is the engine's result for the page date, in every municipality",
    (id, locale) => {
      if (!LOCALES.includes(locale)) return;
      for (const m of catalogue.municipalities) {
        const [, date, html] = todayOf(page(locale, m.id, id))!;
        const ex = workedExample(id, M(m.id), date!);
        expect(ex.amountCents, `${m.id} ${id}`).not.toBeNull();
        const answer = nb(textLines(html!).find((l) => l.startsWith(locale === 'lv' ? 'Piemērs:' : 'Пример:'))!);
        expect(answer).toContain(nb(formatMoneyShort(ex.amountCents!, locale)));
        expect(answer).toContain(nb(formatMoneyShort(ex.incomeCents, locale)));
        // The plain answer comes before any formula text.
        const lines = textLines(html!);
        expect(lines.findIndex((l) => l.startsWith(locale === 'lv' ? 'Piemērs:' : 'Пример:'))).toBeLessThan(
          lines.findIndex((l) => /×|Aprēķina pēc|Рассчитывается по/.test(l)),
        );
      }
    },
  );

  it("housing benefit on 1.3.2026 (temporary coefficient 2,5): the ministry's 267 €; from May: 192 €", () => {
    expect(workedExample('housing-benefit', M('daugavpils'), '2026-03-01').amountCents).toBe(26700);
    expect(workedExample('housing-benefit', M('daugavpils'), '2026-06-01').amountCents).toBe(19200);
    expect(workedExample('gmi', M('daugavpils'), '2026-06-01').amountCents).toBe(8700);
  });

  it('every amount names its own sources; earlier amounts and the sources are collapsed at the bottom', () => {
    const problems: string[] = [];
    for (const p of itemPages) {
      for (const li of p.main.matchAll(/<li class="amount">([\s\S]*?)<\/li>/g))
        if (!/class="meta amount__sources">[^<]*\S[^<]*:/.test(li[1]!))
          problems.push(`${p.url}: an amount without its sources`);
      if (!/<details class="details" id="avoti">[\s\S]*<\/details>\s*$/.test(p.main.trim()))
        problems.push(`${p.url}: sources are not a collapsed block at the end`);
      const earlier = p.main.indexOf('id="agrakas-summas"');
      if (earlier >= 0 && !/<details class="details" id="agrakas-summas">/.test(p.main))
        problems.push(`${p.url}: earlier amounts not collapsed`);
      if (/<details[^>]*\sopen/.test(p.main)) problems.push(`${p.url}: a collapsed block is open`);
    }
    expect(problems).toEqual([]);
  });

  it('unconfirmed figures say whom to ask, with the phone; no "confirmed by a source" wording', () => {
    const housing = textLines(todayOf(page('lv', 'rezekne', 'housing-benefit'))![2]!).join('\n');
    expect(housing).toContain(`Precīzu summu jautājiet sociālajam dienestam: ${askPhone(M('rezekne'))}.`);
    const ru = textLines(todayOf(page('ru', 'daugavpils', 'low-income-status'))![2]!).join('\n');
    expect(ru).toContain(`Точный порог дохода спросите в социальной службе: ${askPhone(M('daugavpils'))}.`);
    const internal = /Apstiprināts avotā|Nav apstiprināts —|Подтверждено источником|Не подтверждено —/;
    expect(itemPages.filter((p) => internal.test(p.main)).map((p) => p.url)).toEqual([]);
  });
});

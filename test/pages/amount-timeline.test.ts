/**
 * What an item page shows first: the amounts in force on the page's date, coming changes, and
 * earlier amounts (collapsed), with the latest known figures when next year's are not published.
 * Also: whom a page sends the resident to, and which items are statuses.
 */
import { describe, expect, it } from 'vitest';
import { amountTimeline } from '#src/components/catalogue/amount-timeline.ts';
import { pageDate } from '#src/components/catalogue/today.ts';
import { todayInLatvia } from '#src/i18n/today-in-latvia.ts';
import { askPhone, lowIncomeThresholdOn, onlyForNeedy, statusOfItem } from '#src/components/catalogue/item-view.ts';
import { catalogue, publishedItemsFor } from '#src/data/index.ts';
import type { Amount } from '#src/domain/schemas/index.ts';

const a = (year: number, from?: string, to?: string, type: 'described' | 'in-kind' = 'described'): Amount => ({
  year,
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
  rule: { type },
  certainty: 'verified',
  sources: ['S1'],
  text: { lv: `${year} ${from ?? ''}`, ru: `${year}` },
});
const label = (xs: Amount[]) => xs.map((x) => `${x.year}${x.from ? `:${x.from}` : ''}`);

describe('amount timeline', () => {
  const housing = [
    a(2024, '2024-01-01', '2024-12-31'),
    a(2025, '2025-01-01', '2025-12-31'),
    a(2026, '2026-01-01', '2026-04-30'),
    a(2026, '2026-05-01', '2026-12-31'),
  ];

  it('the entry covering the date comes first; the rest are earlier, newest first', () => {
    const t = amountTimeline(housing, '2026-03-01');
    expect(label(t.current)).toEqual(['2026:2026-01-01']);
    expect(label(t.earlier)).toEqual(['2025:2025-01-01', '2024:2024-01-01']);
    expect(label(t.upcoming)).toEqual(['2026:2026-05-01']);
    expect(t.latestKnown).toBe(false);
  });

  it('in December the May–December entry is in force and January–April is earlier', () => {
    const t = amountTimeline(housing, '2026-12-03');
    expect(label(t.current)).toEqual(['2026:2026-05-01']);
    expect(label(t.earlier)).toEqual(['2026:2026-01-01', '2025:2025-01-01', '2024:2024-01-01']);
    expect(t.upcoming).toEqual([]);
  });

  it('after the last period: the latest known entries, said so', () => {
    const t = amountTimeline(housing, '2027-01-05');
    expect(label(t.current)).toEqual(['2026:2026-05-01']);
    expect(t.latestKnown).toBe(true);
  });

  it('an undated older figure (a local history line) never replaces the latest dated one', () => {
    const t = amountTimeline([...housing, a(2018)], '2027-01-05');
    expect(label(t.current)).toEqual(['2026:2026-05-01']);
    expect(t.latestKnown).toBe(true);
    expect(label(t.earlier)).toContain('2018');
  });

  it('undated figures: the newest year is in force, older years are earlier', () => {
    const t = amountTimeline([a(2017), a(2026, undefined, undefined, 'in-kind'), a(2026)], '2026-12-03');
    expect(label(t.current)).toEqual(['2026', '2026']);
    expect(label(t.earlier)).toEqual(['2017']);
  });

  it('next year added in advance is shown as a coming change, not as today', () => {
    const t = amountTimeline([...housing, a(2027, '2027-01-01', '2027-12-31')], '2026-12-03');
    expect(label(t.current)).toEqual(['2026:2026-05-01']);
    expect(label(t.upcoming)).toEqual(['2027:2027-01-01']);
  });

  it('no amounts: nothing to show', () => {
    expect(amountTimeline([], '2026-12-03')).toEqual({ current: [], latestKnown: false, upcoming: [], earlier: [] });
  });
});

describe('page date', () => {
  it('ATBALSTS_TODAY sets it; anything but a valid date falls back to today in Latvia', () => {
    expect(pageDate('2027-01-01')).toBe('2027-01-01');
    expect(pageDate('2027-13-45')).toBe(todayInLatvia());
    expect(pageDate('tomorrow')).toBe(todayInLatvia());
    expect(todayInLatvia(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
  });
});

describe('page facts', () => {
  const m = (id: string) => catalogue.municipalities.find((x) => x.id === id)!;

  it('"ask the social service" uses a confirmed number: the service, else the municipality', () => {
    expect(askPhone(m('daugavpils'))).toBe('654 23700');
    // Rēzekne's social-service phones date from 2020 (unconfirmed): the municipality's switchboard.
    expect(askPhone(m('rezekne'))).toBe('+371 64607605');
    expect(askPhone(m('rezeknes-novads'))).toBe('64607194');
  });

  it('needy and low-income status are statuses; GMI is for needy households only', () => {
    const items = publishedItemsFor(catalogue, m('rezekne'));
    const byId = (id: string) => items.find((i) => i.id === id)!;
    expect(statusOfItem(byId('needy-status'))).toBe('needy');
    expect(statusOfItem(byId('low-income-status'))).toBe('low-income');
    expect(statusOfItem(byId('gmi'))).toBeUndefined();
    expect(onlyForNeedy(byId('gmi'))).toBe(true);
    expect(onlyForNeedy(byId('housing-benefit'))).toBe(false);
    expect(onlyForNeedy(byId('needy-status'))).toBe(false);
  });

  it('the low-income threshold of the date, when the pack has one', () => {
    const d = m('daugavpils');
    const limit = lowIncomeThresholdOn(d, '2026-12-03');
    expect(limit && [limit.firstCents, limit.othersCents]).toEqual([68000, 47600]);
    expect(lowIncomeThresholdOn(m('rezekne'), '2026-12-03')).toBeUndefined();
    // Next year, before its figures are published: nothing in force, the latest known on request.
    expect(lowIncomeThresholdOn(d, '2027-01-05')).toBeUndefined();
    expect(lowIncomeThresholdOn(d, '2027-01-05', true)?.to).toBe('2026-12-31');
  });
});

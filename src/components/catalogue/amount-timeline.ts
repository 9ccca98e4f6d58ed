/**
 * Which dated amounts of an item a page shows first: the ones in force on the page's date, then
 * coming changes, then earlier amounts (under a collapsed "Earlier amounts" block). The entry in
 * force is the one the engine would compute with (amountsOn); entries of the same year and kind
 * of date are shown with it (variants for different households, or a plain-text addition).
 * When no entry covers the date (next year's figures are not published yet), the latest known
 * entries are shown and `latestKnown` says so.
 */
import { amountsOn } from '#src/domain/engine/amounts.ts';
import type { Amount } from '#src/domain/schemas/index.ts';

interface AmountTimeline {
  current: Amount[];
  /** true: nothing covers the date; `current` holds the latest known entries instead. */
  latestKnown: boolean;
  upcoming: Amount[];
  earlier: Amount[];
}

const newestFirst = (a: Amount, b: Amount) => b.year - a.year || (b.from ?? '').localeCompare(a.from ?? '');

export function amountTimeline(amounts: readonly Amount[], date: string): AmountTimeline {
  const upcoming = amounts
    .filter((a) => a.from !== undefined && a.from > date)
    .sort((a, b) => a.from!.localeCompare(b.from!));
  const past = amounts.filter((a) => !upcoming.includes(a));
  const { entry } = amountsOn(past, date);
  // The dated entries that ended last: the latest known figures when nothing dated covers the date.
  const lastEnd = past.reduce((m, a) => (a.to && a.to < date && a.to > m ? a.to : m), '');
  const lastEnded = lastEnd ? past.filter((a) => a.to === lastEnd) : [];
  const newerThanEntry = entry && entry.from === undefined && lastEnded.some((a) => a.year > entry.year);
  let current: Amount[];
  let latestKnown = false;
  if (entry && !newerThanEntry) {
    const dated = entry.from !== undefined;
    current = past.filter(
      (a) => a === entry || (a.year === entry.year && (a.from !== undefined) === dated && fits(a, date)),
    );
  } else {
    current = lastEnded;
    latestKnown = current.length > 0;
  }
  return {
    current: [...current].sort(newestFirst),
    latestKnown,
    upcoming,
    earlier: past.filter((a) => !current.includes(a)).sort(newestFirst),
  };
}

function fits(a: Amount, date: string): boolean {
  return (a.from === undefined || a.from <= date) && (a.to === undefined || date <= a.to);
}

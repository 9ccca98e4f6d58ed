/**
 * Small facts a catalogue page needs about an item or a municipality: which phone to send a
 * resident to, whether the item is a status (a gate to other help, with an income limit) rather
 * than a benefit, and which status an item requires.
 */
import type { CatalogueItem, LowIncomeThreshold, Municipality } from '#src/domain/schemas/index.ts';

/**
 * The number a page gives with "ask the social service": the social service's first phone when
 * it is confirmed, else the first phone of a confirmed office (the municipality's switchboard),
 * else the social service's first phone anyway.
 */
export function askPhone(m: Municipality): string | undefined {
  const service = m.socialService.phones[0]?.number;
  if (service && m.socialService.certainty === 'verified') return service;
  const office = m.offices.find((o) => o.certainty === 'verified' && o.phones.length > 0)?.phones[0]?.number;
  return office ?? service;
}

/** Items that are a household status, not a payment: their page shows an income limit. */
const STATUS_ITEMS: Record<string, 'needy' | 'low-income'> = {
  'needy-status': 'needy',
  'low-income-status': 'low-income',
};

export function statusOfItem(item: Pick<CatalogueItem, 'id'>): 'needy' | 'low-income' | undefined {
  return STATUS_ITEMS[item.id];
}

/** The status page id for a status. */
export function statusItemId(status: 'needy' | 'low-income'): string {
  return Object.keys(STATUS_ITEMS).find((id) => STATUS_ITEMS[id] === status)!;
}

/**
 * When the item is only for households with the needy status (its eligibility requires exactly
 * that), the page says so in the first block and links the status page.
 */
export function onlyForNeedy(item: CatalogueItem): boolean {
  if (statusOfItem(item)) return false;
  return (item.eligibility ?? []).some((c) => c.type === 'status' && c.anyOf.length === 1 && c.anyOf[0] === 'needy');
}

/**
 * The municipality's own low-income threshold in force on the date, if it is stored; with
 * `latestKnown`, the one that ended last when none covers the date (next year's not published yet).
 */
export function lowIncomeThresholdOn(
  m: Municipality,
  date: string,
  latestKnown = false,
): LowIncomeThreshold | undefined {
  const inForce = m.lowIncomeThresholds.find((x) => x.from <= date && (x.to === undefined || date <= x.to));
  if (inForce || !latestKnown) return inForce;
  return [...m.lowIncomeThresholds]
    .filter((x) => x.to !== undefined && x.to < date)
    .sort((a, b) => b.to!.localeCompare(a.to!))[0];
}

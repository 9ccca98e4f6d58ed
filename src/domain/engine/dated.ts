/** Picking the dated entry in force on a date. Dates are ISO strings, so string order is date order. */

interface InForce<T> {
  entry: T;
  /** The date is after the last entry's `to`: the latest values are used, not confirmed for this date. */
  extrapolated: boolean;
}

export function inForce<T extends { from: string; to?: string | undefined }>(
  entries: readonly T[],
  date: string,
): InForce<T> | null {
  let latest: T | null = null;
  for (const e of entries) {
    if (e.from <= date && (e.to === undefined || date <= e.to)) return { entry: e, extrapolated: false };
    if (!latest || e.from > latest.from) latest = e;
  }
  // Never silently extrapolate: the caller marks the result provisional.
  if (latest && latest.to !== undefined && date > latest.to) return { entry: latest, extrapolated: true };
  return null;
}

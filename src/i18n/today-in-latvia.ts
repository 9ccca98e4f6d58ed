/**
 * Today's date in Latvia, as YYYY-MM-DD. The rules engine has no clock: its callers (the
 * estimator island, the no-JS estimator route, the build of the catalogue pages) pass the date,
 * and the law changes on Latvian calendar dates, so "today" is the date in Europe/Riga, not the
 * device's, the server's or the build machine's zone.
 */
export function todayInLatvia(now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Riga',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

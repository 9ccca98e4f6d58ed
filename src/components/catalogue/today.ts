/**
 * The date the catalogue pages are built for. Pages are static, so "today" is the build date in
 * Latvia (laws change on Latvian calendar dates). ATBALSTS_TODAY=YYYY-MM-DD builds the pages as
 * they will read on another date (e.g. the first of January, to see next year's figures).
 */
import { todayInLatvia } from '#src/i18n/today-in-latvia.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function pageDate(env: string | undefined = process.env.ATBALSTS_TODAY): string {
  if (env && ISO.test(env) && !Number.isNaN(Date.parse(env))) return env;
  return todayInLatvia();
}

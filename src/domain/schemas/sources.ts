/** The source register (src/data/sources.yaml): every public source the data cite as [S#], so pages can cite it. */
import { z } from 'zod';
import { isoDateSchema, localizedTextSchema } from './common.ts';

/**
 * True when a URL names a site's front page rather than a page on it: no path (or only "/",
 * or only a language folder such as "/lv" or "/ru/") and no query. A resident following such a
 * link lands on the home page and cannot find the cited text.
 */
export function isHomePageUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.search !== '') return false;
  return /^\/?([a-z]{2}\/?)?$/i.test(parsed.pathname);
}

const sourceUrlSchema = z.url({ protocol: /^https?$/ }).refine((u) => !isHomePageUrl(u), {
  message:
    'source url must link the exact page, not a home page; without the exact address drop url and cite title, publisher and date in title',
});

export const sourceSchema = z.strictObject({
  /**
   * How a resident recognises the source, in Latvian and Russian (shown on the page of that
   * language): publisher or site, the original article title in quotes when known (kept in its
   * own language), a descriptor and the date. With `url` it is the link text; without `url` it is
   * the full citation, shown as plain text.
   */
  title: localizedTextSchema,
  /** What the source was used for (English, for maintainers; not shown to residents). */
  about: z.string().optional(),
  /** The exact page (a path or a query), never a site's home page. */
  url: sourceUrlSchema.optional(),
  /** Date the page was published or updated, when known. */
  date: isoDateSchema.optional(),
});
export const sourcesSchema = z.record(z.string().regex(/^S\d{1,3}$/), sourceSchema);
export type Sources = z.infer<typeof sourcesSchema>;

/** The source register (src/data/sources.yaml): the reference's [S#] list, so pages can cite. */
import { z } from 'zod';
import { isoDateSchema } from './common.ts';

export const sourceSchema = z.strictObject({
  /** Short title as a resident would recognise it (publisher and page title). */
  title: z.string().min(1),
  /** What the source was used for (English, for maintainers; not shown to residents). */
  about: z.string().optional(),
  url: z.url().optional(),
  /** Date the page was published or updated, when known. */
  date: isoDateSchema.optional(),
});
export const sourcesSchema = z.record(z.string().regex(/^S\d{1,3}$/), sourceSchema);
export type Source = z.infer<typeof sourceSchema>;
export type Sources = z.infer<typeof sourcesSchema>;

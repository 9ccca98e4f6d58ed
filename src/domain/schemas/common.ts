/**
 * Building blocks shared by every data schema: localized text, dates, money, sources.
 * Pure zod: no Astro, Preact or Node imports (see test/architecture.test.ts).
 */
import { z } from 'zod';

/** The locales the portal can offer. Latvian is the base and authoritative language. */
export const LOCALES = ['lv', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Text in both languages. Both are required: a page that exists in Latvian exists in Russian. */
export const localizedTextSchema = z.strictObject({
  lv: z.string().trim().min(1, 'Latvian text is empty'),
  ru: z.string().trim().min(1, 'Russian text is empty'),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Calendar date as written in law and data files: YYYY-MM-DD. */
export const isoDateSchema = z.iso.date();

/** Money is integer euro cents everywhere inside the system. */
export const centsSchema = z.number().int('amount must be whole cents').nonnegative();

/**
 * How sure we are of a figure: `verified` a stored source says it; `derived` worked out from a
 * verified rule (e.g. a percentage of a verified median) but not itself published; `unverified`
 * no stored source confirmed it, so the pages send the resident to the social service.
 */
const certaintySchema = z.enum(['verified', 'derived', 'unverified']);
export type Certainty = z.infer<typeof certaintySchema>;

/**
 * Reference to a source: `S59` = entry of src/data/sources.yaml (the register of sources),
 * or a seed alias with a section, e.g. `DAU18 §5`.
 */
const sourceRefSchema = z
  .string()
  .regex(
    /^(S\d{1,3}|(REZ10|BAU16|RN17|RN18|DAU18)\b.*)$/,
    'source must be S<number> or a seed alias (REZ10, BAU16, RN17, RN18, DAU18)',
  );

/** The sources of a figure or a text: at least one, so that every fact in the data can be checked. */
export const sourceRefsSchema = z.array(sourceRefSchema).min(1);

/** How sure a fact is and where it comes from: spread into the schema of every fact that has a certainty. */
export const sourced = { certainty: certaintySchema, sources: sourceRefsSchema };

export const kebabIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case: lowercase letters, digits and dashes');

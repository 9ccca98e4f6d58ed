/**
 * Dated national parameters of social assistance (src/data/national/parameters.yaml): GMI,
 * needy and maximum low-income thresholds, housing-benefit coefficients, asset limits.
 * A change of law adds an entry; the engine picks the entry in force on the household's date.
 * `status: provisional` marks a figure (or its dates) that no stored source confirms.
 */
import { z } from 'zod';
import { amountRuleSchema } from './catalogue.ts';
import { centsSchema, isoDateSchema, kebabIdSchema, localizedTextSchema, sourceRefsSchema } from './common.ts';

const parameterStatusSchema = z.enum(['verified', 'provisional']);

/** Fields every dated entry has. `to` is inclusive; absent = until changed. */
const dated = {
  from: isoDateSchema,
  to: isoDateSchema.optional(),
  status: parameterStatusSchema,
  sources: sourceRefsSchema,
  /** For maintainers (English): why the figure is what it is, what is unverified. */
  note: z.string().optional(),
};

/** Threshold for the first (or only) person and for each other person, in cents. */
const personPairSchema = z.strictObject({ firstCents: centsSchema, othersCents: centsSchema });
export type PersonPair = z.infer<typeof personPairSchema>;

const thresholdsEntrySchema = z.strictObject({
  ...dated,
  gmi: personPairSchema,
  needy: personPairSchema,
  /** Ceiling of the municipal low-income threshold (80 % of the median). */
  lowIncomeMax: personPairSchema,
});
export type ThresholdsEntry = z.infer<typeof thresholdsEntrySchema>;

const coefficient = z.number().positive().max(10);

const housingCoefficientsEntrySchema = z.strictObject({
  ...dated,
  pensionerOrDisabledAlone: coefficient,
  pensionerOrDisabledOnly: coefficient,
  pensionerOrDisabledWithChildren: coefficient,
  other: coefficient,
  /** A temporary measure (the engine tells the resident until when). */
  temporary: z.boolean().default(false),
});
export type HousingCoefficientsEntry = z.infer<typeof housingCoefficientsEntrySchema>;
export type HousingHouseholdType =
  'pensionerOrDisabledAlone' | 'pensionerOrDisabledOnly' | 'pensionerOrDisabledWithChildren' | 'other';

export const nationalParametersSchema = z.strictObject({
  thresholds: z.array(thresholdsEntrySchema).min(1),
  personCoefficients: z.array(z.strictObject({ ...dated, first: coefficient, others: coefficient })).default([]),
  housingCoefficients: z.array(housingCoefficientsEntrySchema).min(1),
  housingChildrenRule: z
    .array(z.strictObject({ ...dated, childMaxAge: z.number().int().min(0), studentMaxAge: z.number().int().min(0) }))
    .default([]),
  housingRounding: z.array(z.strictObject({ ...dated, rule: z.enum(['floor-euro', 'cents']) })).default([]),
  savingsCap: z.array(z.strictObject({ ...dated, cents: centsSchema })).default([]),
  vehicleLimit: z
    .array(z.strictObject({ ...dated, max: z.number().int().min(0), maxWithChildren: z.number().int().min(0) }))
    .default([]),
  minimumWage: z.array(z.strictObject({ ...dated, cents: centsSchema })).default([]),
  /**
   * Catalogue items whose amounts are these thresholds (not dated: one amount per `thresholds`
   * period is made from it, so a new period appears on the pages with no other change).
   * `{{first}}` / `{{others}}` in the text: the period's euros for the first and each other person.
   */
  thresholdAmounts: z
    .array(
      z.strictObject({
        item: kebabIdSchema,
        threshold: z.enum(['gmi', 'needy', 'lowIncomeMax']),
        rule: amountRuleSchema,
        text: localizedTextSchema,
      }),
    )
    .default([]),
});
export type NationalParameters = z.infer<typeof nationalParametersSchema>;

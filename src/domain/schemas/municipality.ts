/**
 * A municipality pack (src/data/municipalities/<id>.yaml): who the social service is, how to
 * reach it, the low-income threshold it sets, what it offers, and which mailbox gets which
 * application. Adding a municipality is adding a pack: no code.
 */
import { z } from 'zod';
import { centsSchema, isoDateSchema, kebabIdSchema, localizedTextSchema, sourced } from './common.ts';
import { formIdSchema, packItemSchema } from './catalogue.ts';

const phoneSchema = z.strictObject({
  /** As dialled in Latvia, digits and spaces, e.g. "654 23700" or "+371 64607605". */
  number: z.string().regex(/^\+?[0-9 ]{8,16}$/, 'phone must be 8 digits (optionally +371 and spaces)'),
  label: localizedTextSchema.optional(),
  freeLine: z.boolean().default(false),
});

const officeSchema = z.strictObject({
  name: localizedTextSchema,
  address: z.string().min(1).optional(),
  phones: z.array(phoneSchema).default([]),
  email: z.email().optional(),
  hours: localizedTextSchema.optional(),
  note: localizedTextSchema.optional(),
  ...sourced,
});

export const CHANNELS = [
  'in-person',
  'e-address',
  'e-signed-email',
  'latvija-gov-lv',
  'drop-box',
  'post',
  'online-pre-application',
] as const;
const channelSchema = z.enum(CHANNELS);

/** The municipal low-income threshold for a period (≤ 80 % of the median, ≥ needy threshold). */
const lowIncomeThresholdSchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema.optional(),
  firstCents: centsSchema,
  othersCents: centsSchema,
  /** How it is defined, e.g. "80 % of the median, the legal maximum". */
  rule: localizedTextSchema.optional(),
  ...sourced,
});
export type LowIncomeThreshold = z.infer<typeof lowIncomeThresholdSchema>;

const mailboxSchema = z.email();

export const municipalitySchema = z.strictObject({
  id: kebabIdSchema,
  /** Prefix of application reference numbers, e.g. DAU-2026-7KQ4M. */
  referencePrefix: z.string().regex(/^[A-Z]{3}$/, 'referencePrefix must be three capital letters'),
  name: localizedTextSchema,
  kind: z.enum(['state-city', 'county']),
  socialService: officeSchema,
  /** Other offices: departments, parish units. */
  offices: z.array(officeSchema).default([]),
  channels: z.array(channelSchema).min(1),
  /** Where a decision is contested first (then the Administrative District Court). */
  appealBody: localizedTextSchema,
  /** Staff promise: they contact an online applicant within this many working days. */
  contactWithinWorkingDays: z.number().int().min(1).max(20),
  bindingRegulations: z
    .array(
      z.strictObject({
        /** The Latvian title as published (Latvian is the legal language). */
        title: z.string().min(1),
        number: z.string().optional(),
        date: isoDateSchema.optional(),
        note: localizedTextSchema.optional(),
        ...sourced,
      }),
    )
    .default([]),
  /** Dated thresholds; empty when the municipality's figure is not known (the estimator then says so). */
  lowIncomeThresholds: z.array(lowIncomeThresholdSchema).default([]),
  lowIncomeNote: localizedTextSchema.optional(),
  /**
   * Who receives which application. `default` is required; `byForm` and `byItem` (item id)
   * route more precisely. Deployments override these with real mailboxes.
   */
  mailboxes: z.strictObject({
    default: mailboxSchema,
    byForm: z.partialRecord(formIdSchema, mailboxSchema).default({}),
    byItem: z.record(kebabIdSchema, mailboxSchema).default({}),
  }),
  items: z.array(packItemSchema).min(1),
});
export type Municipality = z.infer<typeof municipalitySchema>;

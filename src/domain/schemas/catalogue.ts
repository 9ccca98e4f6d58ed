/**
 * Catalogue items: one benefit (pabalsts) or social service (sociālais pakalpojums).
 * The same `id` names the item in every municipality and is its URL slug.
 * Eligibility is a list of conditions from a small closed vocabulary that the rules engine
 * interprets: a benefit's definition is data, never code with its own `if`s.
 */
import { z } from 'zod';
import { centsSchema, isoDateSchema, kebabIdSchema, localizedTextSchema, sourced, sourceRefsSchema } from './common.ts';
import { HOUSEHOLD_SITUATIONS, LIFE_SITUATIONS, TARGET_GROUPS } from './vocabulary.ts';

export { HOUSEHOLD_SITUATIONS, LIFE_SITUATIONS, TARGET_GROUPS };

const lifeSituationSchema = z.enum(LIFE_SITUATIONS);
export type LifeSituation = z.infer<typeof lifeSituationSchema>;

const targetGroupSchema = z.enum(TARGET_GROUPS);
export type TargetGroup = z.infer<typeof targetGroupSchema>;

export const householdSituationSchema = z.enum(HOUSEHOLD_SITUATIONS);
export type HouseholdSituation = z.infer<typeof householdSituationSchema>;

export const disabilityGroupSchema = z.enum(['I', 'II', 'III']);
export type DisabilityGroup = z.infer<typeof disabilityGroupSchema>;

/** What the social worker must assess; makes a verdict at best `possible`. */
export const ASSESSMENTS = [
  'functional-capacity',
  'declared-residence',
  'social-worker-opinion',
  'orphans-court',
  'medical-opinion',
  'study-results',
  'costs-documents',
  'not-stored',
] as const;
const assessmentSchema = z.enum(ASSESSMENTS);

/** The closed condition vocabulary. Each type is one entry in the engine, with a reason key. */
/** Conditions that test one fact. */
const simpleConditions = [
  /** Household status computed by the engine from income and the thresholds. */
  z.strictObject({ type: z.literal('status'), anyOf: z.array(z.enum(['needy', 'low-income'])).min(1) }),
  /** Someone in the household is aged min..max years inclusive (either bound optional). */
  z.strictObject({
    type: z.literal('member-aged'),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
    /** `child`: the member must be under 18; `pupil`: attends school (age 5–20 or student flag). */
    who: z.enum(['anyone', 'child', 'pupil']).default('anyone'),
  }),
  /** Someone turns one of these ages (jubilee benefits). */
  z.strictObject({ type: z.literal('member-age-in'), ages: z.array(z.number().int().positive()).min(1) }),
  /** Someone has a disability group (any of `groups`, all groups when omitted). */
  z.strictObject({
    type: z.literal('disability'),
    groups: z.array(disabilityGroupSchema).min(1).optional(),
    who: z.enum(['anyone', 'child', 'adult']).default('anyone'),
  }),
  /** Household composition. */
  z.strictObject({
    type: z.literal('household'),
    is: z.enum([
      'lives-alone',
      'pensioner-or-disabled-only',
      'pensioner-or-disabled-alone',
      'large-family',
      'has-pensioner',
    ]),
  }),
  /** A yes/no situation the resident states. */
  z.strictObject({ type: z.literal('situation'), situation: householdSituationSchema }),
  /** Counted household income per member per month at most this (inclusive). */
  z.strictObject({ type: z.literal('income-per-member-at-most'), cents: centsSchema }),
  /** Depends on something only the social service can check: best verdict is `possible`. */
  z.strictObject({ type: z.literal('assessment'), about: assessmentSchema }),
] as const;

/** One fact-testing condition (the members of an `any-of`). */
const simpleConditionSchema = z.discriminatedUnion('type', [...simpleConditions]);
export type SimpleCondition = z.infer<typeof simpleConditionSchema>;

/**
 * All conditions of an item must hold. `any-of` holds when at least one of its conditions does
 * (e.g. Bauska school meals: large family OR needy/low-income OR a child with disability).
 */
const conditionSchema = z.discriminatedUnion('type', [
  ...simpleConditions,
  z.strictObject({ type: z.literal('any-of'), conditions: z.array(simpleConditionSchema).min(2) }),
]);
export type Condition = z.infer<typeof conditionSchema>;

export const amountPeriodSchema = z.enum([
  'once',
  'month',
  'year',
  'quarter',
  'day',
  'session',
  'donation',
  'hour',
  'five-years',
]);
export type AmountPeriod = z.infer<typeof amountPeriodSchema>;

/** How an amount is determined. Money in integer cents. */
export const amountRuleSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('fixed'),
    cents: centsSchema,
    per: amountPeriodSchema,
    perChild: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal('up-to'),
    cents: centsSchema,
    per: amountPeriodSchema,
    perChild: z.boolean().default(false),
  }),
  /** Amount by number of children, e.g. Daugavpils heating: 0 → 20 €, 1 → 43 €, 2 → 53 €, 3+ → 25 € each, max 125 €. */
  z.strictObject({
    type: z.literal('by-children'),
    per: amountPeriodSchema,
    table: z.array(z.strictObject({ children: z.number().int().min(0), cents: centsSchema })).min(1),
    eachChildFrom: z.strictObject({ children: z.number().int().min(1), cents: centsSchema }).optional(),
    maxCents: centsSchema.optional(),
  }),
  z.strictObject({ type: z.literal('percent-of-costs'), percent: z.number().positive().max(100) }),
  /** A national formula computed by the engine (GMI, housing benefit). */
  z.strictObject({ type: z.literal('formula'), formula: z.enum(['gmi', 'housing-benefit']) }),
  /** Given in kind (gifts, food, a place, hours of care): shown as text only. */
  z.strictObject({ type: z.literal('in-kind') }),
  /**
   * The amount is only described in `text`: not stored, a historical figure in lats, a fee the
   * resident pays, a count of recipients. The engine never computes with it.
   */
  z.strictObject({ type: z.literal('described') }),
]);

/** One dated amount. A change adds an entry; history is never edited. */
const amountSchema = z.strictObject({
  /** The year the figure dates from (shown to residents: "2017 figure"). */
  year: z.number().int().min(1990).max(2100),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  rule: amountRuleSchema,
  /** Plain-language statement of the amount, shown on the page next to the formatted figure. */
  text: localizedTextSchema,
  ...sourced,
});
export type Amount = z.infer<typeof amountSchema>;

const itemStatusSchema = z.strictObject({
  kind: z.enum(['current', 'seed-only', 'unconfirmed', 'suspended', 'national']),
  /** For seed-only / unconfirmed: the year the newest evidence dates from. */
  year: z.number().int().min(1990).max(2100).optional(),
  /** Only planned in a seed (not shown until a source shows it running). */
  planned: z.boolean().default(false),
  /** For suspended: since when. */
  since: isoDateSchema.optional(),
  note: localizedTextSchema.optional(),
});
export type ItemStatus = z.infer<typeof itemStatusSchema>;

/**
 * A fact from the sources that is not help a resident can get today: an old fee in lats, a count
 * of recipients from an annual report, another municipality's practice, what a source does or
 * does not record. Kept in the data for the people who maintain it (where a figure came from); never rendered on a
 * page (test/pages/internal-phrases.test.ts).
 */
const historyNoteSchema = z.strictObject({
  /** The year the fact dates from, when known. */
  year: z.number().int().min(1990).max(2100).optional(),
  text: localizedTextSchema,
  sources: sourceRefsSchema,
});

export const FORM_IDS = ['social-assistance', 'municipal-benefit', 'social-service', 'question'] as const;
export const formIdSchema = z.enum(FORM_IDS);
export type FormId = z.infer<typeof formIdSchema>;

const applicationSchema = z.strictObject({
  /**
   * apply: a written application to the social service (online pre-application possible);
   * social-worker: ask a social worker, who assesses and refers; provider: apply at the provider;
   * none: no application needed (granted automatically or handed out).
   */
  how: z.enum(['apply', 'social-worker', 'provider', 'none']),
  form: formIdSchema.optional(),
  deadline: localizedTextSchema.optional(),
});

const itemFields = {
  id: kebabIdSchema,
  kind: z.enum(['benefit', 'service']),
  name: localizedTextSchema,
  /** One or two plain sentences: what it is and what it gives. */
  summary: localizedTextSchema,
  who: localizedTextSchema,
  amounts: z.array(amountSchema).default([]),
  conditions: z.array(localizedTextSchema).default([]),
  documents: z.array(localizedTextSchema).default([]),
  situations: z.array(lifeSituationSchema).min(1),
  targetGroups: z.array(targetGroupSchema).min(1),
  /** For the estimator. Absent: the estimator does not give a verdict (services are suggested by situations). */
  eligibility: z.array(conditionSchema).optional(),
  application: applicationSchema,
  legalBasis: localizedTextSchema.optional(),
  status: itemStatusSchema,
  sources: sourceRefsSchema,
  /** Provenance and past facts, not resident prose (see historyNoteSchema). */
  history: z.array(historyNoteSchema).default([]),
};

/** A national item (state rules, same everywhere): src/data/national/catalogue.yaml. */
export const nationalItemSchema = z.strictObject({ ...itemFields, scope: z.literal('national') });
export type NationalItem = z.infer<typeof nationalItemSchema>;

/** A municipal item, complete in itself. */
export const municipalItemSchema = z.strictObject({ ...itemFields, scope: z.literal('municipal') });
type MunicipalItem = z.infer<typeof municipalItemSchema>;

/**
 * Local details for a national item (a `national` row in a municipal table): local figures,
 * local name, local route. Merged over the national item: lists are appended, scalars replace.
 */
const localOverlaySchema = z.strictObject({
  scope: z.literal('local'),
  id: kebabIdSchema,
  name: localizedTextSchema.optional(),
  summary: localizedTextSchema.optional(),
  who: localizedTextSchema.optional(),
  amounts: z.array(amountSchema).default([]),
  conditions: z.array(localizedTextSchema).default([]),
  documents: z.array(localizedTextSchema).default([]),
  eligibility: z.array(conditionSchema).optional(),
  application: applicationSchema.optional(),
  status: itemStatusSchema.optional(),
  sources: sourceRefsSchema,
  history: z.array(historyNoteSchema).default([]),
});

export const packItemSchema = z.discriminatedUnion('scope', [municipalItemSchema, localOverlaySchema]);
export type PackItem = z.infer<typeof packItemSchema>;

/** A catalogue item as a page shows it: national + local overlay merged, or municipal. */
export type CatalogueItem = Omit<MunicipalItem, 'scope'> & { scope: 'national' | 'municipal'; localized: boolean };

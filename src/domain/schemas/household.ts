/**
 * The household a resident (or the CLI) describes to the estimator. Input is in euros as people
 * write them; `parseHousehold` converts to integer cents once, here at the boundary, and returns
 * errors as `{ path, key }` (key = i18n key in the `rules` namespace, e.g. `household.error.negative`).
 * A field left out means "not answered": the engine then answers `unknown` where it matters.
 */
import { z } from 'zod';
import { isoDateSchema, kebabIdSchema } from './common.ts';
import {
  disabilityGroupSchema,
  householdSituationSchema,
  type DisabilityGroup,
  type HouseholdSituation,
} from './catalogue.ts';
import { INCOME_TYPES } from './vocabulary.ts';

/** Income types (plain list in vocabulary.ts, shared with the forms without zod). */
export { INCOME_TYPES };
const incomeTypeSchema = z.enum(INCOME_TYPES);
export type IncomeType = z.infer<typeof incomeTypeSchema>;

const RELATIONS = ['applicant', 'partner', 'child', 'parent', 'grandchild', 'other'] as const;
const HEATING_TYPES = ['district', 'stove', 'other'] as const;

/** Earliest date the parameters cover (fixed thresholds from 1.1.2021). */
const EARLIEST_DATE = '2021-01-01';

/** Euros with at most two decimals, not negative. */
const euros = z
  .number()
  .refine((n) => Number.isFinite(n), 'household.error.number')
  .refine((n) => n >= 0, 'household.error.negative')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'household.error.cents')
  .refine((n) => n <= 1_000_000, 'household.error.tooLarge');

const incomeInputSchema = z.strictObject({ type: incomeTypeSchema, monthly: euros });

const memberInputSchema = z.strictObject({
  age: z.number().int('household.error.wholeNumber').min(0, 'household.error.negative').max(120, 'household.error.age'),
  pensioner: z.boolean().default(false),
  /** null = no disability group; left out = not answered. */
  disability: z.union([disabilityGroupSchema, z.null()]).optional(),
  student: z.boolean().default(false),
  relation: z.enum(RELATIONS).optional(),
  /** Needs help with daily care at home (suggests home care; the social worker assesses). */
  needsCare: z.boolean().optional(),
  /** Left out = not answered; [] = no income. */
  incomes: z.array(incomeInputSchema).max(20, 'household.error.tooMany').optional(),
});

export const householdInputSchema = z.strictObject({
  date: isoDateSchema.refine((d) => d >= EARLIEST_DATE, 'household.error.dateTooEarly'),
  municipality: kebabIdSchema,
  members: z.array(memberInputSchema).min(1, 'household.error.noMembers').max(20, 'household.error.tooMany'),
  housing: z
    .strictObject({
      costsMonthly: euros.nullable().optional(),
      heating: z.enum(HEATING_TYPES).nullable().optional(),
    })
    .default({}),
  assets: z
    .strictObject({
      savings: euros.nullable().optional(),
      realEstateValue: euros.nullable().optional(),
      otherRealEstate: z.boolean().nullable().optional(),
      vehicles: z
        .number()
        .int('household.error.wholeNumber')
        .min(0, 'household.error.negative')
        .max(50)
        .nullable()
        .optional(),
    })
    .default({}),
  situations: z.array(householdSituationSchema).optional(),
});
export type HouseholdInput = z.input<typeof householdInputSchema>;

/** A member as the engine sees it. `null` = not answered. */
export interface Member {
  age: number;
  pensioner: boolean;
  disability: DisabilityGroup | 'none' | null;
  student: boolean;
  relation: (typeof RELATIONS)[number] | null;
  needsCare: boolean | null;
  incomes: { type: IncomeType; monthlyCents: number }[] | null;
}

/** The household as the engine sees it: money in integer cents, unanswered fields `null`. */
export interface Household {
  date: string;
  municipality: string;
  members: Member[];
  housing: { costsCents: number | null; heating: (typeof HEATING_TYPES)[number] | null };
  assets: {
    savingsCents: number | null;
    realEstateValueCents: number | null;
    otherRealEstate: boolean | null;
    vehicles: number | null;
  };
  situations: HouseholdSituation[] | null;
}

export interface HouseholdError {
  /** Dotted path of the field, e.g. `members.0.incomes.1.monthly`. */
  path: string;
  /** i18n key in the `rules` namespace. */
  key: string;
}

export type ParseResult = { ok: true; value: Household } | { ok: false; errors: HouseholdError[] };

const toCents = (euro: number): number => Math.round(euro * 100);
const centsOrNull = (euro: number | null | undefined): number | null =>
  euro === null || euro === undefined ? null : toCents(euro);

export function parseHousehold(json: unknown): ParseResult {
  const result = householdInputSchema.safeParse(json, { reportInput: true });
  if (!result.success) {
    // One error per field: the first one found is the one to fix.
    const seen = new Set<string>();
    const errors = result.error.issues.flatMap(issueToErrors).filter((e) => !seen.has(e.path) && seen.add(e.path));
    return { ok: false, errors };
  }
  const h = result.data;
  return {
    ok: true,
    value: {
      date: h.date,
      municipality: h.municipality,
      members: h.members.map((m) => ({
        age: m.age,
        pensioner: m.pensioner,
        disability: m.disability === undefined ? null : m.disability === null ? 'none' : m.disability,
        student: m.student,
        relation: m.relation ?? null,
        needsCare: m.needsCare ?? null,
        incomes: m.incomes ? m.incomes.map((i) => ({ type: i.type, monthlyCents: toCents(i.monthly) })) : null,
      })),
      housing: { costsCents: centsOrNull(h.housing.costsMonthly), heating: h.housing.heating ?? null },
      assets: {
        savingsCents: centsOrNull(h.assets.savings),
        realEstateValueCents: centsOrNull(h.assets.realEstateValue),
        otherRealEstate: h.assets.otherRealEstate ?? null,
        vehicles: h.assets.vehicles ?? null,
      },
      situations: h.situations ?? null,
    },
  };
}

/** zod issue → field path + i18n key. Messages we set ourselves are already keys. */
function issueToErrors(issue: z.core.$ZodIssue): HouseholdError[] {
  const path = issue.path.map(String).join('.');
  if (issue.message.startsWith('household.error.')) return [{ path, key: issue.message }];
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, key: issue.input === undefined ? 'household.error.required' : 'household.error.wrongType' }];
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: path ? `${path}.${k}` : k, key: 'household.error.unknownField' }));
    case 'invalid_value':
    case 'invalid_union':
      return [{ path, key: 'household.error.invalidOption' }];
    case 'invalid_format':
      return [{ path, key: 'household.error.date' }];
    case 'too_small':
      return [{ path, key: 'household.error.negative' }];
    case 'too_big':
      return [{ path, key: 'household.error.tooLarge' }];
    default:
      return [{ path, key: 'household.error.invalid' }];
  }
}

/**
 * Small fixture packs for engine case tables, built with the real zod schemas, so the tables do
 * not break when the real municipality packs change. National parameters are the real
 * src/data/national/parameters.yaml (the law the engine applies).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildParameters } from '#src/data/build-parameters.ts';
import { evaluate, parseHousehold, type Estimate, type HouseholdInput } from '#src/domain/engine/index.ts';
import {
  municipalitySchema,
  municipalItemSchema,
  type CatalogueItem,
  type Municipality,
} from '#src/domain/schemas/index.ts';

const root = join(import.meta.dirname, '../../..');
export const parameters = buildParameters({
  path: 'src/data/national/parameters.yaml',
  text: readFileSync(join(root, 'src/data/national/parameters.yaml'), 'utf8'),
});

const lv = (s: string) => ({ lv: s, ru: s });
const src = ['S1'];

/** A catalogue item with only what the engine reads. */
export function item(id: string, fields: Partial<Record<string, unknown>> = {}): CatalogueItem {
  const parsed = municipalItemSchema.parse({
    id,
    scope: 'municipal',
    kind: 'benefit',
    name: lv(id),
    summary: lv(id),
    who: lv(id),
    situations: ['low-income'],
    targetGroups: ['any-resident'],
    application: { how: 'apply' },
    status: { kind: 'current' },
    sources: src,
    ...fields,
  });
  return { ...parsed, scope: 'municipal', localized: false };
}

const amount = (rule: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  year: 2026,
  rule,
  text: lv('x'),
  certainty: 'verified',
  sources: src,
  ...extra,
});

/** Items covering every condition type and amount rule. */
export const fixtureItems: CatalogueItem[] = [
  item('gmi', {
    eligibility: [{ type: 'status', anyOf: ['needy'] }],
    amounts: [amount({ type: 'formula', formula: 'gmi' })],
    documents: [lv('Iesniegums, ko parakstījušas visas pilngadīgās personas.')],
  }),
  item('housing-benefit', {
    eligibility: [{ type: 'status', anyOf: ['needy', 'low-income'] }],
    amounts: [amount({ type: 'formula', formula: 'housing-benefit' })],
    documents: [lv('Iesniegums, ko parakstījušas visas pilngadīgās personas.'), lv('Mājokļa izdevumu rēķini.')],
  }),
  item('crisis', {
    eligibility: [
      { type: 'situation', situation: 'crisis' },
      { type: 'assessment', about: 'social-worker-opinion' },
    ],
    amounts: [amount({ type: 'up-to', cents: 20000, per: 'once' })],
  }),
  item('newborn', {
    eligibility: [
      { type: 'situation', situation: 'new-baby' },
      { type: 'assessment', about: 'declared-residence' },
    ],
    amounts: [amount({ type: 'fixed', cents: 20000, per: 'once', perChild: true })],
    documents: [lv('Dzimšanas apliecība.')],
  }),
  item('school-supplies', {
    eligibility: [
      { type: 'member-aged', who: 'pupil' },
      { type: 'status', anyOf: ['needy', 'low-income'] },
    ],
    amounts: [amount({ type: 'fixed', cents: 2500, per: 'year', perChild: true })],
  }),
  item('baby-food', {
    eligibility: [
      { type: 'member-aged', who: 'child', max: 0 },
      { type: 'status', anyOf: ['needy'] },
    ],
    amounts: [amount({ type: 'fixed', cents: 3000, per: 'month' })],
  }),
  item('heating', {
    eligibility: [
      { type: 'status', anyOf: ['low-income'] },
      { type: 'situation', situation: 'district-heating' },
    ],
    amounts: [
      amount({
        type: 'by-children',
        per: 'month',
        table: [
          { children: 0, cents: 2000 },
          { children: 1, cents: 4300 },
          { children: 2, cents: 5300 },
        ],
        eachChildFrom: { children: 3, cents: 2500 },
        maxCents: 12500,
      }),
    ],
  }),
  item('jubilee', {
    eligibility: [{ type: 'member-age-in', ages: [70, 75, 80, 85, 90, 95] }],
    amounts: [amount({ type: 'fixed', cents: 3000, per: 'once' })],
  }),
  item('care-allowance', { eligibility: [{ type: 'disability', groups: ['I'], who: 'child' }] }),
  item('disabled-adult-support', { eligibility: [{ type: 'disability', who: 'adult' }] }),
  item('lonely-pensioner', {
    eligibility: [{ type: 'household', is: 'pensioner-or-disabled-alone' }],
    amounts: [amount({ type: 'up-to', cents: 5000, per: 'year' })],
  }),
  item('large-family-transport', {
    eligibility: [
      { type: 'household', is: 'large-family' },
      { type: 'income-per-member-at-most', cents: 30000 },
    ],
  }),
  item('school-meals', {
    eligibility: [
      { type: 'member-aged', who: 'pupil' },
      {
        type: 'any-of',
        conditions: [
          { type: 'household', is: 'large-family' },
          { type: 'status', anyOf: ['needy', 'low-income'] },
          { type: 'disability', who: 'child' },
        ],
      },
    ],
  }),
  item('health-care', {
    eligibility: [{ type: 'status', anyOf: ['needy'] }],
    amounts: [
      amount({ type: 'up-to', cents: 11500, per: 'year' }),
      amount({ type: 'up-to', cents: 14500, per: 'year' }),
      amount({ type: 'described' }),
    ],
  }),
  item('newborn-draft', {
    eligibility: [{ type: 'situation', situation: 'new-baby' }],
    amounts: [
      amount({ type: 'fixed', cents: 20000, per: 'once', perChild: true }),
      amount({ type: 'fixed', cents: 40000, per: 'once', perChild: true }, { certainty: 'unverified' }),
    ],
  }),
  item('sauna', { eligibility: [{ type: 'member-aged', min: 75 }], status: { kind: 'seed-only', year: 2018 } }),
  item('home-care', {
    kind: 'service',
    eligibility: [
      { type: 'situation', situation: 'needs-help-at-home' },
      { type: 'assessment', about: 'functional-capacity' },
    ],
  }),
  item('day-centre', {
    kind: 'service',
    targetGroups: ['pensioners', 'persons-with-disability'],
    situations: ['old-age-care'],
  }),
  item('night-shelter', { kind: 'service', targetGroups: ['homeless'], situations: ['homelessness'] }),
  item('family-centre', { kind: 'service', targetGroups: ['families-with-children'], situations: ['children-family'] }),
];

const packBase = {
  referencePrefix: 'FIX',
  name: lv('Fixture'),
  kind: 'state-city',
  socialService: { name: lv('Sociālais dienests'), certainty: 'verified', sources: src },
  channels: ['in-person'],
  appealBody: lv('Dome'),
  contactWithinWorkingDays: 5,
  mailboxes: { default: 'soc@example.lv' },
  items: [{ ...fixtureItems[2], scope: 'municipal', localized: undefined }].map(({ localized: _l, ...i }) => i),
};

/** A municipality whose low-income threshold is 80 % of the median (as Daugavpils), verified. */
export const withThreshold: Municipality = municipalitySchema.parse({
  ...packBase,
  id: 'fixture-80',
  lowIncomeThresholds: [
    {
      from: '2023-07-01',
      to: '2023-12-31',
      firstCents: 50100,
      othersCents: 35100,
      certainty: 'verified',
      sources: src,
    },
    {
      from: '2024-01-01',
      to: '2024-12-31',
      firstCents: 54900,
      othersCents: 38400,
      certainty: 'verified',
      sources: src,
    },
    {
      from: '2025-01-01',
      to: '2025-12-31',
      firstCents: 60400,
      othersCents: 42300,
      certainty: 'verified',
      sources: src,
    },
    {
      from: '2026-01-01',
      to: '2026-12-31',
      firstCents: 68000,
      othersCents: 47600,
      certainty: 'verified',
      sources: src,
    },
  ],
});

/** A municipality whose low-income threshold is not known. */
export const withoutThreshold: Municipality = municipalitySchema.parse({
  ...packBase,
  id: 'fixture-none',
  referencePrefix: 'FIY',
});

export const packs = { 'fixture-80': withThreshold, 'fixture-none': withoutThreshold } as const;

// ----- household builders (euros, as a resident answers) -----
type MemberInput = HouseholdInput['members'][number];
type Income = NonNullable<MemberInput['incomes']>[number];

export const adult = (salary = 0, more: Partial<MemberInput> = {}): MemberInput => ({
  age: 40,
  disability: null,
  incomes: salary ? [{ type: 'salary', monthly: salary }] : [],
  ...more,
});
export const pensioner = (pension = 0, more: Partial<MemberInput> = {}): MemberInput => ({
  age: 70,
  pensioner: true,
  disability: null,
  incomes: pension ? [{ type: 'pension', monthly: pension }] : [],
  ...more,
});
export const child = (age = 8, more: Partial<MemberInput> = {}): MemberInput => ({
  age,
  disability: null,
  student: age >= 7,
  incomes: [],
  ...more,
});
export const withIncomes = (m: MemberInput, ...incomes: Income[]): MemberInput => ({
  ...m,
  incomes: [...(m.incomes ?? []), ...incomes],
});

export interface CaseHousehold {
  date: string;
  municipality?: keyof typeof packs;
  members: MemberInput[];
  costs?: number | null;
  savings?: number | null;
  otherRealEstate?: boolean | null;
  vehicles?: number | null;
  situations?: HouseholdInput['situations'] | null;
}

export function householdInput(c: CaseHousehold): HouseholdInput {
  return {
    date: c.date,
    municipality: c.municipality ?? 'fixture-80',
    members: c.members,
    housing: { costsMonthly: c.costs === undefined ? 0 : c.costs },
    assets: {
      savings: c.savings === undefined ? 0 : c.savings,
      otherRealEstate: c.otherRealEstate === undefined ? false : c.otherRealEstate,
      vehicles: c.vehicles === undefined ? 0 : c.vehicles,
    },
    ...(c.situations === null ? {} : { situations: c.situations ?? [] }),
  };
}

export function run(c: CaseHousehold, items: CatalogueItem[] = fixtureItems): Estimate {
  const parsed = parseHousehold(householdInput(c));
  if (!parsed.ok) throw new Error(`fixture household invalid: ${JSON.stringify(parsed.errors)}`);
  return evaluate(parsed.value, { municipality: packs[c.municipality ?? 'fixture-80'], items, parameters });
}

/** Euro → cents for expectations written in euros. */
export const cents = (euro: number) => Math.round(euro * 100);
export const verdictOf = (e: Estimate, id: string) => e.benefits.find((b) => b.id === id)?.verdict;
export const amountOf = (e: Estimate, id: string) => e.benefits.find((b) => b.id === id)?.amount?.cents ?? null;

/**
 * The expectations of a table row, refused when there are none: every key of a row's `expect` is
 * optional, so an empty one would pass whatever the engine says.
 */
export function expectationsOf<T extends object>(says: string, x: T): T {
  const given = Object.entries(x).filter(([, v]) => v !== undefined);
  if (given.length === 0) throw new Error(`row "${says}" has no expectation: say what the engine must answer`);
  return x;
}

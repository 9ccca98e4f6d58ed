/**
 * The estimator's answers as the resident typed them (strings for numbers, so nothing typed is
 * lost when a value is invalid). Shared by the island, the no-JS route and the tests.
 * Pure: no DOM, no zod at runtime (the island must stay small), no clock.
 */
import {
  HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR,
  INCOME_TYPE_LIST,
  type EstimatorSituation,
  type IncomeTypeId,
} from './vocabulary.ts';

/** The estimator asks about 1–8 people (larger households: the social service assesses directly). */
export const MAX_MEMBERS = 8;

type DisabilityAnswer = '' | 'none' | 'I' | 'II' | 'III';
type YesNo = '' | 'yes' | 'no';
type HeatingAnswer = '' | 'district' | 'stove' | 'other';

export interface MemberAnswers {
  age: string;
  pensioner: boolean;
  student: boolean;
  /** Needs help with daily care at home (the engine suggests home care). */
  needsCare: boolean;
  disability: DisabilityAnswer;
  /** Monthly net euros by income type; '' = none. */
  incomes: Partial<Record<IncomeTypeId, string>>;
}

export interface Answers {
  members: MemberAnswers[];
  savings: string;
  otherRealEstate: YesNo;
  vehicles: string;
  housingCosts: string;
  heating: HeatingAnswer;
  situations: EstimatorSituation[];
}

export const emptyMember = (): MemberAnswers => ({
  age: '',
  pensioner: false,
  student: false,
  needsCare: false,
  disability: '',
  incomes: {},
});

export function emptyAnswers(members = 1): Answers {
  const n = clampMembers(members);
  return {
    members: Array.from({ length: n }, emptyMember),
    savings: '',
    otherRealEstate: '',
    vehicles: '',
    housingCosts: '',
    heating: '',
    situations: [],
  };
}

/** Number of people from a form or URL: whole number 1–8, anything else → 1. */
export function clampMembers(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(MAX_MEMBERS, Math.floor(n));
}

/** Answers restored from storage (possibly an older or tampered value): keep only what fits. */
export function sanitizeAnswers(raw: unknown): Answers | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.members) || r.members.length < 1) return null;
  const str = (v: unknown, max = 20) => (typeof v === 'string' ? v.slice(0, max) : '');
  const pick = <T extends string>(v: unknown, allowed: readonly T[]): T | '' =>
    allowed.includes(v as T) ? (v as T) : '';
  const members = r.members.slice(0, MAX_MEMBERS).map((m): MemberAnswers => {
    const o = (m && typeof m === 'object' ? m : {}) as Record<string, unknown>;
    const inc = (o.incomes && typeof o.incomes === 'object' ? o.incomes : {}) as Record<string, unknown>;
    const incomes: MemberAnswers['incomes'] = {};
    for (const t of INCOME_TYPE_LIST) if (typeof inc[t] === 'string' && inc[t]) incomes[t] = str(inc[t]);
    return {
      age: str(o.age, 6),
      pensioner: o.pensioner === true,
      student: o.student === true,
      needsCare: o.needsCare === true,
      disability: pick(o.disability, ['none', 'I', 'II', 'III'] as const),
      incomes,
    };
  });
  const situations = Array.isArray(r.situations)
    ? HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR.filter((s) => (r.situations as unknown[]).includes(s))
    : [];
  return {
    members,
    savings: str(r.savings),
    otherRealEstate: pick(r.otherRealEstate, ['yes', 'no'] as const),
    vehicles: str(r.vehicles, 6),
    housingCosts: str(r.housingCosts),
    heating: pick(r.heating, ['district', 'stove', 'other'] as const),
    situations,
  };
}

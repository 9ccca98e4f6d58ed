/** The engine's output. Money in integer cents; `status` and `verdict` names are stable strings. */
import type { AmountPeriod, Certainty, HousingHouseholdType, LocalizedText } from '../schemas/index.ts';
import type { ParameterName } from './parameter-names.ts';
import type { Reason } from './reasons.ts';

export type Verdict = 'likely' | 'possible' | 'unlikely' | 'unknown';
export type HouseholdStatus = 'needy' | 'low-income' | 'none' | 'unknown';

/** first + others × othersCents = totalCents (SPSPL Art. 33: coefficients 1 and 0.7). */
export interface ThresholdSum {
  firstCents: number;
  othersCents: number;
  /** Number of persons after the first. */
  others: number;
  totalCents: number;
}

export interface IncomeLine {
  member: number;
  type: string;
  monthlyCents: number;
  countedCents: number;
  /** Set when (part of) the income is not counted, saying why. */
  reason: Reason | null;
}

export interface IncomeResult {
  /** false when some member's incomes were not answered. */
  known: boolean;
  countedCents: number;
  excludedCents: number;
  perMemberCents: number;
  /** Some line was counted against the minimum wage (stipends, a child's earnings). */
  usesMinimumWage: boolean;
  /** Some counted income is one the stored sources disagree on (the result is provisional). */
  disputed: boolean;
  lines: IncomeLine[];
  reasons: Reason[];
}

export interface AssetCheck {
  check: 'savings' | 'real-estate' | 'vehicles';
  result: 'pass' | 'fail' | 'unknown';
  provisional: boolean;
  reason: Reason;
}

export interface AssetsResult {
  result: 'pass' | 'fail' | 'unknown';
  provisional: boolean;
  checks: AssetCheck[];
}

export interface GmiResult {
  verdict: Verdict;
  amountCents: number | null;
  reasons: Reason[];
}

export interface HousingResult {
  verdict: Verdict;
  amountCents: number | null;
  coefficient: number | null;
  householdType: HousingHouseholdType;
  /** A provisional parameter (coefficient K, rounding rule, children rule) decided this result. */
  provisional: boolean;
  /** The dated parameters this result depends on (names as in parameters.yaml). */
  uses: ParameterName[];
  reasons: Reason[];
}

export interface ItemAmount {
  cents: number;
  per: AmountPeriod;
  /** "up to": the social service decides within this. */
  upTo: boolean;
  certainty: Certainty;
  year: number;
}

export interface ItemResult {
  id: string;
  kind: 'benefit' | 'service';
  verdict: Verdict;
  amount: ItemAmount | null;
  reasons: Reason[];
}

export interface ServiceSuggestion {
  id: string;
  reasons: Reason[];
}

export interface DocumentEntry {
  text: LocalizedText;
  /** Items (ids) that ask for this document. */
  items: string[];
}

export interface ParameterBasis {
  /** Start of the threshold period used (e.g. 2026-01-01). */
  latestKnownFrom: string;
  /** Its end as published (null: open-ended). */
  latestKnownTo: string | null;
  beyondKnownPeriod: boolean;
  /** `basis.beyondKnown` when beyond the known period, else null. */
  reason: Reason | null;
}

export interface Estimate {
  date: string;
  municipality: string;
  /** true when a figure used is not confirmed or the date is past the last verified period. */
  provisional: boolean;
  /**
   * The parameters marked provisional in the data (or carried past their last period) that this
   * result used, in the order of PARAMETER_NAMES; empty when every figure used is confirmed.
   */
  provisionalParameters: ParameterName[];
  /** Why the result is provisional, and general notes. */
  notes: Reason[];
  /**
   * Which published thresholds the result is computed with. Past the last published period the
   * latest values are used: `beyondKnownPeriod` is true and `reason` is the one sentence to show
   * ("2027. gada summas vēl nav publicētas; aprēķinā izmantotas 2026. gada summas.").
   */
  basis: ParameterBasis;
  members: number;
  children: number;
  thresholds: {
    gmi: ThresholdSum;
    needy: ThresholdSum;
    /** The municipality's threshold; null when its pack has none for the date. */
    lowIncome: ThresholdSum | null;
    /** The national ceiling (80 % of the median). */
    lowIncomeMax: ThresholdSum;
    reasons: Reason[];
  };
  income: IncomeResult;
  status: HouseholdStatus;
  /** Status by income alone (before the asset test). */
  incomeStatus: HouseholdStatus;
  statusReasons: Reason[];
  assets: AssetsResult;
  gmi: GmiResult;
  housing: HousingResult;
  crisis: { verdict: Verdict; reasons: Reason[] };
  /** Every catalogue item with `eligibility`, in catalogue order. */
  benefits: ItemResult[];
  /** Services without eligibility rules that fit the household's situation. */
  services: ServiceSuggestion[];
  /** Documents asked by the likely and possible items, merged. */
  documents: DocumentEntry[];
}

/**
 * Reasons: why the engine says what it says, as i18n keys with parameters, never wording.
 *
 * Conventions (the UI and the CLI rely on them):
 * - A reason is `{ key, params }`; the text is `locales/<lv|ru>/rules.json` at `key`
 *   (i18next: `t('rules:' + key, formatReasonParams(params, money))`).
 * - Every param whose name ends in `Cents` is money in integer euro cents. The UI formats it
 *   (`formatMoney(cents, locale)`) before interpolation — use `formatReasonParams`. Texts use the
 *   same name: `{{incomeCents}}` shows "612,00 €".
 * - Params ending in `Date` are ISO dates (YYYY-MM-DD); the UI may format them (`formatDate`).
 * - Other numbers (`coefficient` 2.5, `others` 2) may be formatted for the locale ("2,5").
 * - Ids (`situation`, `about`) are turned into words by the texts themselves ($t nesting).
 * - REASON_PARAMS below lists every key and its params; a test checks that both locales have
 *   every key with exactly these placeholders.
 */

export const REASON_PARAMS = {
  // Parameters in force on the date
  'parameters.extrapolated': ['lastVerifiedDate'],
  'parameters.provisional': ['what'],
  'basis.beyondKnown': ['year', 'knownYear'],
  // Thresholds (the arithmetic)
  'threshold.gmi.single': ['firstCents'],
  'threshold.gmi.multi': ['firstCents', 'othersCents', 'others', 'totalCents'],
  'threshold.needy.single': ['firstCents'],
  'threshold.needy.multi': ['firstCents', 'othersCents', 'others', 'totalCents'],
  'threshold.lowIncome.single': ['firstCents'],
  'threshold.lowIncome.multi': ['firstCents', 'othersCents', 'others', 'totalCents'],
  'threshold.lowIncome.unknown': [],
  // Income (SPSPL Art. 5)
  'income.unknown': [],
  'income.counted': ['countedCents'],
  'income.excluded.state-family-benefit': ['amountCents'],
  'income.excluded.disability-care-benefit': ['amountCents'],
  'income.excluded.childbirth-benefit': ['amountCents'],
  'income.excluded.charity': ['amountCents'],
  'income.excluded.assistant-allowance': ['amountCents'],
  'income.excluded.mobility-transport-benefit': ['amountCents'],
  'income.excluded.coeliac-child-benefit': ['amountCents'],
  'income.excluded.orphan-guarantees': ['amountCents'],
  'income.excluded.student-loan': ['amountCents'],
  'income.excluded.employment-measure-support': ['amountCents'],
  'income.excluded.crime-victim-compensation': ['amountCents'],
  'income.excluded.blood-donor-payment': ['amountCents'],
  'income.excluded.refugee-one-off-support': ['amountCents'],
  'income.excluded.municipal-benefit': ['amountCents'],
  'income.disputed.income-tax-refund': ['amountCents'],
  'income.excluded.stipend': ['amountCents'],
  'income.excluded.stipend-up-to': ['amountCents', 'minimumWageCents'],
  'income.excluded.child-earnings': ['amountCents', 'age'],
  'income.excluded.child-earnings-up-to': ['amountCents', 'age', 'minimumWageCents'],
  'income.partly-counted': ['countedCents', 'minimumWageCents'],
  // Status
  'status.needy.yes': ['incomeCents', 'thresholdCents'],
  'status.needy.no': ['incomeCents', 'thresholdCents'],
  'status.lowIncome.yes': ['incomeCents', 'thresholdCents'],
  'status.lowIncome.no': ['incomeCents', 'thresholdCents'],
  'status.lowIncome.unknownThreshold': ['incomeCents', 'maxCents'],
  'status.lowIncome.aboveMax': ['incomeCents', 'maxCents'],
  'status.unknown': [],
  'status.assetsFail': [],
  'status.assetsUnknown': [],
  'status.decidedBySocialService': [],
  // Asset test (SPSPL Art. 36)
  'assets.savings.ok': ['savingsCents', 'capCents'],
  'assets.savings.over': ['savingsCents', 'capCents'],
  'assets.savings.unknown': ['capCents'],
  'assets.savings.provisional': [],
  'assets.realEstate.ok': [],
  'assets.realEstate.other': [],
  'assets.realEstate.unknown': [],
  'assets.vehicles.ok': ['vehicles', 'max'],
  'assets.vehicles.over': ['vehicles', 'max'],
  'assets.vehicles.unknown': ['max'],
  // GMI (MK 809)
  'gmi.amount': ['thresholdCents', 'incomeCents', 'amountCents'],
  'gmi.zero': ['thresholdCents', 'incomeCents'],
  'gmi.notNeedy': [],
  'gmi.unknown': [],
  'gmi.duration': [],
  // Housing benefit (SPSPL Art. 35)
  'housing.amount': ['gmiSumCents', 'coefficient', 'costsCents', 'incomeCents', 'amountCents'],
  'housing.zero': ['gmiSumCents', 'coefficient', 'costsCents', 'incomeCents'],
  'housing.incomeIncludesGmi': ['incomeCents', 'gmiCents'],
  'housing.type.pensionerOrDisabledAlone': ['coefficient'],
  'housing.type.pensionerOrDisabledOnly': ['coefficient'],
  'housing.type.pensionerOrDisabledWithChildren': ['coefficient'],
  'housing.type.withChildrenFrom': ['coefficient', 'fromDate'],
  'housing.type.other': ['coefficient'],
  'housing.children.eligible': ['fromDate'],
  'housing.children.notYet': ['fromDate'],
  'housing.notEligible': [],
  'housing.costsUnknown': [],
  'housing.noCoefficient': [],
  'housing.costNorms': [],
  'housing.rounded': ['amountCents'],
  'housing.provisionalCoefficient': ['coefficient'],
  'housing.temporaryUntil': ['toDate'],
  'housing.declaredResidence': [],
  // Crisis benefit (SPSPL; amount set by the municipality)
  'crisis.stated': [],
  'crisis.notStated': [],
  'crisis.unknown': [],
  // Conditions of catalogue items: one key per outcome of each condition type
  'condition.status.yes': [],
  'condition.status.no': [],
  'condition.status.assetsUnknown': [],
  'condition.status.unknown': [],
  'condition.status.lowIncomeUnknown': [],
  'condition.status.needyForLowIncome': [],
  'condition.member-aged.atLeast.yes': ['min'],
  'condition.member-aged.atLeast.no': ['min'],
  'condition.member-aged.atMost.yes': ['max'],
  'condition.member-aged.atMost.no': ['max'],
  'condition.child.yes': [],
  'condition.child.no': [],
  'condition.member-aged.yes': ['min', 'max'],
  'condition.member-aged.no': ['min', 'max'],
  'condition.child-aged.yes': ['min', 'max'],
  'condition.child-aged.no': ['min', 'max'],
  'condition.pupil.yes': [],
  'condition.pupil.no': [],
  'condition.member-age-in.yes': ['age'],
  'condition.member-age-in.soon': ['age'],
  'condition.member-age-in.no': ['ages'],
  'condition.disability.yes': ['groups'],
  'condition.disability.no': ['groups'],
  'condition.disability.unknown': [],
  'condition.household.lives-alone.yes': [],
  'condition.household.lives-alone.no': [],
  'condition.household.pensioner-or-disabled-only.yes': [],
  'condition.household.pensioner-or-disabled-only.no': [],
  'condition.household.pensioner-or-disabled-alone.yes': [],
  'condition.household.pensioner-or-disabled-alone.no': [],
  'condition.household.large-family.yes': ['children'],
  'condition.household.large-family.no': ['children'],
  'condition.household.has-pensioner.yes': [],
  'condition.household.has-pensioner.no': [],
  'condition.household.unknown': [],
  'condition.situation.yes': ['situation'],
  'condition.situation.no': ['situation'],
  'condition.situation.unknown': [],
  'condition.income-per-member.yes': ['perMemberCents', 'limitCents'],
  'condition.income-per-member.no': ['perMemberCents', 'limitCents'],
  'condition.income-per-member.unknown': ['limitCents'],
  'condition.assessment': ['about'],
  // Amounts of catalogue items
  'amount.fixed.total': ['amountCents'],
  'amount.fixed.perChild': ['eachCents', 'children', 'amountCents'],
  'amount.upTo.total': ['amountCents'],
  'amount.upTo.perChild': ['eachCents', 'children', 'amountCents'],
  'amount.byChildren.total': ['children', 'amountCents'],
  'amount.byChildren.capped': ['children', 'amountCents', 'maxCents'],
  'amount.percentOfCosts': ['percent'],
  'amount.range': ['minCents', 'maxCents'],
  'amount.notComputed': [],
  'amount.certainty.derived': [],
  'amount.certainty.unverified': [],
  'amount.figureYear': ['year'],
  'item.status.unconfirmed': [],
  'item.status.suspended': [],
  'item.status.seed-only': [],
  // Services suggested from the household
  'service.group.families-with-children': [],
  'service.group.large-families': [],
  'service.group.children-with-disability': [],
  'service.group.persons-with-disability': [],
  'service.group.pensioners': [],
  'service.group.needy-low-income': [],
  'service.group.orphans': [],
  'service.group.foster-guardians': [],
  'service.group.unemployed': [],
  'service.group.homeless': [],
  'service.group.released-prisoners': [],
  'service.group.violence-victims': [],
  'service.situation': ['situation'],
  'service.needsCare': [],
  'service.assessment': [],
} as const satisfies Record<string, readonly string[]>;

export type ReasonKey = keyof typeof REASON_PARAMS;
export type ReasonParams = Record<string, string | number>;

export interface Reason {
  key: ReasonKey;
  params: ReasonParams;
}

const EMPTY: ReasonParams = Object.freeze({}) as ReasonParams;
/** Every reason without params, built once and shared (frozen): the engine allocates less. */
const WITHOUT_PARAMS = Object.fromEntries(
  (Object.keys(REASON_PARAMS) as ReasonKey[]).map((key) => [key, Object.freeze({ key, params: EMPTY })]),
) as Record<ReasonKey, Reason>;

/** A reason. Results share reason objects: treat them as immutable. */
export function reason(key: ReasonKey, params?: ReasonParams): Reason {
  return params ? { key, params } : WITHOUT_PARAMS[key];
}

/**
 * Params ready for i18next: `...Cents` values formatted as money by the caller's formatter
 * (e.g. `(c) => formatMoney(c, locale)`), `...Date` values by `date` when given.
 */
export function formatReasonParams(
  params: ReasonParams,
  money: (cents: number) => string,
  date?: (iso: string) => string,
  number?: (n: number) => string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Cents') && typeof value === 'number') out[name] = money(value);
    else if (date && name.endsWith('Date') && typeof value === 'string') out[name] = date(value);
    else if (number && typeof value === 'number') out[name] = number(value);
    else out[name] = value;
  }
  return out;
}

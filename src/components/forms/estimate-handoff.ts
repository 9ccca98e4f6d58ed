/**
 * "Apply with these answers" from the estimator: the household it stored in this tab's
 * sessionStorage prefills the social-assistance form — rows for every member, incomes by type
 * (the estimate's monthly average in each of the three months, for the resident to correct),
 * savings, vehicles and the requests the estimate found likely. Names and personal codes are
 * never in the estimate. The handoff is removed once used, so the household's answers do not
 * stay in the browser longer than the resident needs them.
 */
import { APPLY_ANSWERS_KEY, type ApplyHandoff } from '#src/domain/estimator/storage-keys.ts';
import { REQUESTS } from '#src/domain/forms/social-assistance.ts';

type Set_ = (name: string, value: string) => void;

function moneyText(euros: number, locale: string): string {
  return euros.toFixed(2).replace('.', locale === 'lv' || locale === 'ru' ? ',' : '.');
}

export function readHandoff(municipality: string): ApplyHandoff | null {
  try {
    const raw = sessionStorage.getItem(APPLY_ANSWERS_KEY);
    if (!raw) return null;
    sessionStorage.removeItem(APPLY_ANSWERS_KEY);
    const h = JSON.parse(raw) as ApplyHandoff;
    return h && h.v === 1 && h.municipality === municipality && Array.isArray(h.household?.members) ? h : null;
  } catch {
    return null;
  }
}

/** Rows needed per repeated section, then the values (set through `set`). */
export function handoffRows(h: ApplyHandoff): { members: number; incomes: number } {
  const incomes = h.household.members.reduce((n, m) => n + (m.incomes?.length ?? 0), 0);
  return { members: Math.max(0, h.household.members.length - 1), incomes };
}

export function applyHandoff(h: ApplyHandoff, set: Set_, check: (name: string, value: string) => void): void {
  const status = (m: ApplyHandoff['household']['members'][number]) =>
    m.pensioner
      ? 'pensioner-age'
      : m.disability
        ? 'pensioner-disability'
        : m.student
          ? 'pupil-student'
          : m.age < 7
            ? 'child-preschool'
            : '';
  const members = h.household.members;
  const applicantStatus = members[0] ? status(members[0]) : '';
  if (applicantStatus) set('applicant.status', applicantStatus);
  members.slice(1).forEach((m, i) => {
    const s = status(m);
    if (s) set(`members.${i}.status`, s);
  });
  let row = 0;
  for (const m of members) {
    for (const inc of m.incomes ?? []) {
      set(`incomes.${row}.type`, inc.type);
      for (const k of ['month1', 'month2', 'month3']) set(`incomes.${row}.${k}`, moneyText(inc.monthly, h.locale));
      row++;
    }
  }
  const assets = h.household.assets;
  if (assets?.savings !== undefined && assets.savings !== null)
    set('property.savings', moneyText(assets.savings, h.locale));
  if (assets?.vehicles !== undefined && assets.vehicles !== null)
    check('property.vehicles', assets.vehicles > 0 ? 'yes' : 'no');
  for (const id of h.items) if ((REQUESTS as readonly string[]).includes(id)) check('request.requests', id);
}

/**
 * Joins the catalogue with the dated parameters, so figures live once, in the data:
 * - the amounts of the status and GMI items are made from parameters.yaml `thresholds` (one per
 *   period, text from `thresholdAmounts`), unless a hand-written amount covers that period — a new
 *   period (1 January 2027) reaches the pages, the estimator and the PDF with no other change;
 * - figures in condition texts, `who` and the municipality's `lowIncomeNote` are placeholders
 *   filled from the latest values in the data: `{{needy.first}}`, `{{needy.others}}`,
 *   `{{gmi.first}}`, `{{lowIncomeMax.first}}`, `{{savingsCap}}`, `{{minimumWage}}`, `{{year}}`
 *   (national); `{{lowIncome.first}}`, `{{lowIncome.others}}`, `{{lowIncome.year}}` (the
 *   municipality's own threshold); `{{amount}}` (the item's newest numeric amount).
 * Pure; an unknown placeholder or a missing value is a DataError naming the file and the text.
 */
import type {
  Amount,
  LocalizedText,
  Municipality,
  NationalParameters,
  PackItem,
  PersonPair,
} from '../domain/schemas/index.ts';
import { DataError, type Catalogue } from './build-catalogue.ts';

/** 425 → "425", 87.5 → "87,50" (Latvian and Russian both write a decimal comma). */
export function euros(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace('.', ',');
}

const PLACEHOLDER = /\{\{\s*([A-Za-z.]+)\s*\}\}/g;

/** Fills `{{name}}` from `values`; names not in `values` are collected in `problems`. */
function fill(text: string, values: Readonly<Record<string, string>>, problems: string[], where: string): string {
  return text.replace(PLACEHOLDER, (all, name: string) => {
    const v = values[name];
    if (v === undefined) {
      problems.push(`${where}: no value for ${all} (known: ${Object.keys(values).join(', ')})`);
      return all;
    }
    return v;
  });
}

const fillText = (
  t: LocalizedText,
  values: Readonly<Record<string, string>>,
  problems: string[],
  where: string,
): LocalizedText => ({
  lv: fill(t.lv, values, problems, `${where}.lv`),
  ru: fill(t.ru, values, problems, `${where}.ru`),
});

const latest = <T extends { from: string }>(xs: readonly T[]): T | undefined =>
  [...xs].sort((a, b) => b.from.localeCompare(a.from))[0];
const pair = (prefix: string, p: PersonPair): Record<string, string> => ({
  [`${prefix}.first`]: euros(p.firstCents),
  [`${prefix}.others`]: euros(p.othersCents),
});

/** Values of the national placeholders: the newest entry of each parameter. */
function nationalValues(p: NationalParameters): Record<string, string> {
  const t = latest(p.thresholds);
  const savings = latest(p.savingsCap);
  const wage = latest(p.minimumWage);
  return {
    ...(t
      ? {
          ...pair('gmi', t.gmi),
          ...pair('needy', t.needy),
          ...pair('lowIncomeMax', t.lowIncomeMax),
          year: t.from.slice(0, 4),
        }
      : {}),
    ...(savings ? { savingsCap: euros(savings.cents) } : {}),
    ...(wage ? { minimumWage: euros(wage.cents) } : {}),
  };
}

function municipalValues(m: Municipality, national: Record<string, string>): Record<string, string> {
  const li = latest(m.lowIncomeThresholds);
  return {
    ...national,
    ...(li
      ? {
          'lowIncome.first': euros(li.firstCents),
          'lowIncome.others': euros(li.othersCents),
          'lowIncome.year': li.from.slice(0, 4),
        }
      : {}),
  };
}

/** The item's newest fixed or up-to amount, for `{{amount}}`. */
function amountValue(amounts: readonly Amount[]): Record<string, string> {
  const numeric = amounts
    .filter((a) => a.rule.type === 'fixed' || a.rule.type === 'up-to')
    .sort((a, b) => b.year - a.year);
  const a = numeric.find((x) => x.certainty === 'verified') ?? numeric[0];
  return a && (a.rule.type === 'fixed' || a.rule.type === 'up-to') ? { amount: euros(a.rule.cents) } : {};
}

/** One amount per thresholds period for each `thresholdAmounts` item, where no hand-written amount starts that day. */
function thresholdAmountsFor(itemId: string, existing: readonly Amount[], p: NationalParameters): Amount[] {
  const out: Amount[] = [];
  for (const spec of p.thresholdAmounts.filter((s) => s.item === itemId)) {
    for (const t of p.thresholds) {
      if (existing.some((a) => a.from === t.from)) continue;
      const values = { first: euros(t[spec.threshold].firstCents), others: euros(t[spec.threshold].othersCents) };
      const problems: string[] = [];
      const text = fillText(spec.text, values, problems, `thresholdAmounts item=${itemId}`);
      if (problems.length) throw new DataError('src/data/national/parameters.yaml', problems);
      out.push({
        year: Number(t.from.slice(0, 4)),
        from: t.from,
        ...(t.to !== undefined ? { to: t.to } : {}),
        rule: spec.rule,
        text,
        certainty: t.status === 'verified' ? 'verified' : 'unverified',
        sources: t.sources,
      });
    }
  }
  return out.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}

function fillItem<
  T extends { id: string; conditions: LocalizedText[]; who?: LocalizedText | undefined; amounts: Amount[] },
>(item: T, values: Record<string, string>, problems: string[]): T {
  const v = { ...values, ...amountValue(item.amounts) };
  const where = `items id=${item.id}`;
  return {
    ...item,
    ...(item.who ? { who: fillText(item.who, v, problems, `${where} who`) } : {}),
    conditions: item.conditions.map((c, i) => fillText(c, v, problems, `${where} conditions[${i}]`)),
  };
}

/** The catalogue with threshold amounts made from the parameters and placeholders filled. */
export function withParameters(c: Catalogue, p: NationalParameters): Catalogue {
  const national = nationalValues(p);
  const problems: string[] = [];
  const nationalItems = c.national.map((item) => {
    const filled = fillItem(item, national, problems);
    const made = thresholdAmountsFor(item.id, item.amounts, p);
    return made.length ? { ...filled, amounts: [...filled.amounts, ...made] } : filled;
  });
  if (problems.length) throw new DataError('src/data/national/catalogue.yaml', problems);
  const municipalities = c.municipalities.map((m) => {
    const values = municipalValues(m, national);
    const mp: string[] = [];
    const items = m.items.map((i) =>
      fillItem(i as PackItem & { conditions: LocalizedText[]; amounts: Amount[] }, values, mp),
    );
    const lowIncomeNote = m.lowIncomeNote ? fillText(m.lowIncomeNote, values, mp, 'lowIncomeNote') : undefined;
    if (mp.length) throw new DataError(`src/data/municipalities/${m.id}.yaml`, mp);
    return { ...m, items, ...(lowIncomeNote ? { lowIncomeNote } : {}) } as Municipality;
  });
  return { ...c, national: nationalItems, municipalities };
}

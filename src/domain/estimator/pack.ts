/**
 * What the estimator page gives the island: only the data the engine reads, with text in the
 * page's language (the whole pack is ~170 KB of JSON; the page must stay ≤ 30 KB gzip).
 * The no-JS route trims the same way, so the island and the route compute from identical data;
 * test/domain/estimator/domain.test.ts checks the trimmed pack gives the same estimate as the full one.
 */
import type { EvaluationContext } from '../engine/evaluate.ts';
import type { CatalogueItem, Locale, Municipality, NationalParameters } from '../schemas/index.ts';

export interface PackOffice {
  name: string;
  address?: string;
  phones: { number: string; label?: string; freeLine: boolean }[];
  email?: string;
  hours?: string;
  note?: string;
  checked: boolean;
}

interface PackItem {
  id: string;
  kind: CatalogueItem['kind'];
  name: string;
  eligibility?: CatalogueItem['eligibility'];
  amounts: Pick<CatalogueItem['amounts'][number], 'year' | 'from' | 'to' | 'rule' | 'certainty'>[];
  status: { kind: CatalogueItem['status']['kind'] };
  targetGroups: CatalogueItem['targetGroups'];
  situations: CatalogueItem['situations'];
  documents: string[];
}

export interface EstimatorPack {
  locale: Locale;
  municipality: {
    id: string;
    name: string;
    lowIncomeThresholds: Pick<
      Municipality['lowIncomeThresholds'][number],
      'from' | 'to' | 'firstCents' | 'othersCents' | 'certainty'
    >[];
    socialService: PackOffice;
  };
  items: PackItem[];
  parameters: NationalParameters;
}

function office(o: Municipality['socialService'], l: Locale): PackOffice {
  return {
    name: o.name[l],
    ...(o.address ? { address: o.address } : {}),
    phones: o.phones.map((p) => ({
      number: p.number,
      freeLine: p.freeLine,
      ...(p.label ? { label: p.label[l] } : {}),
    })),
    ...(o.email ? { email: o.email } : {}),
    ...(o.hours ? { hours: o.hours[l] } : {}),
    ...(o.note ? { note: o.note[l] } : {}),
    checked: o.certainty === 'verified',
  };
}

/** Drop what the engine never reads (sources, maintainers' notes) from dated parameter entries. */
function trimParameters(p: NationalParameters): NationalParameters {
  const out: Record<string, unknown> = {};
  for (const [k, entries] of Object.entries(p)) {
    // The catalogue texts of the thresholds are for the pages, not for the engine in the browser.
    if (k === 'thresholdAmounts') out[k] = [];
    else out[k] = (entries as Record<string, unknown>[]).map(({ sources: _s, note: _n, ...rest }) => rest);
  }
  return out as NationalParameters;
}

export function trimPack(
  m: Municipality,
  items: readonly CatalogueItem[],
  parameters: NationalParameters,
  locale: Locale,
): EstimatorPack {
  return {
    locale,
    municipality: {
      id: m.id,
      name: m.name[locale],
      lowIncomeThresholds: m.lowIncomeThresholds.map(({ from, to, firstCents, othersCents, certainty }) => ({
        from,
        ...(to ? { to } : {}),
        firstCents,
        othersCents,
        certainty,
      })),
      socialService: office(m.socialService, locale),
    },
    // Benefits without eligibility get no verdict; services without it may still be suggested.
    items: items
      .filter((i) => i.eligibility !== undefined || i.kind === 'service')
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        name: i.name[locale],
        ...(i.eligibility ? { eligibility: i.eligibility } : {}),
        amounts: i.amounts.map(({ year, from, to, rule, certainty }) => ({
          year,
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          rule,
          certainty,
        })),
        status: { kind: i.status.kind },
        targetGroups: i.targetGroups,
        situations: i.situations,
        documents: i.documents.map((d) => d[locale]),
      })),
    parameters: trimParameters(parameters),
  };
}

/**
 * The engine's context from a trimmed pack. Texts are in one language only, so both `lv` and
 * `ru` carry it (documents are merged by the page language's wording).
 */
export function contextOf(pack: EstimatorPack): EvaluationContext {
  const text = (s: string) => ({ lv: s, ru: s });
  const items = pack.items.map((i) => ({
    ...i,
    name: text(i.name),
    documents: i.documents.map(text),
    amounts: i.amounts.map((a) => ({ ...a, text: text(''), sources: [] })),
    status: { ...i.status, planned: false },
  })) as unknown as CatalogueItem[];
  const municipality = {
    id: pack.municipality.id,
    lowIncomeThresholds: pack.municipality.lowIncomeThresholds,
  } as unknown as Municipality;
  return { municipality, items, parameters: pack.parameters };
}

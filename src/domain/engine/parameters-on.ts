/**
 * The national parameters in force on the household's date. Past the last verified period the
 * latest values are used and the result is marked provisional with a reason — never silently.
 */
import type { Municipality, NationalParameters, ThresholdsEntry } from '../schemas/index.ts';
import { inForce } from './dated.ts';
import type { HousingParams } from './housing.ts';
import type { AssetLimits } from './assets.ts';
import type { ParameterName } from './parameter-names.ts';
import { reason, type Reason } from './reasons.ts';

export interface ParametersOn {
  thresholds: ThresholdsEntry;
  housing: HousingParams;
  assets: AssetLimits;
  minimumWageCents: number | null;
  lowIncome: { firstCents: number; othersCents: number; provisional: boolean } | null;
  /** Thresholds or the municipal threshold are provisional or extrapolated (they are always used). */
  provisional: boolean;
  notes: Reason[];
  /**
   * Parameters whose entry in force on the date is `status: provisional`, or is the latest entry
   * carried past its end date. A result that uses one of them is provisional (evaluate.ts).
   */
  provisionalParams: ReadonlySet<ParameterName>;
  /** Start of the threshold entry in force (or carried forward), for "computed with the values from …". */
  thresholdsFrom: string;
  /** The thresholds are carried past the end of the last published period. */
  thresholdsExtrapolated: boolean;
}

export class ParametersError extends Error {
  readonly code = 'PARAMETERS_MISSING';
}

function parametersOn(p: NationalParameters, municipality: Municipality, date: string): ParametersOn {
  const notes: Reason[] = [];
  let provisional = false;
  const mark = (what: string, status: string, extrapolated: boolean, lastDate?: string) => {
    if (extrapolated) {
      provisional = true;
      notes.push(reason('parameters.extrapolated', { lastVerifiedDate: lastDate ?? '' }));
    } else if (status === 'provisional') {
      provisional = true;
      notes.push(reason('parameters.provisional', { what }));
    }
  };

  const t = inForce(p.thresholds, date);
  if (!t) throw new ParametersError(`No thresholds in force on ${date}`);
  // Past the last published period the result says so in one sentence (Estimate.basis), not as a note.
  if (t.extrapolated) provisional = true;
  else mark('thresholds', t.entry.status, false);

  const k = inForce(p.housingCoefficients, date);
  const children = inForce(p.housingChildrenRule, date);
  const firstChildrenRule = [...p.housingChildrenRule].sort((a, b) => a.from.localeCompare(b.from))[0];
  const rounding = inForce(p.housingRounding, date);
  const savings = inForce(p.savingsCap, date);
  const vehicles = inForce(p.vehicleLimit, date);
  const wage = inForce(p.minimumWage, date);
  const persons = inForce(p.personCoefficients, date);

  const provisionalParams = new Set<ParameterName>();
  const check = (name: ParameterName, x: { entry: { status: string }; extrapolated: boolean } | null) => {
    if (x && (x.entry.status === 'provisional' || x.extrapolated)) provisionalParams.add(name);
  };
  check('thresholds', t);
  check('personCoefficients', persons);
  check('housingCoefficients', k);
  check('housingChildrenRule', children);
  check('housingRounding', rounding);
  check('savingsCap', savings);
  check('vehicleLimit', vehicles);
  check('minimumWage', wage);

  const li = inForce(municipality.lowIncomeThresholds, date);
  // A municipal threshold whose period has ended is not carried forward: it is "not known".
  const lowIncome =
    li && !li.extrapolated
      ? {
          firstCents: li.entry.firstCents,
          othersCents: li.entry.othersCents,
          provisional: li.entry.certainty !== 'verified',
        }
      : null;
  if (lowIncome?.provisional) {
    provisional = true;
    provisionalParams.add('lowIncomeThreshold');
    notes.push(reason('parameters.provisional', { what: 'lowIncomeThreshold' }));
  }

  return {
    thresholds: t.entry,
    housing: {
      coefficients: k?.entry ?? null,
      coefficientsProvisional: k ? k.entry.status === 'provisional' || k.extrapolated || t.extrapolated : false,
      roundingProvisional: rounding ? rounding.entry.status === 'provisional' || rounding.extrapolated : false,
      childrenRule: firstChildrenRule
        ? {
            from: firstChildrenRule.from,
            provisional: (children?.entry ?? firstChildrenRule).status === 'provisional',
            inForce: children !== null,
            // The ages of the entry in force (before the rule: those of its first entry, for "not yet").
            childMaxAge: (children?.entry ?? firstChildrenRule).childMaxAge,
            studentMaxAge: (children?.entry ?? firstChildrenRule).studentMaxAge,
          }
        : null,
      floorEuro: rounding?.entry.rule === 'floor-euro',
    },
    assets: {
      savingsCapCents: savings?.entry.cents ?? null,
      savingsProvisional: savings ? savings.entry.status === 'provisional' || savings.extrapolated : false,
      vehicles: vehicles
        ? {
            max: vehicles.entry.max,
            maxWithChildren: vehicles.entry.maxWithChildren,
            provisional: vehicles.entry.status === 'provisional',
          }
        : null,
    },
    // Past its last period the latest minimum wage is used; the result is then provisional.
    minimumWageCents: wage ? wage.entry.cents : null,
    lowIncome,
    provisional,
    notes,
    provisionalParams,
    thresholdsFrom: t.entry.from,
    thresholdsExtrapolated: t.extrapolated,
  };
}

const memo = new WeakMap<NationalParameters, WeakMap<Municipality, Map<string, ParametersOn>>>();

/** parametersOn, remembered per (parameters, municipality, date): the inputs are immutable data. */
export function parametersOnCached(p: NationalParameters, municipality: Municipality, date: string): ParametersOn {
  let byMunicipality = memo.get(p);
  if (!byMunicipality) memo.set(p, (byMunicipality = new WeakMap()));
  let byDate = byMunicipality.get(municipality);
  if (!byDate) byMunicipality.set(municipality, (byDate = new Map()));
  let on = byDate.get(date);
  if (!on) {
    if (byDate.size >= 1000) byDate.clear();
    on = parametersOn(p, municipality, date);
    byDate.set(date, on);
  }
  return on;
}

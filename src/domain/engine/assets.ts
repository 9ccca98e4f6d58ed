/**
 * Material-situation (asset) test, SPSPL Art. 36(1) as municipal pages state it [S33][S42]:
 * savings up to the cap, one dwelling where the household lives, one car (two with children).
 * The full statutory list was not retrieved, so the limits are provisional parameters.
 */
import type { Household } from '../schemas/index.ts';
import { reason } from './reasons.ts';
import type { AssetCheck, AssetsResult } from './types.ts';

export interface AssetLimits {
  savingsCapCents: number | null;
  savingsProvisional: boolean;
  vehicles: { max: number; maxWithChildren: number; provisional: boolean } | null;
}

function savingsCheck(h: Household, limits: AssetLimits): AssetCheck | null {
  const cap = limits.savingsCapCents;
  if (cap === null) return null;
  const savings = h.assets.savingsCents;
  const provisional = limits.savingsProvisional;
  if (savings === null)
    return {
      check: 'savings',
      result: 'unknown',
      provisional,
      reason: reason('assets.savings.unknown', { capCents: cap }),
    };
  const ok = savings <= cap;
  return {
    check: 'savings',
    result: ok ? 'pass' : 'fail',
    provisional,
    reason: reason(ok ? 'assets.savings.ok' : 'assets.savings.over', { savingsCents: savings, capCents: cap }),
  };
}

function realEstateCheck(h: Household): AssetCheck {
  const other = h.assets.otherRealEstate;
  if (other === null)
    return { check: 'real-estate', result: 'unknown', provisional: true, reason: reason('assets.realEstate.unknown') };
  return other
    ? { check: 'real-estate', result: 'fail', provisional: true, reason: reason('assets.realEstate.other') }
    : { check: 'real-estate', result: 'pass', provisional: true, reason: reason('assets.realEstate.ok') };
}

function vehiclesCheck(h: Household, limits: AssetLimits, children: number): AssetCheck | null {
  if (!limits.vehicles) return null;
  const max = children > 0 ? limits.vehicles.maxWithChildren : limits.vehicles.max;
  const provisional = limits.vehicles.provisional;
  const n = h.assets.vehicles;
  if (n === null)
    return { check: 'vehicles', result: 'unknown', provisional, reason: reason('assets.vehicles.unknown', { max }) };
  const ok = n <= max;
  return {
    check: 'vehicles',
    result: ok ? 'pass' : 'fail',
    provisional,
    reason: reason(ok ? 'assets.vehicles.ok' : 'assets.vehicles.over', { vehicles: n, max }),
  };
}

export function assetTest(h: Household, limits: AssetLimits, children: number): AssetsResult {
  const checks = [savingsCheck(h, limits), realEstateCheck(h), vehiclesCheck(h, limits, children)].filter(
    (c): c is AssetCheck => c !== null,
  );
  const result = checks.some((c) => c.result === 'fail')
    ? 'fail'
    : checks.some((c) => c.result === 'unknown')
      ? 'unknown'
      : 'pass';
  return { result, provisional: checks.some((c) => c.provisional), checks };
}

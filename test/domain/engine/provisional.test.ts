/**
 * Every parameter marked `status: provisional` in parameters.yaml that a result uses makes the
 * result provisional and names it (Estimate.provisionalParameters), with a note; a provisional
 * parameter the household's result does not depend on does not.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, parseHousehold, type Estimate } from '#src/domain/engine/index.ts';
import type { NationalParameters } from '#src/domain/schemas/index.ts';
import {
  adult,
  child,
  fixtureItems,
  householdInput,
  parameters,
  pensioner,
  withThreshold,
  type CaseHousehold,
} from './fixtures.ts';

type Status = 'verified' | 'provisional';
/** The real parameters with every entry's status set to `status`, except those named in `provisional`. */
function params(provisional: (keyof NationalParameters)[] = []): NationalParameters {
  const out = { ...parameters } as Record<string, unknown>;
  for (const [name, entries] of Object.entries(parameters)) {
    const status: Status = provisional.includes(name as keyof NationalParameters) ? 'provisional' : 'verified';
    out[name] = (entries as { status: Status }[]).map((e) => ({ ...e, status }));
  }
  return out as NationalParameters;
}

function run(c: CaseHousehold, p: NationalParameters): Estimate {
  const parsed = parseHousehold(householdInput(c));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return evaluate(parsed.value, { municipality: withThreshold, items: fixtureItems, parameters: p });
}

// Single pensioner, 500 € pension, 300 € costs on 1.3.2026: 187 × 2.5 + 300 − 500 = 267,50 → 267 €.
const worked: CaseHousehold = { date: '2026-03-01', members: [pensioner(500)], costs: 300 };
// Same with costs 300,50 €: 268,00 € exactly, the rounding rule changes nothing.
const whole: CaseHousehold = { ...worked, costs: 300.5 };
// Above the low-income threshold: no housing formula is computed.
const rich: CaseHousehold = { date: '2026-03-01', members: [adult(3000)], costs: 300 };

describe('provisional parameters make the results that use them provisional', () => {
  it('with every entry verified, the worked example is not provisional', () => {
    const e = run(worked, params());
    expect(e.provisional).toBe(false);
    expect(e.provisionalParameters).toEqual([]);
    expect(e.housing.provisional).toBe(false);
  });

  const cases: [keyof NationalParameters, CaseHousehold, boolean][] = [
    ['savingsCap', worked, true],
    ['vehicleLimit', worked, true],
    ['housingRounding', worked, true],
    ['housingCoefficients', worked, true],
    ['thresholds', worked, true],
    ['personCoefficients', worked, true],
  ];
  for (const [name, c, housing] of cases) {
    it(`${name} provisional → the estimate is provisional and names it${housing && name.startsWith('housing') ? ', and so is the housing benefit' : ''}`, () => {
      const e = run(c, params([name]));
      expect(e.provisional).toBe(true);
      expect(e.provisionalParameters).toEqual([name]);
      if (name.startsWith('housing')) expect(e.housing.provisional).toBe(true);
    });
  }

  it('a provisional rounding rule does not matter when the formula gives whole euros (268,00 €)', () => {
    const e = run(whole, params(['housingRounding']));
    expect(e.housing.amountCents).toBe(26800);
    expect(e.provisional).toBe(false);
    expect(e.housing.uses).toEqual(['housingCoefficients']);
  });

  it('a provisional housing coefficient does not matter when no housing benefit is computed', () => {
    const e = run(rich, params(['housingCoefficients']));
    expect(e.housing.verdict).toBe('unlikely');
    expect(e.provisional).toBe(false);
  });

  it('a provisional minimum wage matters only when income is counted against it', () => {
    const withWage = (): NationalParameters => ({
      ...params(['minimumWage']),
      minimumWage: [{ from: '2026-01-01', cents: 78000, status: 'provisional', sources: ['S1'] }],
    });
    expect(run({ date: '2026-03-01', members: [adult(500)] }, withWage()).provisionalParameters).toEqual([]);
    const student = run(
      {
        date: '2026-03-01',
        members: [adult(500), child(19, { student: true, incomes: [{ type: 'stipend', monthly: 100 }] })],
      },
      withWage(),
    );
    expect(student.provisionalParameters).toEqual(['minimumWage']);
  });

  it('the note names the parameter for the resident (rounding)', () => {
    expect(run(worked, params(['housingRounding'])).notes).toContainEqual({
      key: 'parameters.provisional',
      params: { what: 'housingRounding' },
    });
  });

  it('the real data: the 2024 housing coefficients (end date assumed) make a 2024 housing result provisional', () => {
    const e = run({ ...whole, date: '2024-06-01', members: [pensioner(300)], costs: 100 }, parameters);
    expect(e.housing.coefficient).toBe(2.5);
    expect(e.housing.provisional).toBe(true);
    expect(e.provisionalParameters).toContain('housingCoefficients');
  });

  it('the real data: the savings cap and vehicle limit are provisional, so every estimate with an asset test says so', () => {
    const e = run(whole, parameters);
    expect(e.provisional).toBe(true);
    expect(e.provisionalParameters).toEqual(expect.arrayContaining(['savingsCap', 'vehicleLimit']));
  });
});

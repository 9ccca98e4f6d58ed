// @vitest-environment happy-dom
/**
 * Past the last published thresholds (e.g. 2027 before the new figures are in the data) the
 * estimator's results say in one plain sentence which year's amounts were used.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Results } from '#src/components/estimator/Results.tsx';
import { evaluate } from '#src/domain/engine/evaluate.ts';
import { parseHousehold } from '#src/domain/schemas/household.ts';
import { createTinyT } from '#src/i18n/tiny-t.ts';
import { fullContext, packFor, stringsFor } from '../../support/estimator-fixtures.ts';

afterEach(cleanup);

function show(date: string, locale: 'lv' | 'ru') {
  const parsed = parseHousehold({
    date,
    municipality: 'daugavpils',
    members: [{ age: 40, disability: null, incomes: [] }],
    assets: { savings: 0, otherRealEstate: false, vehicles: 0 },
    situations: [],
  });
  if (!parsed.ok) throw new Error('invalid');
  const e = evaluate(parsed.value, fullContext('daugavpils'));
  const s = stringsFor(locale);
  render(<Results estimate={e} pack={packFor('daugavpils', locale)} t={createTinyT(locale, s, 'estimator')} />);
  return document.querySelector('[data-basis="beyond-known"]');
}

describe('results beyond the known period', () => {
  it('1.3.2027 (lv): "2027. gada summas vēl nav publicētas; aprēķinā izmantotas 2026. gada summas."', () => {
    expect(show('2027-03-01', 'lv')?.textContent).toBe(
      '2027. gada summas vēl nav publicētas; aprēķinā izmantotas 2026. gada summas.',
    );
  });
  it('1.3.2027 (ru): the same sentence in Russian', () => {
    expect(show('2027-03-01', 'ru')?.textContent).toBe(
      'Суммы на 2027 год еще не опубликованы; в расчете использованы суммы 2026 года.',
    );
  });
  it('1.3.2026: no such sentence', () => {
    expect(show('2026-03-01', 'lv')).toBeNull();
  });
});

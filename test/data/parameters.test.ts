/**
 * src/data/national/parameters.yaml: valid, sourced, without overlapping periods, and with the
 * published figures as a social worker reads them: the thresholds of each year (SPSPL 33. pants;
 * sources S3–S14 in src/data/sources.yaml) and the housing-benefit coefficients K (S34–S37).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '#src/data/build-catalogue.ts';
import { buildParameters } from '#src/data/build-parameters.ts';
import { loadCatalogueFromDisk } from '#src/data/load-from-disk.ts';

const root = join(import.meta.dirname, '../..');
const path = 'src/data/national/parameters.yaml';
const text = readFileSync(join(root, path), 'utf8');
const p = buildParameters({ path, text }, loadCatalogueFromDisk(root).sources);
const on = <T extends { from: string; to?: string | undefined }>(xs: T[], d: string) =>
  xs.find((x) => x.from <= d && (x.to === undefined || d <= x.to));

describe('national parameters', () => {
  const table: [string, string, [number, number], [number, number], [number, number]][] = [
    ['2021–6/2023', '2022-01-01', [109, 76], [272, 190], [436, 305]],
    ['7–12/2023', '2023-07-01', [125, 87.5], [313, 219], [501, 351]],
    ['2024', '2024-01-01', [137, 96], [343, 240], [549, 384]],
    ['2025', '2025-01-01', [166, 116], [377, 264], [604, 423]],
    ['2026', '2026-01-01', [187, 131], [425, 298], [680, 476]],
  ];
  for (const [period, date, gmi, needy, max] of table) {
    it(`${period}: GMI ${gmi.join('/')}, needy ${needy.join('/')}, low-income ceiling ${max.join('/')} € (verified)`, () => {
      const t = on(p.thresholds, date)!;
      expect([t.gmi.firstCents, t.gmi.othersCents]).toEqual(gmi.map((e) => Math.round(e * 100)));
      expect([t.needy.firstCents, t.needy.othersCents]).toEqual(needy.map((e) => e * 100));
      expect([t.lowIncomeMax.firstCents, t.lowIncomeMax.othersCents]).toEqual(max.map((e) => e * 100));
      expect(t.status).toBe('verified');
    });
  }

  const k: [string, string, number[], string][] = [
    ['from 1.6.2023 (end date 31.12.2024 assumed)', '2023-06-01', [2.5, 2, 2, 1.5], 'provisional'],
    ['2025 (start date not confirmed)', '2025-06-01', [2.1, 1.7, 1.7, 1.3], 'provisional'],
    ['temporary 1.1.–30.4.2026', '2026-03-01', [2.5, 2, 2, 1.7], 'verified'],
    ['after 30.4.2026 (presumed)', '2026-05-01', [2.1, 1.7, 1.7, 1.3], 'provisional'],
  ];
  for (const [period, date, values, status] of k) {
    it(`housing K ${period}: ${values.join(' / ')} (${status})`, () => {
      const e = on(p.housingCoefficients, date)!;
      expect([
        e.pensionerOrDisabledAlone,
        e.pensionerOrDisabledOnly,
        e.pensionerOrDisabledWithChildren,
        e.other,
      ]).toEqual(values);
      expect(e.status).toBe(status);
    });
  }

  it('the savings cap 272 € is provisional', () => {
    expect(p.savingsCap).toEqual([expect.objectContaining({ cents: 27200, status: 'provisional' })]);
  });

  const wages: [string, number][] = [
    ['2021-01-01', 500],
    ['2022-12-31', 500],
    ['2023-01-01', 620],
    ['2024-01-01', 700],
    ['2025-01-01', 740],
    ['2025-12-31', 740],
    ['2026-01-01', 780],
  ];
  for (const [date, euro] of wages) {
    it(`minimum monthly wage on ${date}: ${euro} €, verified with a source`, () => {
      const w = on(p.minimumWage, date)!;
      expect(w.cents).toBe(euro * 100);
      expect(w.status).toBe('verified');
      expect(w.sources.length).toBeGreaterThan(0);
    });
  }

  it('overlapping periods are refused, naming the file and the entries', () => {
    const broken = text.replace(
      'from: "2024-01-01"\n    to: "2024-12-31"\n    gmi',
      'from: "2023-12-01"\n    to: "2024-12-31"\n    gmi',
    );
    expect(broken).not.toBe(text);
    expect(() => buildParameters({ path, text: broken })).toThrow(DataError);
    expect(() => buildParameters({ path, text: broken })).toThrow(
      /parameters\.yaml[\s\S]*thresholds from 2023-07-01: overlaps the entry from 2023-12-01/,
    );
  });

  it('a source missing from sources.yaml is refused', () => {
    expect(() =>
      buildParameters(
        { path, text: text.replace('sources: [S41]', 'sources: [S999]') },
        loadCatalogueFromDisk(root).sources,
      ),
    ).toThrow(/S999 is not in sources.yaml/);
  });
});

/**
 * The case tables (test/rules/<national|municipality>/<item-id>.cases.yaml, format in README.md):
 * every row through the engine on the real packs and parameters; a row without an expectation is
 * refused; every item with `eligibility` in the real packs has a case file with at least one row.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogueFromDisk } from '#src/data/load-from-disk.ts';
import { loadParametersFromDisk } from '#src/data/load-parameters-from-disk.ts';
import {
  caseFilePaths,
  householdOf,
  missingCases,
  readCaseFile,
  requiredCaseFiles,
  runRow,
} from '../../scripts/rule-cases.ts';

const root = join(import.meta.dirname, '../..');
const catalogue = loadCatalogueFromDisk(root);
const parameters = loadParametersFromDisk(root, catalogue.sources);
const files = caseFilePaths(root).map((p) => readCaseFile(root, p));

describe('case tables', () => {
  for (const f of files) {
    describe(f.path, () => {
      it('is well formed: every row has a sentence, a date, a household and an expectation', () => {
        expect(f.problems).toEqual([]);
      });
      for (const row of f.rows) {
        it(`row ${row.row}: ${row.says}`, () => {
          const r = runRow(row, f.item, catalogue, parameters);
          expect(r.mismatches, `${f.path} row ${row.row}`).toEqual([]);
        });
      }
    });
  }
});

describe('coverage: every item with eligibility in the real packs has a case file with rows', () => {
  const required = requiredCaseFiles(catalogue);

  it(`all ${required.length} items are covered`, () => {
    expect(required.length).toBeGreaterThan(10);
    expect(missingCases(required, files)).toEqual([]);
  });

  it('no case file is for an item that does not exist (a renamed or removed item)', () => {
    const paths = new Set(required.map((r) => r.path));
    expect(files.map((f) => f.path).filter((p) => !paths.has(p))).toEqual([]);
  });

  it('the check fails when an item has no case file, or only a file without valid rows', () => {
    const extra = { path: 'test/rules/daugavpils/no-such-item.cases.yaml' };
    expect(missingCases([...required, extra], files)).toEqual([extra.path]);
    const empty = readCaseFile(
      root,
      'test/rules/national/gmi.cases.yaml',
      'item: gmi\nmunicipality: daugavpils\ncases: []\n',
    );
    const others = files.filter((f) => f.path !== empty.path);
    expect(missingCases(required, [...others, empty])).toEqual(['test/rules/national/gmi.cases.yaml']);
  });
});

describe('a row without an expectation is refused, naming the file and the row', () => {
  const text = [
    'item: gmi',
    'municipality: daugavpils',
    'cases:',
    '  - says: Single adult without income, 1.3.2026 — no verdict written.',
    '    date: 2026-03-01',
    '    household: { members: [{ age: 40, disability: null, incomes: [] }], assets: { savings: 0, otherRealEstate: false, vehicles: 0 } }',
    '  - says: A row with a verdict that is not a word the engine uses.',
    '    date: 2026-03-01',
    '    household: { members: [{ age: 40, disability: null, incomes: [] }] }',
    '    verdict: yes',
  ].join('\n');
  const f = readCaseFile(root, 'test/rules/national/gmi.cases.yaml', text);

  it('no row is kept', () => expect(f.rows).toEqual([]));
  it('the problems name the file, the row number and the sentence', () => {
    expect(f.problems[0]).toMatch(
      /^test\/rules\/national\/gmi\.cases\.yaml row 1 \("Single adult without income.*"\): no expectation/,
    );
    expect(f.problems[1]).toMatch(/row 2 .*"verdict: yes" must be one of likely, possible, unlikely, unknown/);
  });
  it('a wrong amount is reported as a mismatch, not silently passed', () => {
    const ok = readCaseFile(
      root,
      'test/rules/national/gmi.cases.yaml',
      text.replace('no verdict written.', 'GMI 187 €.\n    verdict: likely\n    amount: 186'),
    );
    const r = runRow(ok.rows[0]!, 'gmi', catalogue, parameters);
    expect(r.mismatches).toEqual(['amount: expected 186, got 187']);
  });
});

describe('the CLI checks a row by hand: `npm run estimate -- <file> --row N`', () => {
  const node = join(root, 'node_modules/.bin/node');
  const gmi = files.find((f) => f.path === 'test/rules/national/gmi.cases.yaml')!;
  const row = gmi.rows.find((r) => r.amount !== undefined && r.amount !== null && r.amount > 0)!;

  it('runs the row and says it matches, with the amount in euros and cents', () => {
    const r = spawnSync(node, ['scripts/estimate.ts', gmi.path, '--row', String(row.row)], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.case).toMatchObject({
      file: gmi.path,
      row: row.row,
      expected: { verdict: row.verdict, amount: row.amount },
      matches: true,
    });
    const gmiOut = out.benefits.find((b: { id: string }) => b.id === 'gmi');
    expect(gmiOut.amount).toBe(row.amount);
    expect(gmiOut.amountText.replace(/\s/g, ' ')).toBe(`${row.amount!.toFixed(2).replace('.', ',')} €`);
  });

  it('the same household as a JSON file (the CLI input shape) gives the same verdict and amount', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'case-')), 'household.json');
    writeFileSync(p, JSON.stringify(householdOf(row)));
    const out = JSON.parse(spawnSync(node, ['scripts/estimate.ts', p], { cwd: root, encoding: 'utf8' }).stdout);
    const b = out.benefits.find((x: { id: string }) => x.id === 'gmi');
    expect({ verdict: b.verdict, amount: b.amount }).toEqual({ verdict: row.verdict, amount: row.amount });
  });

  it('a row that does not hold exits with code 1 and says what differs', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'case-')), 'gmi.cases.yaml');
    writeFileSync(
      p,
      `item: gmi\nmunicipality: daugavpils\ncases:\n  - says: Single adult without income on 1.3.2026 gets 187 €, written wrongly as 180.\n    date: 2026-03-01\n    household: { members: [{ age: 40, disability: null, incomes: [] }], assets: { savings: 0, otherRealEstate: false, vehicles: 0 } }\n    verdict: likely\n    amount: 180\n`,
    );
    const r = spawnSync(node, ['scripts/estimate.ts', p, '--row', '1'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).case.mismatches).toEqual(['amount: expected 180, got 187']);
  });
});

/**
 * Case tables of the rules (test/rules/<national|municipality>/<item-id>.cases.yaml): households
 * computed by hand from the law, with the verdict and amount the engine must give. Read by the
 * test runner (test/rules/cases.test.ts) and by the CLI (`npm run estimate -- <file> --row N`).
 * The format is explained for social workers in test/rules/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import type { Catalogue } from '#src/data/build-catalogue.ts';
import { publishedItemsFor } from '#src/data/build-catalogue.ts';
import { evaluate, parseHousehold, type Estimate, type HouseholdInput } from '#src/domain/engine/index.ts';
import type { NationalParameters } from '#src/domain/schemas/index.ts';

export const VERDICTS = ['likely', 'possible', 'unlikely', 'unknown'] as const;
export const STATUSES = ['needy', 'low-income', 'none', 'unknown'] as const;

export interface CaseRow {
  /** 1-based row number in the file. */
  row: number;
  says: string;
  date: string;
  municipality: string;
  household: Record<string, unknown>;
  verdict: (typeof VERDICTS)[number];
  /** Euros; null = no amount; undefined = not checked. */
  amount?: number | null;
  status?: (typeof STATUSES)[number];
  provisional?: boolean;
}

export interface CaseFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  /** `national` or the municipality id (the folder). */
  scope: string;
  item: string;
  rows: CaseRow[];
  /** Problems in the file: each makes the test of that file or row fail, naming it. */
  problems: string[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads one case file; never throws for bad content (problems are returned, naming file and row). */
export function readCaseFile(
  root: string,
  path: string,
  text = readFileSync(isAbsolute(path) ? path : join(root, path), 'utf8'),
): CaseFile {
  const rel = relative(root, isAbsolute(path) ? path : join(root, path))
    .split(sep)
    .join('/');
  // Under test/rules the folder is the scope (national or the municipality); elsewhere (a copy to try out) it is not.
  const inRules = rel.startsWith('test/rules/');
  const parts = rel.split('/');
  const scope = parts[parts.length - 2] ?? '';
  const item = (parts[parts.length - 1] ?? '').replace(/\.cases\.yaml$/, '');
  const problems: string[] = [];
  const rows: CaseRow[] = [];
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { path: rel, scope, item, rows, problems: [`${rel}: not valid YAML (${(e as Error).message})`] };
  }
  if (!isObject(doc))
    return { path: rel, scope, item, rows, problems: [`${rel}: expected "item", "municipality" and "cases"`] };
  if (doc.item !== item) problems.push(`${rel}: "item: ${String(doc.item)}" must be the file name's id "${item}"`);
  const fileMunicipality =
    typeof doc.municipality === 'string' ? doc.municipality : scope === 'national' || !inRules ? undefined : scope;
  if (inRules && scope !== 'national' && doc.municipality !== undefined && doc.municipality !== scope) {
    problems.push(`${rel}: "municipality: ${String(doc.municipality)}" must be the folder "${scope}"`);
  }
  const cases = doc.cases;
  if (!Array.isArray(cases))
    return { path: rel, scope, item, rows, problems: [...problems, `${rel}: "cases" must be a list of rows`] };
  cases.forEach((c, i) => {
    const n = i + 1;
    const where = `${rel} row ${n}${isObject(c) && typeof c.says === 'string' ? ` ("${c.says}")` : ''}`;
    if (!isObject(c))
      return problems.push(`${where}: a row must be a mapping (says, date, household, verdict, amount)`);
    const bad = (msg: string) => problems.push(`${where}: ${msg}`);
    if (typeof c.says !== 'string' || c.says.trim().length < 10)
      bad('"says" must say in a sentence what the household is and how the amount was computed');
    const date = c.date instanceof Date ? c.date.toISOString().slice(0, 10) : c.date;
    if (typeof date !== 'string' || !DATE.test(date)) bad('"date" must be a date YYYY-MM-DD');
    if (!isObject(c.household)) bad('"household" is missing (members, housing, assets, situations)');
    // The expectation: a row without one checks nothing and is refused.
    if (c.verdict === undefined)
      bad(
        'no expectation: add "verdict" (likely, possible, unlikely or unknown) and, where there is an amount, "amount"',
      );
    else if (!(VERDICTS as readonly unknown[]).includes(c.verdict))
      bad(`"verdict: ${String(c.verdict)}" must be one of ${VERDICTS.join(', ')}`);
    if (c.amount !== undefined && c.amount !== null && (typeof c.amount !== 'number' || !Number.isFinite(c.amount)))
      bad('"amount" must be euros as a number (e.g. 267 or 87.5), or null for no amount');
    if (c.status !== undefined && !(STATUSES as readonly unknown[]).includes(c.status))
      bad(`"status: ${String(c.status)}" must be one of ${STATUSES.join(', ')}`);
    const municipality = typeof c.municipality === 'string' ? c.municipality : fileMunicipality;
    if (!municipality) bad('no municipality: set "municipality" at the top of the file or in the row');
    const known = ['says', 'date', 'municipality', 'household', 'verdict', 'amount', 'status', 'provisional'];
    for (const k of Object.keys(c)) if (!known.includes(k)) bad(`unknown field "${k}" (fields: ${known.join(', ')})`);
    if (problems.some((p) => p.startsWith(`${where}:`))) return;
    rows.push({
      row: n,
      says: c.says as string,
      date: date as string,
      municipality: municipality!,
      household: c.household as Record<string, unknown>,
      verdict: c.verdict as CaseRow['verdict'],
      ...(c.amount !== undefined ? { amount: c.amount as number | null } : {}),
      ...(c.status !== undefined ? { status: c.status as CaseRow['status'] } : {}),
      ...(typeof c.provisional === 'boolean' ? { provisional: c.provisional } : {}),
    });
  });
  if (cases.length === 0) problems.push(`${rel}: "cases" has no rows`);
  return { path: rel, scope, item, rows, problems };
}

/** Every *.cases.yaml under `dir` (relative to root), sorted. */
export function caseFilePaths(root: string, dir = 'test/rules'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(join(root, d), { withFileTypes: true })) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.cases.yaml')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** The household input of a row, in the CLI's shape: the row's date and municipality filled in. */
export function householdOf(row: CaseRow): HouseholdInput {
  return { ...row.household, date: row.date, municipality: row.municipality } as HouseholdInput;
}

export interface RowResult {
  estimate: Estimate;
  got: { verdict: string | undefined; amount: number | null | undefined; status: string; provisional: boolean };
  /** Differences from the expectation, in words; empty when the row holds. */
  mismatches: string[];
}

/** Runs a row through the engine on the real packs and compares with its expectation. */
export function runRow(row: CaseRow, item: string, catalogue: Catalogue, parameters: NationalParameters): RowResult {
  const parsed = parseHousehold(householdOf(row));
  if (!parsed.ok)
    throw new Error(`household is not valid: ${parsed.errors.map((e) => `${e.path}: ${e.key}`).join('; ')}`);
  const municipality = catalogue.municipalities.find((m) => m.id === row.municipality);
  if (!municipality) throw new Error(`unknown municipality "${row.municipality}"`);
  const estimate = evaluate(parsed.value, {
    municipality,
    items: publishedItemsFor(catalogue, municipality),
    parameters,
  });
  return { estimate, ...compareRow(row, item, estimate) };
}

/** The item's verdict and amount (euros) in the estimate, and how they differ from the row's expectation. */
export function compareRow(row: CaseRow, item: string, estimate: Estimate): Omit<RowResult, 'estimate'> {
  const b = estimate.benefits.find((x) => x.id === item);
  const got = {
    verdict: b?.verdict,
    amount: b ? (b.amount ? b.amount.cents / 100 : null) : undefined,
    status: estimate.status,
    provisional: estimate.provisional,
  };
  const mismatches: string[] = [];
  if (!b) mismatches.push(`the item "${item}" is not in the estimate for ${row.municipality}`);
  if (got.verdict !== row.verdict) mismatches.push(`verdict: expected ${row.verdict}, got ${got.verdict}`);
  if (row.amount !== undefined && got.amount !== row.amount)
    mismatches.push(`amount: expected ${row.amount}, got ${got.amount}`);
  if (row.status !== undefined && got.status !== row.status)
    mismatches.push(`status: expected ${row.status}, got ${got.status}`);
  if (row.provisional !== undefined && got.provisional !== row.provisional)
    mismatches.push(`provisional: expected ${row.provisional}, got ${got.provisional}`);
  return { got, mismatches };
}

/** Items with `eligibility` in the real packs, as the case files that must exist for them. */
export function requiredCaseFiles(catalogue: Catalogue): { path: string; item: string; municipality: string }[] {
  const out = new Map<string, { path: string; item: string; municipality: string }>();
  for (const m of catalogue.municipalities) {
    for (const i of publishedItemsFor(catalogue, m)) {
      if (!i.eligibility) continue;
      const scope = i.scope === 'national' ? 'national' : m.id;
      const path = `test/rules/${scope}/${i.id}.cases.yaml`;
      if (!out.has(path)) out.set(path, { path, item: i.id, municipality: m.id });
    }
  }
  return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Required case files that are missing or have no valid row (the coverage check). */
export function missingCases(required: { path: string }[], files: CaseFile[]): string[] {
  const withRows = new Set(files.filter((f) => f.rows.length > 0).map((f) => f.path));
  return required.filter((r) => !withRows.has(r.path)).map((r) => r.path);
}

/**
 * CLI: npm run estimate -- <household.json|household.yaml> [--locale lv|ru]
 *      npm run estimate -- test/rules/<scope>/<item>.cases.yaml --row N [--locale lv|ru]
 * Prints the engine's estimate as JSON: euro amounts as numbers (`amount`) and as text with cents
 * (`amountText`, "267,00 €"), reasons with their text. With a case file and `--row`, the row's
 * household is computed and compared with its expected verdict and amount (`case.matches`; exit 1
 * when it does not hold). Bad input → exit code 2 and a message naming the field. See README
 * "Estimate CLI" and test/rules/README.md.
 */
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { parse as parseYaml } from 'yaml';
import { compareRow, householdOf, readCaseFile, type CaseRow } from './rule-cases.ts';
import { loadCatalogueFromDisk } from '#src/data/load-from-disk.ts';
import { publishedItemsFor } from '#src/data/build-catalogue.ts';
import { loadParametersFromDisk } from '#src/data/load-parameters-from-disk.ts';
import { evaluate, formatReasonParams, parseHousehold, type Estimate, type Reason } from '#src/domain/engine/index.ts';
import { formatDate, formatMoney, formatNumber } from '#src/i18n/format.ts';
import type { Locale } from '#src/i18n/locales.ts';

function fail(message: string): never {
  process.stderr.write(`estimate: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const localeArg = args.indexOf('--locale');
const rowArg = args.indexOf('--row');
const locale: Locale = localeArg >= 0 ? (args[localeArg + 1] === 'ru' ? 'ru' : 'lv') : 'lv';
const valueAt = new Set([localeArg + 1, rowArg + 1].filter((i) => i > 0));
const file = args.find((a, i) => !a.startsWith('--') && !valueAt.has(i));
if (!file)
  fail(
    'usage: npm run estimate -- <household.json|.yaml> [--locale lv|ru]\n       npm run estimate -- <item>.cases.yaml --row N [--locale lv|ru]',
  );

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const readData = (path: string): unknown =>
  /\.ya?ml$/.test(path) ? parseYaml(readFileSync(path, 'utf8')) : readJson(path);
const i18n = i18next.createInstance();
await i18n.init({
  lng: locale,
  resources: { [locale]: { rules: readJson(`locales/${locale}/rules.json`) as Record<string, unknown> } },
  defaultNS: 'rules',
  interpolation: { escapeValue: false },
});
const text = (key: string, params: Record<string, string | number> = {}): string => i18n.t(`rules:${key}`, params);

let json: unknown;
let caseRow: CaseRow | null = null;
let caseItem = '';
if (file.endsWith('.cases.yaml')) {
  // A row of a case table: its household with the row's date and municipality.
  const n = Number(rowArg >= 0 ? args[rowArg + 1] : NaN);
  const cases = readCaseFile(process.cwd(), file);
  if (cases.problems.length) fail(cases.problems.join('\n'));
  const row = cases.rows.find((r) => r.row === n);
  if (!row) fail(`${file}: give --row N, N from 1 to ${cases.rows.length}`);
  caseRow = row;
  caseItem = cases.item;
  json = householdOf(row);
} else {
  try {
    json = readData(file);
  } catch (e) {
    fail(`${file}: cannot read JSON (${(e as Error).message})`);
  }
}
const parsed = parseHousehold(json);
if (!parsed.ok)
  fail(
    `${file}: invalid household\n${parsed.errors.map((e) => `  ${e.path || '(root)'}: ${text(e.key)} [${e.key}]`).join('\n')}`,
  );

const catalogue = loadCatalogueFromDisk();
const municipality = catalogue.municipalities.find((m) => m.id === parsed.value.municipality);
if (!municipality) {
  fail(
    `${file}: municipality: ${text('household.error.unknownMunicipality')} "${parsed.value.municipality}" (${catalogue.municipalities.map((m) => m.id).join(', ')})`,
  );
}
const estimate = evaluate(parsed.value, {
  municipality,
  items: publishedItemsFor(catalogue, municipality),
  parameters: loadParametersFromDisk(process.cwd(), catalogue.sources),
});

const euro = (cents: number | null): number | null => (cents === null ? null : cents / 100);
/** "267,00 €" (with cents, as the social service writes amounts); null when there is no amount. */
const euroText = (cents: number | null | undefined): string | null =>
  cents === null || cents === undefined ? null : formatMoney(cents, locale);
const out = (reasons: Reason[]) =>
  reasons.map((r) => ({
    key: r.key,
    params: r.params,
    text: text(
      r.key,
      formatReasonParams(
        r.params,
        (c) => formatMoney(c, locale),
        (d) => formatDate(d, locale),
        (n) => formatNumber(n, locale),
      ),
    ),
  }));
const sum = (t: Estimate['thresholds']['gmi'] | null) => (t ? t.totalCents / 100 : null);

const caseResult = caseRow ? compareCase(caseRow, caseItem, estimate) : null;

process.stdout.write(
  JSON.stringify(
    {
      ...(caseResult ? { case: caseResult } : {}),
      date: estimate.date,
      municipality: estimate.municipality,
      status: estimate.status,
      incomeStatus: estimate.incomeStatus,
      provisional: estimate.provisional,
      provisionalParameters: estimate.provisionalParameters,
      basis: {
        latestKnownFrom: estimate.basis.latestKnownFrom,
        beyondKnownPeriod: estimate.basis.beyondKnownPeriod,
        text: estimate.basis.reason ? out([estimate.basis.reason])[0]!.text : null,
      },
      notes: out(estimate.notes),
      members: estimate.members,
      children: estimate.children,
      thresholds: {
        gmi: sum(estimate.thresholds.gmi),
        needy: sum(estimate.thresholds.needy),
        lowIncome: sum(estimate.thresholds.lowIncome),
        lowIncomeMax: sum(estimate.thresholds.lowIncomeMax),
        reasons: out(estimate.thresholds.reasons),
      },
      income: {
        known: estimate.income.known,
        counted: euro(estimate.income.countedCents),
        excluded: euro(estimate.income.excludedCents),
        reasons: out(estimate.income.reasons),
      },
      statusReasons: out(estimate.statusReasons),
      assets: {
        result: estimate.assets.result,
        provisional: estimate.assets.provisional,
        reasons: out(estimate.assets.checks.map((c) => c.reason)),
      },
      gmi: {
        verdict: estimate.gmi.verdict,
        amount: euro(estimate.gmi.amountCents),
        amountText: euroText(estimate.gmi.amountCents),
        reasons: out(estimate.gmi.reasons),
      },
      housing: {
        verdict: estimate.housing.verdict,
        amount: euro(estimate.housing.amountCents),
        amountText: euroText(estimate.housing.amountCents),
        coefficient: estimate.housing.coefficient,
        householdType: estimate.housing.householdType,
        provisional: estimate.housing.provisional,
        uses: estimate.housing.uses,
        reasons: out(estimate.housing.reasons),
      },
      crisis: { verdict: estimate.crisis.verdict, reasons: out(estimate.crisis.reasons) },
      benefits: estimate.benefits.map((b) => ({
        id: b.id,
        kind: b.kind,
        verdict: b.verdict,
        amount: b.amount ? b.amount.cents / 100 : null,
        amountText: euroText(b.amount?.cents ?? null),
        per: b.amount?.per ?? null,
        upTo: b.amount?.upTo ?? false,
        reasons: out(b.reasons),
      })),
      services: estimate.services.map((s) => ({ id: s.id, reasons: out(s.reasons) })),
      documents: estimate.documents.map((d) => ({ text: d.text[locale], items: d.items })),
    },
    null,
    2,
  ) + '\n',
);
if (caseResult && !caseResult.matches) process.exitCode = 1;

function compareCase(row: CaseRow, item: string, e: Estimate) {
  const { got, mismatches } = compareRow(row, item, e);
  const expected = {
    verdict: row.verdict,
    ...(row.amount !== undefined ? { amount: row.amount } : {}),
    ...(row.status ? { status: row.status } : {}),
  };
  return { file, row: row.row, item, says: row.says, expected, got, matches: mismatches.length === 0, mismatches };
}

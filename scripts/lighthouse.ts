/**
 * `npm run bench:lighthouse` (not in CI): Lighthouse mobile scores (simulated slow 4G + mid-range
 * phone CPU, Lighthouse's default) for the portal home, a benefit page, the estimator and a form,
 * in Latvian and Russian, with Debian Chromium. Writes the table into docs/benchmarks.md between
 * `<!-- bench:lighthouse -->` markers.
 *
 *   npm run build && npm run bench:lighthouse            serve dist/ on a free port, measure
 *   npm run bench:lighthouse -- --dist .build/x          another build
 *   npm run bench:lighthouse -- --url https://…          a running portal (nothing is started)
 *   npm run bench:lighthouse -- --no-write               print only
 *
 * Lighthouse is not a project dependency: it runs through `npx --yes lighthouse@LIGHTHOUSE_VERSION`
 * (npm fetches it once into its cache), or through a `lighthouse` binary on PATH / in
 * node_modules/.bin when one is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { paths } from '#src/i18n/paths.ts';
import { serveBuild } from '../test/e2e/support/serve-build.ts';

const REPO = resolve(import.meta.dirname, '..');
const VERSION = process.env.LIGHTHOUSE_VERSION ?? '13.5.0';
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const write = !args.includes('--no-write');

const PAGES: { name: string; path: string }[] = (['lv', 'ru'] as const).flatMap((l) => [
  { name: `home (${l})`, path: paths.home(l) },
  { name: `benefit: newborn, Daugavpils (${l})`, path: paths.benefit(l, 'daugavpils', 'newborn') },
  { name: `estimator, Daugavpils (${l})`, path: paths.estimator(l, 'daugavpils') },
  { name: `form: question, Daugavpils (${l})`, path: paths.apply(l, 'daugavpils', 'question') },
]);

/** The lighthouse command: an installed binary if there is one, else npx with a pinned version. */
function lighthouseCommand(): string[] {
  const local = join(REPO, 'node_modules/.bin/lighthouse');
  if (existsSync(local)) return [local];
  if (spawnSync('lighthouse', ['--version'], { stdio: 'ignore' }).status === 0) return ['lighthouse'];
  return ['npx', '--yes', `lighthouse@${VERSION}`];
}

interface Scores {
  name: string;
  path: string;
  scores: Record<string, number | null>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  bytes: number;
  failed: string[];
}

/** Audits that cost points outside performance (e.g. `hreflang`, `is-crawlable` on noindex forms). */
function failedAudits(report: Record<string, unknown>): string[] {
  const cats = report.categories as Record<string, { auditRefs: { id: string; weight: number }[] }>;
  const audits = report.audits as Record<string, { score: number | null }>;
  return CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    (cats[c]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && audits[r.id]?.score !== null && (audits[r.id]?.score ?? 1) < 1)
      .map((r) => r.id),
  );
}

function runLighthouse(url: string, out: string): Scores['scores'] & { _report: Record<string, unknown> } {
  const [cmd, ...pre] = lighthouseCommand();
  const r = spawnSync(
    cmd!,
    [
      ...pre,
      url,
      `--chrome-path=${CHROME}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CHROME_PATH: CHROME } },
  );
  if (r.status !== 0) throw new Error(`lighthouse failed for ${url} (exit ${r.status})`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { categories: Record<string, { score: number | null }> };
  const scores: Record<string, number | null> = {};
  for (const c of CATEGORIES)
    scores[c] = report.categories[c]?.score == null ? null : Math.round(report.categories[c]!.score! * 100);
  return Object.assign(scores, { _report: report as unknown as Record<string, unknown> });
}

function audit(report: Record<string, unknown>, id: string): number {
  return (report.audits as Record<string, { numericValue?: number }>)[id]?.numericValue ?? NaN;
}

async function main(): Promise<void> {
  const given = arg('--url');
  const server = given
    ? { url: given.replace(/\/$/, ''), stop: async () => {} }
    : await serveBuild(resolve(arg('--dist') ?? 'dist'));
  const tmp = mkdtempSync(join(tmpdir(), 'atbalsts-lh-report-'));
  const rows: Scores[] = [];
  try {
    for (const p of PAGES) {
      const probe = await fetch(server.url + p.path);
      if (probe.status !== 200) {
        console.warn(`skipped ${p.name}: ${p.path} answers ${probe.status}`);
        continue;
      }
      const { _report, ...scores } = runLighthouse(server.url + p.path, join(tmp, 'report.json'));
      rows.push({
        ...p,
        scores,
        lcpMs: audit(_report, 'largest-contentful-paint'),
        tbtMs: audit(_report, 'total-blocking-time'),
        cls: audit(_report, 'cumulative-layout-shift'),
        bytes: audit(_report, 'total-byte-weight'),
        failed: failedAudits(_report),
      });
      console.log(`${p.name}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}`);
    }
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  const table = [
    '| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | transfer | failed audits (not performance) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} \`${r.path}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${(r.lcpMs / 1000).toFixed(1)} s | ${Math.round(r.tbtMs)} ms | ${r.cls.toFixed(3)} | ${(r.bytes / 1024).toFixed(1)} KB | ${r.failed.map((a) => `\`${a}\``).join(', ') || '—'} |`,
    ),
  ].join('\n');
  console.log(`\n${table}`);
  if (!write || rows.length === 0) return;
  const section = [
    '<!-- bench:lighthouse -->',
    '## Lighthouse (mobile)',
    '',
    `\`npm run bench:lighthouse\` (not in CI): Lighthouse ${VERSION}, default mobile profile (simulated slow 4G, 4× CPU slowdown, 412 px Moto G Power screen), Debian Chromium, the built portal served by \`scripts/start.mjs\` on 127.0.0.1 (precompressed pages).`,
    '',
    table,
    '',
    'Notes: `is-crawlable` on the forms is by design (application pages are `noindex`). `hreflang`: the alternates are relative URLs (`/lv/…`); Lighthouse and search engines want absolute ones, which needs the public origin of a deployment as configuration.',
    '',
    `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC._`,
    '<!-- /bench:lighthouse -->',
  ].join('\n');
  const file = join(REPO, 'docs/benchmarks.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = /<!-- bench:lighthouse -->[\s\S]*?<!-- \/bench:lighthouse -->/;
  writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
  console.log(`\nwrote ${file}`);
}

await main();

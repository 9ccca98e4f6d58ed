/**
 * The estimator page's weight (budget: ≤ 35 KB gzip of JavaScript, for residents on old phones and
 * slow connections; every page's HTML + CSS ≤ 30 KB gzip): every /{locale}/{municipality}/novertejums/ page of a build, measured with
 * scripts/size.ts (JavaScript followed through every chunk the page loads).
 * Uses ATBALSTS_DIST (a built portal) or builds into .build/bench (shared with endpoint.bench.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureSite } from '../scripts/size.ts';

const root = resolve(import.meta.dirname, '..');
const KB = 1024;
const JS_BUDGET = 35 * KB;
const PAGE_BUDGET = 30 * KB;

function distDir(): string {
  const preset = process.env.ATBALSTS_DIST;
  if (preset && existsSync(join(preset, 'server/entry.mjs'))) return resolve(preset);
  const dir = join(root, '.build/bench');
  execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Later bench files in this run can measure the same fresh build.
  process.env.ATBALSTS_DIST = dir;
  return dir;
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

export async function run(): Promise<string> {
  const rows = measureSite(distDir()).filter((r) => /^\/(lv|ru)\/[^/]+\/novertejums\/$/.test(r.page));
  if (rows.length === 0) throw new Error('estimator-size: no estimator pages in the build');
  const maxJs = Math.max(...rows.map((r) => r.jsGzip));
  const maxPage = Math.max(...rows.map((r) => r.htmlGzip + r.cssGzip));
  const lines = [
    '## Estimator page size',
    '',
    `JavaScript the estimator page loads in total (Preact, the island, the rules engine, the tiny translator), gzip: **${kb(maxJs)}** (goal ≤ ${kb(JS_BUDGET)}: ${maxJs <= JS_BUDGET ? 'met' : 'NOT met'}).`,
    `Largest estimator page HTML + CSS, gzip (includes the island's data: trimmed pack and lv/ru strings): **${kb(maxPage)}** (budget ≤ ${kb(PAGE_BUDGET)}: ${maxPage <= PAGE_BUDGET ? 'met' : 'NOT met'}).`,
    '',
    '| page | HTML gzip | CSS gzip | JS gzip | JS files |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.page} | ${kb(r.htmlGzip)} | ${kb(r.cssGzip)} | ${kb(r.jsGzip)} | ${r.jsFiles.length} |`),
  ];
  return lines.join('\n');
}

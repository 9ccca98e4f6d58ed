/**
 * Benchmark runner: npm run bench [-- <name> ...]
 * Runs every bench/*.bench.ts (or only those whose name contains one of the arguments). Each
 * exports `async function run(): Promise<string>` returning a markdown section. The runner
 * writes docs/benchmarks.md with the command, date and machine; sections of bench files that
 * were not run this time are kept from the previous file (marked by <!-- bench:<name> -->).
 * Hand-written notes on a section (how figures compare with earlier trees, what changed) go in a
 * <!-- notes:<name> --> … <!-- /notes:<name> --> block after it: kept as written by every run.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs/benchmarks.md');
const filters = process.argv.slice(2);
const all = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = filters.length ? all.filter((f) => filters.some((x) => f.includes(x))) : all;
if (chosen.length === 0) {
  console.error(`bench: no bench file matches ${filters.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

const nameOf = (file: string) => file.replace(/\.bench\.ts$/, '');
const before = existsSync(out) ? readFileSync(out, 'utf8') : '';
/** The blocks `<!-- <kind>:<name> -->…<!-- /<kind>:<name> -->` of the previous file, by name. */
const blocks = (kind: 'bench' | 'notes') =>
  new Map(
    [...before.matchAll(new RegExp(`<!-- ${kind}:([\\w.-]+) -->\\n([\\s\\S]*?)\\n<!-- /${kind}:\\1 -->`, 'g'))].map(
      (m) => [m[1]!, m[2]!] as const,
    ),
  );
const previous = blocks('bench');
const notes = blocks('notes');

const sections = new Map(previous);
for (const file of chosen) {
  const name = nameOf(file);
  process.stderr.write(`bench: ${name} …\n`);
  const mod = (await import(pathToFileURL(join(root, 'bench', file)).href)) as { run?: () => Promise<string> };
  if (typeof mod.run !== 'function') throw new Error(`bench/${file} must export async function run(): Promise<string>`);
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  sections.set(name, `${(await mod.run()).trim()}\n\n_Measured ${started} UTC._`);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const body = [
  '# Benchmarks',
  '',
  `Command: \`npm run bench\` (or \`npm run bench -- <name>\` for one section). Last run: ${new Date().toISOString().slice(0, 10)}.`,
  `Machine: ${cpu}, ${cpus().length} logical CPUs, Node ${process.version}. Figures vary with machine load; compare runs on the same machine.`,
  '',
  ...[...sections.keys()]
    .sort()
    .map(
      (name) =>
        `<!-- bench:${name} -->\n${sections.get(name)}\n<!-- /bench:${name} -->\n` +
        (notes.has(name) ? `\n<!-- notes:${name} -->\n${notes.get(name)}\n<!-- /notes:${name} -->\n` : ''),
    ),
].join('\n');
writeFileSync(out, body);
for (const file of chosen) process.stdout.write(`${sections.get(nameOf(file))}\n\n`);
process.stderr.write(`bench: wrote ${out}\n`);

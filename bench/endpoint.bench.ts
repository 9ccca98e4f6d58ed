/**
 * The application endpoint under load on 127.0.0.1 (autocannon against the real server process,
 * scripts/start.mjs, no SMTP: the worker writes .eml files as on a fresh machine), all in one
 * run at 16 connections:
 * - floor: a bare on-demand Astro endpoint in the same build (src/pages/api/bench-floor.ts,
 *   enabled by ATBALSTS_BENCH_ROUTE=1), POSTed the same body through the same guards;
 * - rejected requests/s: invalid applications (wrong personal-code check digit) → 400 with
 *   translated field errors; target ≥ 2000/s and ≥ 0.6 × the floor;
 * - accepted applications/s: valid JSON applications (question form, each with its own
 *   Idempotency-Key), validated and fdatasync'ed into the outbox's intake journal before the 201
 *   (the worker renders the PDF and e-mails afterwards, meanwhile); target ≥ 200/s, p99 < 50 ms;
 * - and the JavaScript the form page loads (gzip).
 * Uses ATBALSTS_DIST (a built portal) or builds into .build/bench.
 */
// @ts-expect-error -- autocannon ships no type declarations (no @types package added: dependency freeze)
import autocannon from 'autocannon';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');

function distDir(): string {
  const preset = process.env.ATBALSTS_DIST;
  if (preset && existsSync(join(preset, 'server/entry.mjs'))) return resolve(preset);
  const dir = join(root, '.build/bench');
  execFileSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

/** CPU time (ms, all threads) the process has used so far; undefined where /proc is missing. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100/s)
  } catch {
    return undefined;
  }
}

async function startServer(
  dist: string,
  tmp: string,
): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(join(root, 'node_modules/.bin/node'), [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      DIST_DIR: dist,
      OUTBOX_DIR: join(tmp, 'outbox'),
      MAIL_DIR: join(tmp, 'mail'),
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
      ATBALSTS_BENCH_ROUTE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a half-started server behind
      reject(new Error(`server did not start:\n${out}`));
    }, 30_000);
    const onData = (c: Buffer) => {
      if (out.length < 100_000) out += c.toString(); // logs keep flowing under load; keep only the start
      const m = /"event":"server\.listening"[^\n]*"port":(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () => new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))),
  };
}

interface Result {
  /** Server CPU (all threads) per answered request, ms. */
  cpu?: number;
  rps: number;
  p99: number;
  p50: number;
  statuses: Record<string, number>;
  total: number;
}

async function load(
  url: string,
  body: string,
  opts: { duration: number; connections: number; uniqueKey: boolean; serverPid: number | undefined },
): Promise<Result> {
  const before = cpuMs(opts.serverPid);
  const result = await cannon(url, body, opts);
  const after = cpuMs(opts.serverPid);
  return before !== undefined && after !== undefined && result.total
    ? { ...result, cpu: (after - before) / result.total }
    : result;
}

/**
 * The requests are built before the run (a per-request `setupRequest` is rebuilt for every
 * request in the client, about 0.6 ms of CPU each on the CPUs the server shares). For accepted
 * applications each connection gets its own list of Idempotency-Keys — enough for 2 500 requests
 * a second in all, more than the server answers — and cycles through it.
 */
function cannon(
  url: string,
  body: string,
  opts: { duration: number; connections: number; uniqueKey: boolean },
): Promise<Result> {
  const headers = (key: string) => ({ 'content-type': 'application/json', 'idempotency-key': key });
  const perConnection = Math.ceil((opts.duration * 2_500) / opts.connections);
  let clients = 0;
  const setupClient = (client: { setRequests: (requests: { headers: Record<string, string> }[]) => void }) => {
    const c = clients++;
    client.setRequests(
      opts.uniqueKey
        ? Array.from({ length: perConnection }, (_, i) => ({
            headers: headers(`bench-${process.pid}-${c}-${i}-${Date.now()}`),
          }))
        : [{ headers: headers('bench-fixed-key-000000') }],
    );
  };
  return new Promise((resolveRun, reject) => {
    const statuses: Record<string, number> = {};
    const instance = autocannon(
      {
        url,
        method: 'POST',
        duration: opts.duration,
        connections: opts.connections,
        timeout: 60,
        body,
        setupClient,
      },
      (
        err: Error | null,
        result: { requests: { average: number }; latency: { p99: number; p50: number }; requests_total?: number },
      ) => {
        if (err) return reject(err);
        resolveRun({
          rps: result.requests.average,
          p99: result.latency.p99,
          p50: result.latency.p50,
          statuses,
          total: Object.values(statuses).reduce((a, b) => a + b, 0),
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

/** Gzip size of every JS file the page loads (entry scripts, islands, their imports). */
async function pageJsGzip(url: string, clientDir: string): Promise<{ bytes: number; files: number }> {
  const html = await (await fetch(url)).text();
  const entries = [...html.matchAll(/(?:<script[^>]+src|component-url|renderer-url)="(\/[^"]+)"/g)].map((m) =>
    m[1]!.slice(1),
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(clientDir, file))) return;
    seen.add(file);
    const src = readFileSync(join(clientDir, file), 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
      visit(relative(clientDir, resolve(dirname(join(clientDir, file)), m[1]!)));
  };
  entries.forEach(visit);
  const bytes = [...seen].reduce((s, f) => s + gzipSync(readFileSync(join(clientDir, f)), { level: 9 }).length, 0);
  return { bytes, files: seen.size };
}

/**
 * After the accepted burst: the work that follows the 201s — the intake journal writes the items
 * into queue/, the worker renders and delivers them (here: .eml files). `accepted` counts every
 * 201 of the run; `items` are those not yet delivered when the burst ended. Watched for at most
 * DRAIN_WATCH_MS: `delivered` of them in `seconds` (all of them when `delivered === items`);
 * `inQueueAfter`: seconds until the journal had written every one of them into queue/.
 */
async function drained(
  tmp: string,
  accepted: number,
): Promise<{ items: number; delivered: number; seconds: number; inQueueAfter?: number }> {
  const started = performance.now();
  const list = (dir: string) => (existsSync(join(tmp, dir)) ? readdirSync(join(tmp, dir)) : []);
  const delivered = () => list('mail').filter((f) => f.endsWith('-staff.eml')).length;
  const journaled = () => list('outbox/journal').some((f) => f.endsWith('.log'));
  const before = delivered();
  let inQueueAfter: number | undefined;
  while (delivered() < accepted && performance.now() - started < DRAIN_WATCH_MS) {
    await new Promise((r) => setTimeout(r, 250));
    if (inQueueAfter === undefined && !journaled()) inQueueAfter = (performance.now() - started) / 1000;
  }
  return {
    items: accepted - before,
    delivered: delivered() - before,
    seconds: (performance.now() - started) / 1000,
    ...(inQueueAfter !== undefined ? { inQueueAfter } : {}),
  };
}

/** How long the delivery after the burst is watched (the rate is what it measures). */
const DRAIN_WATCH_MS = 60_000;

/** Requests of each kind sent before the measured runs (one accepted application each). */
const WARM_UPS = 5;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
const la = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

export async function run(): Promise<string> {
  const dist = distDir();
  const tmp = mkdtempSync(join(tmpdir(), 'atbalsts-bench-'));
  const server = await startServer(dist, tmp);
  try {
    const example = JSON.parse(readFileSync(join(root, 'examples/applications/question.json'), 'utf8'));
    const invalid = structuredClone(example);
    invalid.answers.applicant.personalCode = '010190-12348';
    const endpoint = `${server.url}/api/daugavpils/applications/question/`;
    const floorUrl = `${server.url}/api/bench-floor/`;
    // Warm-up: the first requests load the route modules and the catalogue.
    for (let i = 0; i < WARM_UPS; i++) {
      await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `bench-warm-${Date.now()}-${i}-x` },
        body: JSON.stringify(example),
      });
      await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `bench-warm-${Date.now()}-${i}-y` },
        body: JSON.stringify(invalid),
      });
      await fetch(floorUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(invalid),
      });
    }
    const loadBefore = la();
    const opts = { connections: 16, serverPid: server.pid };
    const floor = await load(floorUrl, JSON.stringify(invalid), { ...opts, uniqueKey: false, duration: 5 });
    const rejected = await load(endpoint, JSON.stringify(invalid), { ...opts, uniqueKey: false, duration: 5 });
    const accepted = await load(endpoint, JSON.stringify(example), { ...opts, uniqueKey: true, duration: 10 });
    const loadAfter = la();
    const drain = await drained(tmp, WARM_UPS + (accepted.statuses['201'] ?? 0));
    const js = await pageJsGzip(`${server.url}/lv/daugavpils/pieteikums/social-assistance/`, join(dist, 'client'));
    const kb = (b: number) => (b / 1024).toFixed(1);
    const ratio = rejected.rps / floor.rps;
    const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**');
    return [
      '## Application endpoint',
      '',
      'autocannon on 127.0.0.1 against the real server process (`scripts/start.mjs`), 16 connections, one run:',
      'the floor is a bare on-demand Astro endpoint in the same build (`/api/bench-floor/`, on only with `ATBALSTS_BENCH_ROUTE=1`)',
      'behind the same guards; rejected and accepted go to the JSON API `POST /api/daugavpils/applications/question/`,',
      "which the Node server answers itself after the same guards (the framework-free handler, without Astro's router).",
      "An accepted application is validated and fdatasync'ed into the outbox's intake journal before the 201 (applications arriving",
      'together share one write); the journal then writes it into the outbox queue, and the outbox worker renders the PDF, staff e-mail,',
      'receipt and application.json on its thread and writes .eml files (no SMTP configured). Both wait while applications are',
      'arriving (at most 1 s per item for the worker, until half of the 64 MB backlog for the journal), so the burst is answered first.',
      '',
      `Load average before / after the run: ${loadBefore} → ${loadAfter} on ${cpus().length} CPUs (other work on the machine slows these figures).`,
      '',
      '| scenario | connections | requests/s | p50 ms | p99 ms | server CPU ms / request | statuses |',
      '|---|---:|---:|---:|---:|---:|---|',
      ...(
        [
          ['floor: bare Astro endpoint (200)', floor],
          ['rejected: wrong personal code (400)', rejected],
          ['accepted applications (201)', accepted],
        ] as const
      ).map(
        ([name, r]) =>
          `| ${name} | 16 | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.cpu?.toFixed(2) ?? 'n/a'} | ${JSON.stringify(r.statuses)} |`,
      ),
      '',
      'Server CPU: user + system time of the server process (all its threads: event loop, render thread, thread pool, GC)',
      'during the scenario, per answered request — less sensitive to other work on the machine than the rates.',
      'The client (autocannon, in the bench process on the same CPUs) sends requests built before the run.',
      '',
      drain.delivered === drain.items
        ? `After the accepted burst the server wrote into the queue, rendered and delivered (.eml files) the ${fmt(drain.items)} applications not yet delivered in ${drain.seconds.toFixed(1)} s` +
          (drain.items ? ` (${fmt(drain.items / drain.seconds)}/s, PDF, staff e-mail and receipt each).` : '.')
        : `After the accepted burst ${fmt(drain.items)} applications were not yet delivered; in the next ${drain.seconds.toFixed(0)} s the server wrote into the queue, rendered and delivered (.eml files) ${fmt(drain.delivered)} of them ` +
          `(${(drain.delivered / drain.seconds).toFixed(1)}/s, PDF, staff e-mail and receipt each; the rest at that rate: about ${fmt((drain.items - drain.delivered) / Math.max(drain.delivered / drain.seconds, 0.01))} s more).` +
          (drain.inQueueAfter !== undefined
            ? ` The intake journal had written all of them into the queue ${drain.inQueueAfter.toFixed(1)} s after the burst.`
            : ` The intake journal had not written all of them into the queue within ${drain.seconds.toFixed(0)} s.`),
      '',
      `Targets: accepted ≥ 200/s with p99 < 50 ms: ${verdict(accepted.rps >= 200 && accepted.p99 < 50)} (${fmt(accepted.rps)}/s, p99 ${accepted.p99} ms); ` +
        `rejected ≥ 2 000/s: ${verdict(rejected.rps >= 2000)} (${fmt(rejected.rps)}/s); rejected ≥ 0.6 × floor: ${verdict(ratio >= 0.6)} (${ratio.toFixed(2)} × ${fmt(floor.rps)}/s).`,
      '',
      `Form page JavaScript (\`/lv/daugavpils/pieteikums/social-assistance/\`, everything it loads): **${kb(js.bytes)} KB gzip** in ${js.files} files (budget 35 KB).`,
    ].join('\n');
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

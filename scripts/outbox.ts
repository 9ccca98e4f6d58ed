/**
 * Outbox administration (dead letters) for the server's configured OUTBOX_DIR:
 *
 *   npm run outbox -- list [--sent] [--json]   journaled, queued and dead items: reference, state, attempts, last error, age
 *   npm run outbox -- show <reference> [--json] one item's metadata (no answers, no addresses)
 *   npm run outbox -- retry <reference>        move a dead letter back to the queue
 *
 * Reads the same environment as the server (OUTBOX_DIR, see docs/deploy.md). Exit codes: 0 done,
 * 1 reference not found / not dead, 2 usage, 78 configuration error.
 */
import { ConfigError, loadConfig } from '#src/server/env.ts';
import { listItems, parseReference, retryItem, showItem, type ItemSummary } from '#src/server/outbox/admin.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [command, ref] = args.filter((a) => !a.startsWith('--'));
const json = flags.has('--json');
const usage = 'usage: npm run outbox -- list [--sent] [--json] | show <reference> [--json] | retry <reference>\n';

let root: string;
try {
  root = loadConfig().outboxDir;
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  throw err;
}

function age(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

function table(items: ItemSummary[]): string {
  const rows = [
    ['REFERENCE', 'STATE', 'ATTEMPTS', 'LAST ERROR', 'AGE'],
    ...items.map((i) => [i.reference, i.state, String(i.attempts), i.lastError ?? '-', age(i.ageSeconds)]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, c) => cell.padEnd(widths[c]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

switch (command) {
  case 'list': {
    const items = await listItems(root, { sent: flags.has('--sent') });
    if (json) process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
    else process.stdout.write(items.length ? table(items) : `outbox ${root}: nothing queued, no dead letters\n`);
    break;
  }
  case 'show': {
    const reference = parseReference(ref);
    if (!reference) {
      process.stderr.write(usage);
      process.exit(2);
    }
    const details = await showItem(root, reference);
    if (!details) {
      process.stderr.write(`${reference}: not in the outbox (${root})\n`);
      process.exit(1);
    }
    if (json) process.stdout.write(`${JSON.stringify(details, null, 2)}\n`);
    else {
      const lines: [string, string][] = [
        ['reference', details.reference],
        ['folder', `${details.folder} (${details.state})`],
        [
          'format',
          `${details.format}${details.format === 'record' ? (details.rendered ? ', rendered' : ', not rendered yet') : ''}`,
        ],
        ['municipality', details.municipality ?? '-'],
        ['form', details.form ?? '-'],
        ['item', details.item ?? '-'],
        ['stored', `${details.createdAt ?? '-'} (${age(details.ageSeconds)} ago)`],
        ['attempts', String(details.attempts)],
        ['next attempt', details.nextAttemptAt ?? '-'],
        [
          'last error',
          details.lastErrorDetail
            ? `${details.lastErrorDetail.code}${details.lastErrorDetail.responseCode ? ` ${details.lastErrorDetail.responseCode}` : ''} on message "${details.lastErrorDetail.message}" at ${details.lastErrorDetail.at}${details.lastErrorDetail.permanent ? ' (permanent)' : ''}`
            : '-',
        ],
        ['dead', details.deadAt ? `${details.deadAt} (${details.deadReason ?? '?'})` : '-'],
        [
          'delivered',
          details.delivered.length ? details.delivered.map((d) => `${d.message} at ${d.at}`).join('; ') : '-',
        ],
        ['files', details.files.length ? details.files.map((f) => `${f.name} (${f.size} B)`).join(', ') : '-'],
      ];
      process.stdout.write(lines.map(([k, v]) => `${k.padEnd(13)} ${v}`).join('\n') + '\n');
    }
    break;
  }
  case 'retry': {
    const reference = parseReference(ref);
    if (!reference) {
      process.stderr.write(usage);
      process.exit(2);
    }
    const result = await retryItem(root, reference);
    if (result === 'not-found') {
      process.stderr.write(`${reference}: not in the outbox (${root})\n`);
      process.exit(1);
    }
    if (result === 'not-dead') {
      process.stderr.write(`${reference}: not a dead letter (only items in dead/ can be retried)\n`);
      process.exit(1);
    }
    process.stdout.write(
      `${reference}: moved back to the queue; the running server sends what was not yet delivered\n`,
    );
    break;
  }
  default:
    process.stderr.write(usage);
    process.exit(2);
}

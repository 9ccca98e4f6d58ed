/**
 * The documented examples (examples/households/*.json) through the real CLI on the real packs:
 * each produces the key results in its *.expected.json. Bad input exits 2 naming the field.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const node = join(root, 'node_modules/.bin/node');
const dir = join(root, 'examples/households');
const cli = (...args: string[]) => spawnSync(node, ['scripts/estimate.ts', ...args], { cwd: root, encoding: 'utf8' });
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
  .sort();

interface Expected {
  status: string;
  provisional: boolean;
  thresholds: { gmi: number; needy: number; lowIncome: number | null };
  income: { counted: number; excluded: number };
  gmi: { verdict: string; amount: number | null };
  housing: { verdict: string; amount: number | null; coefficient: number | null; provisional: boolean };
  benefits: { id: string; verdict: string; amount: number | null }[];
}

describe('examples/households through `npm run estimate`', () => {
  it('there are at least 6 examples, each with its expected results', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const f of examples) expect(readdirSync(dir)).toContain(f.replace(/\.json$/, '.expected.json'));
  });

  for (const f of examples) {
    it(`${f} gives the documented results`, () => {
      const out = JSON.parse(
        execFileSync(node, ['scripts/estimate.ts', join('examples/households', f)], { cwd: root, encoding: 'utf8' }),
      );
      const want = JSON.parse(readFileSync(join(dir, f.replace(/\.json$/, '.expected.json')), 'utf8')) as Expected;
      expect({ status: out.status, provisional: out.provisional }).toEqual({
        status: want.status,
        provisional: want.provisional,
      });
      expect({ gmi: out.thresholds.gmi, needy: out.thresholds.needy, lowIncome: out.thresholds.lowIncome }).toEqual(
        want.thresholds,
      );
      expect({ counted: out.income.counted, excluded: out.income.excluded }).toEqual(want.income);
      expect({ verdict: out.gmi.verdict, amount: out.gmi.amount }).toEqual(want.gmi);
      expect({
        verdict: out.housing.verdict,
        amount: out.housing.amount,
        coefficient: out.housing.coefficient,
        provisional: out.housing.provisional,
      }).toEqual(want.housing);
      for (const b of want.benefits) {
        const got = out.benefits.find((x: { id: string }) => x.id === b.id);
        expect({ id: b.id, verdict: got?.verdict, amount: got?.amount }).toEqual(b);
      }
      // Every reason has its Latvian text, with no leftover placeholder.
      const texts: string[] = JSON.stringify(out).match(/"text":"[^"]*"/g) ?? [];
      expect(texts.length).toBeGreaterThan(5);
      expect(texts.filter((t) => t.includes('{{') || t.includes('rules:'))).toEqual([]);
    });
  }

  it('the single pensioner in Daugavpils gets 267 € housing benefit, as the published example works it out', () => {
    const out = JSON.parse(cli('examples/households/single-pensioner-daugavpils.json').stdout);
    expect(out.housing.amount).toBe(267);
    expect(
      out.housing.reasons
        .map((r: { text: string }) => r.text)
        .join(' ')
        .replace(/\s/g, ' '),
    ).toContain('187,00 € × 2,5');
  });

  it('--locale ru gives the reasons in Russian', () => {
    const out = JSON.parse(cli('examples/households/single-pensioner-daugavpils.json', '--locale', 'ru').stdout);
    expect(out.statusReasons[0].text).toMatch(
      /^Доходы домохозяйства 500,00\s€ превышают порог нуждающегося домохозяйства 425,00\s€\.$/,
    );
  });

  describe('bad input: exit code 2 and the field named', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'estimate-'));
    const write = (name: string, body: unknown) => {
      const p = join(tmp, name);
      writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
      return p;
    };
    const good = JSON.parse(readFileSync(join(dir, 'single-pensioner-daugavpils.json'), 'utf8'));
    it('negative income', () => {
      const r = cli(
        write('neg.json', { ...good, members: [{ ...good.members[0], incomes: [{ type: 'pension', monthly: -5 }] }] }),
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('members.0.incomes.0.monthly');
      expect(r.stderr).toContain('household.error.negative');
    });
    it('unknown municipality', () => {
      const r = cli(write('mun.json', { ...good, municipality: 'riga' }));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('municipality');
    });
    it('not JSON', () => {
      const r = cli(write('bad.json', '{ "date": '));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('cannot read JSON');
    });
    it('no file given', () => {
      expect(cli().status).toBe(2);
    });
  });
});

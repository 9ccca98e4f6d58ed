/**
 * Estimator journeys (issues 3 and 5), in Latvian and Russian: a resident answers every step of
 * the island from the first question to the results; what the page shows (status, GMI, housing
 * benefit, every municipal benefit's verdict and amount, the services) must be what
 * `npm run estimate` prints for the same household on the same date. Then "apply with these
 * answers" opens the social-assistance form with the answers handed over in this browser only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInLatvia } from '#src/i18n/today-in-latvia.ts';
import { APPLY_ANSWERS_KEY } from '#src/domain/estimator/storage-keys.ts';
import { REQUESTS } from '#src/domain/forms/social-assistance.ts';
import { formatMoney, paths, tFor, type Locale } from '#src/i18n/index.ts';
import { MOBILE, newContext, portalAndBrowser } from './support/browser.ts';

interface Member {
  age: number;
  pensioner?: boolean;
  disability: null | 'I' | 'II' | 'III';
  student?: boolean;
  incomes: { type: string; monthly: number }[];
}
interface Household {
  municipality: string;
  members: Member[];
  housing: { costsMonthly: number; heating: 'district' | 'stove' | 'other' };
  assets: { savings: number; otherRealEstate: boolean; vehicles: number };
  situations: string[];
}

/** The households, in the CLI's input shape (README "Estimate CLI"); the test types them in. */
const HOUSEHOLDS: Record<string, Household> = {
  'single pensioner': {
    municipality: 'daugavpils',
    members: [{ age: 70, pensioner: true, disability: null, incomes: [{ type: 'pension', monthly: 500 }] }],
    housing: { costsMonthly: 300, heating: 'district' },
    assets: { savings: 0, otherRealEstate: false, vehicles: 0 },
    situations: [],
  },
  'family with two children and a new baby': {
    municipality: 'daugavpils',
    members: [
      {
        age: 36,
        disability: null,
        incomes: [
          { type: 'salary', monthly: 1250 },
          { type: 'state-family-benefit', monthly: 50 },
        ],
      },
      { age: 34, disability: null, incomes: [] },
      { age: 10, disability: null, student: true, incomes: [] },
      { age: 0, disability: null, incomes: [] },
    ],
    housing: { costsMonthly: 400, heating: 'district' },
    assets: { savings: 150, otherRealEstate: false, vehicles: 1 },
    situations: ['new-baby'],
  },
  'person with disability (group II)': {
    municipality: 'rezeknes-novads',
    members: [{ age: 45, disability: 'II', incomes: [{ type: 'disability-pension', monthly: 480 }] }],
    housing: { costsMonthly: 250, heating: 'stove' },
    assets: { savings: 0, otherRealEstate: false, vehicles: 0 },
    situations: [],
  },
  'unemployed couple': {
    municipality: 'bauskas-novads',
    members: [
      { age: 38, disability: null, incomes: [{ type: 'unemployment-benefit', monthly: 250 }] },
      { age: 35, disability: null, incomes: [] },
    ],
    housing: { costsMonthly: 280, heating: 'other' },
    assets: { savings: 100, otherRealEstate: false, vehicles: 1 },
    situations: [],
  },
};

interface CliBenefit {
  id: string;
  verdict: string;
  amount: number | null;
}
interface CliEstimate {
  date: string;
  status: string;
  gmi: { verdict: string; amount: number | null };
  housing: { verdict: string; amount: number | null };
  crisis: { verdict: string };
  benefits: CliBenefit[];
  services: { id: string }[];
}

/** `npm run estimate -- <household.json>`: the CLI itself, run by the same Node. */
function estimateWithCli(h: Household, date: string): CliEstimate {
  const dir = mkdtempSync(join(tmpdir(), 'atbalsts-e2e-household-'));
  const file = join(dir, 'household.json');
  writeFileSync(file, JSON.stringify({ date, ...h }));
  return JSON.parse(execFileSync(process.execPath, ['scripts/estimate.ts', file], { encoding: 'utf8' })) as CliEstimate;
}

const env = portalAndBrowser();

const normalise = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const money = (euros: number, l: Locale) => normalise(formatMoney(Math.round(euros * 100), l));

/** Types the household into the island, step by step, the way a resident does. */
async function answer(page: Page, h: Household, l: Locale): Promise<void> {
  const t = tFor(l);
  const next = async (last = false) => {
    await page
      .getByRole('button', {
        name: t(last ? 'estimator:action.showResults' : 'estimator:action.continue'),
        exact: true,
      })
      .click();
  };
  // A step is ready when its heading has the focus (the island scrolls it into view then; acting
  // before that on a loaded machine can click where the page is about to scroll away from).
  const stepIs = (id: string, focused = id !== 'municipality') =>
    expect
      .poll(
        () =>
          page.evaluate(
            (f) =>
              (f
                ? (document.activeElement as HTMLElement | null)?.dataset?.step
                : document.querySelector<HTMLElement>('[data-step]')?.dataset.step) ?? 'not yet',
            focused,
          ),
        { timeout: 20_000, message: `estimator step ${id}` },
      )
      .toBe(id);

  await stepIs('municipality');
  await next();
  await stepIs('members');
  for (let i = 1; i < h.members.length; i++) {
    await page.getByRole('button', { name: t('estimator:action.addMember'), exact: true }).click();
    // The new person's age field takes the focus (and scrolls into view): wait for it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe(`m${i}-age`);
  }
  for (const [i, m] of h.members.entries()) {
    await page.locator(`#m${i}-age`).fill(String(m.age));
    await page.locator(m.disability ? `#m${i}-disability-${m.disability}` : `#m${i}-disability`).check();
    if (m.pensioner) await page.locator(`#m${i}-pensioner`).check();
    if (m.student) await page.locator(`#m${i}-student`).check();
  }
  await next();
  await stepIs('incomes');
  for (const [i, m] of h.members.entries()) {
    for (const inc of m.incomes)
      await page.locator(`#m${i}-income-${inc.type}`).fill(String(inc.monthly).replace('.', ','));
  }
  await next();
  await stepIs('assets');
  await page.locator('#savings').fill(String(h.assets.savings));
  await page.locator(h.assets.otherRealEstate ? '#other-real-estate-yes' : '#other-real-estate').check();
  await page.locator('#vehicles').fill(String(h.assets.vehicles));
  await next();
  await stepIs('housing');
  await page.locator('#housing-costs').fill(String(h.housing.costsMonthly));
  await page.locator(h.housing.heating === 'district' ? '#heating' : `#heating-${h.housing.heating}`).check();
  await next();
  await stepIs('situations');
  for (const s of h.situations) await page.locator(`#situation-${s}`).check();
  await next(true);
}

/** The results on screen against the CLI's estimate; returns a list of differences. */
async function compare(page: Page, cli: CliEstimate, l: Locale): Promise<string[]> {
  const diffs: string[] = [];
  const shown = await page.evaluate(() => ({
    status: document.querySelector('[data-status]')?.getAttribute('data-status') ?? null,
    items: Array.from(document.querySelectorAll<HTMLElement>('.result-item[data-item]')).map((el) => ({
      id: el.dataset.item!,
      verdict: el.dataset.verdict!,
      amount: el.querySelector('.result-amount')?.textContent ?? null,
    })),
    services: Array.from(document.querySelectorAll<HTMLElement>('[data-service]')).map((el) => el.dataset.service!),
  }));
  if (shown.status !== cli.status) diffs.push(`status: page ${shown.status}, CLI ${cli.status}`);
  const expected: CliBenefit[] = [
    { id: 'gmi', verdict: cli.gmi.verdict, amount: cli.gmi.amount },
    { id: 'housing-benefit', verdict: cli.housing.verdict, amount: cli.housing.amount },
    { id: 'crisis', verdict: cli.crisis.verdict, amount: null },
    ...cli.benefits.filter((b) => !['gmi', 'housing-benefit', 'crisis'].includes(b.id)),
  ];
  const onPage = new Map(shown.items.map((i) => [i.id, i]));
  for (const b of expected) {
    const p = onPage.get(b.id);
    if (!p) {
      diffs.push(`${b.id}: not on the page (CLI: ${b.verdict})`);
      continue;
    }
    if (p.verdict !== b.verdict) diffs.push(`${b.id}: page says ${p.verdict}, CLI ${b.verdict}`);
    if (b.verdict !== 'unlikely' && b.amount) {
      if (!p.amount || !normalise(p.amount).includes(money(b.amount, l)))
        diffs.push(`${b.id}: page shows amount "${p.amount}", CLI ${money(b.amount, l)}`);
    }
  }
  for (const id of onPage.keys())
    if (!expected.some((b) => b.id === id)) diffs.push(`${id}: on the page, not in the CLI's estimate`);
  const cliServices = cli.services.map((s) => s.id).sort();
  if (JSON.stringify([...shown.services].sort()) !== JSON.stringify(cliServices))
    diffs.push(`services: page ${shown.services.join(',')}, CLI ${cliServices.join(',')}`);
  return diffs;
}

const CASES: [Locale, string][] = [
  ['lv', 'single pensioner'],
  ['ru', 'single pensioner'],
  ['lv', 'family with two children and a new baby'],
  ['ru', 'family with two children and a new baby'],
  ['lv', 'person with disability (group II)'],
  ['ru', 'person with disability (group II)'],
  ['lv', 'unemployed couple'],
  ['ru', 'unemployed couple'],
];

describe('estimator: first question → results, the same as `npm run estimate`', () => {
  for (const [l, name] of CASES) {
    const h = HOUSEHOLDS[name]!;
    it(`${l}: ${name} (${h.municipality}), then "apply with these answers"`, async () => {
      const t = tFor(l);
      const date = todayInLatvia();
      const cli = estimateWithCli(h, date);
      const ctx = await newContext(env.browser, env.portal.url, l === 'ru' ? MOBILE : {});
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        await page.goto(env.portal.url + paths.estimator(l, h.municipality));
        await answer(page, h, l);

        // The results heading takes the focus, so a screen reader starts reading there.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id), {
            timeout: 10_000,
            message: 'focus on the results heading',
          })
          .toBe('results-heading');
        expect(await page.locator('#results-heading').innerText()).toBe(t('estimator:result.title'));
        expect(await compare(page, cli, l)).toEqual([]);

        // "Apply with these answers": the social-assistance form, answers handed over in this tab only.
        const requests: string[] = [];
        ctx.on('request', (r) => {
          if (r.method() !== 'GET') requests.push(`${r.method()} ${r.url()}`);
        });
        await Promise.all([
          page.waitForURL((u) => u.pathname === paths.apply(l, h.municipality, 'social-assistance')),
          page.getByRole('link', { name: t('estimator:action.apply'), exact: true }).click(),
        ]);
        // The form's island fills in what the estimate knows: incomes by type (the monthly average in
        // each of the three months), savings, vehicles, and the statutory requests judged likely or possible.
        await page.getByRole('button', { name: t('forms:island.next'), exact: true }).waitFor({ timeout: 20_000 });
        const value = (name: string) => page.locator(`[name="${name}"]`).first().inputValue();
        const euros = (n: number) => n.toFixed(2).replace('.', ',');
        let row = 0;
        for (const m of h.members) {
          for (const inc of m.incomes) {
            expect(await value(`incomes.${row}.type`), `income row ${row}`).toBe(inc.type);
            for (const month of ['month1', 'month2', 'month3'])
              expect(await value(`incomes.${row}.${month}`)).toBe(euros(inc.monthly));
            row++;
          }
        }
        expect(await value('property.savings')).toBe(euros(h.assets.savings));
        expect(
          await page.locator(`[name="property.vehicles"][value="${h.assets.vehicles > 0 ? 'yes' : 'no'}"]`).isChecked(),
        ).toBe(true);
        const requested = await page
          .locator('[name="request.requests"]:checked')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
        const expected = cli.benefits
          .filter(
            (b) =>
              (b.verdict === 'likely' || b.verdict === 'possible') && (REQUESTS as readonly string[]).includes(b.id),
          )
          .map((b) => b.id)
          .sort();
        expect(requested, 'requests ticked from the estimate').toEqual(expected);
        // Used once, then gone from the browser (privacy on shared computers).
        expect(await page.evaluate((k) => sessionStorage.getItem(k), APPLY_ANSWERS_KEY)).toBeNull();
        expect(requests, 'nothing was posted: the answers stayed in the browser').toEqual([]);
        expect(ctx.foreignRequests).toEqual([]);
        expect(errors, 'no script errors').toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }
});

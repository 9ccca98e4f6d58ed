/**
 * The no-JS estimator on the real built server (test/helpers/portal-server.ts): the plain form,
 * validation with nothing lost, add/remove without JavaScript, and the same verdicts as the engine
 * for every example household. Nothing cached (Cache-Control: no-store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '#src/domain/engine/evaluate.ts';
import { answersToFields } from '#src/domain/estimator/form-data.ts';
import { answersFromHouseholdInput } from '#src/domain/estimator/to-household.ts';
import { parseHousehold } from '#src/domain/schemas/index.ts';
import { startPortal, type PortalServer } from '../../helpers/portal-server.ts';
import { exampleHouseholds, stringsFor } from '../../support/estimator-fixtures.ts';
import { contextOf } from '#src/domain/estimator/pack.ts';
import type { EstimatorData } from '#src/components/estimator/data.ts';

let portal: PortalServer;
beforeAll(async () => {
  // Many posts from one address in a few seconds: above the production per-address limit.
  portal = await startPortal({ env: { RATE_LIMIT_PER_MINUTE: '10000' } });
});
afterAll(async () => {
  await portal?.stop();
});

const est = stringsFor('lv').estimator as Record<string, any>;
const url = (l: string, m: string) => `${portal.url}/${l}/${m}/novertejums/rezultati/`;
function post(l: string, m: string, fields: [string, string][]) {
  return fetch(url(l, m), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portal.url },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}
/** data-item → data-verdict of every result on the page. */
function verdicts(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/data-item="([^"]+)" data-verdict="([^"]+)"/g)) out[m[1]!] = m[2]!;
  return out;
}

describe('no-JS estimator route', () => {
  it('the estimator page works without JavaScript: a plain GET form to the route', async () => {
    const html = await (await fetch(`${portal.url}/lv/daugavpils/novertejums/`)).text();
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/lv\/daugavpils\/novertejums\/rezultati\/"/);
    expect(html).toContain('<select');
  });

  it('GET renders the whole form for the number of people chosen, not cached', async () => {
    const res = await fetch(`${url('lv', 'daugavpils')}?members=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const html = await res.text();
    expect(html.match(/name="m\d-age"/g)).toHaveLength(3);
    expect(html).toContain('name="m2-income-pension"');
    expect(html).toContain('name="situation" value="crisis"');
    expect(html).toMatch(/<form[^>]*method="post"/);
  });

  it('POST with errors: summary linking to the fields, errors at the fields, nothing typed lost', async () => {
    const res = await post('lv', 'daugavpils', [
      ['members', '1'],
      ['m0-age', 'sixty'],
      ['m0-income-pension', '500,5'],
      ['savings', '12'],
      ['situation', 'crisis'],
    ]);
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('href="#m0-age"');
    expect(html).toContain('href="#heating"');
    expect(html).toMatch(/id="m0-age-error"/);
    expect(html).toMatch(/value="sixty"/);
    expect(html).toMatch(/value="500,5"/);
    expect(html).toMatch(/value="crisis" checked/);
    expect(html).toContain(`<title>${est.error.titlePrefix} `);
  });

  it('adds and removes people without JavaScript, keeping the answers', async () => {
    const added = await (
      await post('lv', 'rezekne', [
        ['members', '1'],
        ['m0-age', '44'],
        ['action', 'add'],
      ])
    ).text();
    expect(added.match(/name="m\d-age"/g)).toHaveLength(2);
    // "Add another person" lands on the new person's first question.
    expect(added).toMatch(/formaction="\/lv\/rezekne\/novertejums\/rezultati\/#m2-age"/i);
    expect(added).toMatch(/id="m0-age"[^>]*value="44"|value="44"[^>]*id="m0-age"/);
    const removed = await (
      await post('lv', 'rezekne', [
        ['members', '2'],
        ['m0-age', '44'],
        ['m1-age', '9'],
        ['action', 'remove-1'],
      ])
    ).text();
    expect(removed.match(/name="m\d-age"/g)).toHaveLength(1);
  });

  it('"change answers" on the results brings the filled form back', async () => {
    const fields: [string, string][] = [
      ['members', '1'],
      ['m0-age', '67'],
      ['m0-disability', 'none'],
      ['m0-pensioner', 'yes'],
      ['m0-income-pension', '431,20'],
      ['savings', '0'],
      ['other-real-estate', 'no'],
      ['vehicles', '0'],
      ['housing-costs', '150'],
      ['heating', 'other'],
    ];
    const results = await (await post('ru', 'rezeknes-novads', [...fields, ['action', 'results']])).text();
    expect(results).toContain('id="results-heading"');
    const hidden = [...results.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map(
      (m) => [m[1]!, m[2]!] as [string, string],
    );
    const form = await (await post('ru', 'rezeknes-novads', [...hidden, ['action', 'edit']])).text();
    expect(form).toMatch(/value="431,20"/);
    expect(form).toMatch(/id="m0-pensioner"[^>]*checked|checked[^>]*id="m0-pensioner"/);
    expect(form).not.toContain('class="error-summary"');
  });

  it('never a 500 on odd input: unknown fields, huge values, too many people, another content type', async () => {
    const odd = await post('lv', 'daugavpils', [
      ['members', '999'],
      ['m0-age', '9'.repeat(5000)],
      ['m7-age', '-3'],
      ['heating', 'volcano'],
      ['situation', 'x'],
      ['date', '1999-01-01'],
      ['junk', 'y'],
    ]);
    expect(odd.status).toBe(400);
    const html = await odd.text();
    expect(html.match(/name="m\d-age"/g)).toHaveLength(8);
    const multipart = await fetch(url('lv', 'daugavpils'), {
      method: 'POST',
      headers: { origin: portal.url },
      body: (() => {
        const f = new FormData();
        f.set('members', '2');
        return f;
      })(),
    });
    expect([200, 400, 403, 413, 415]).toContain(multipart.status);
  });

  it('unknown municipality → 404; other methods → 405', async () => {
    expect((await fetch(url('lv', 'nowhere'))).status).toBe(404);
    const put = await fetch(url('lv', 'daugavpils'), { method: 'PUT', headers: { origin: portal.url } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  const examples = exampleHouseholds();
  it.each(examples.flatMap((e) => (['lv', 'ru'] as const).map((l) => ({ ...e, l }))))(
    '$name ($l): same verdicts as the engine',
    async ({ input, l }) => {
      const answers = answersFromHouseholdInput(input)!;
      const res = await post(l, input.municipality, [
        ...answersToFields(answers),
        ['date', input.date],
        ['action', 'results'],
      ]);
      expect(res.status).toBe(200);
      const html = await res.text();
      const parsed = parseHousehold(input);
      if (!parsed.ok) throw new Error('bad example');
      // The engine with the data this build was made from (the page's data block), so the test holds
      // while data files change under a long-lived build; domain.test.ts checks trimmed = full pack.
      const page = await (await fetch(`${portal.url}/${l}/${input.municipality}/novertejums/`)).text();
      const block = /<script type="application\/json" id="estimator-data">([\s\S]*?)<\/script>/.exec(page);
      const data = JSON.parse(block![1]!) as EstimatorData;
      const e = evaluate(parsed.value, contextOf(data.pack));
      const expected: Record<string, string> = {
        gmi: e.gmi.verdict,
        'housing-benefit': e.housing.verdict,
        crisis: e.crisis.verdict,
      };
      for (const b of e.benefits) if (!(b.id in expected)) expected[b.id] = b.verdict;
      expect(verdicts(html)).toEqual(expected);
      expect(html).toContain(`data-status="${e.status}"`);
      for (const s of e.services) expect(html).toContain(`data-service="${s.id}"`);
      expect(html).not.toMatch(/\{\{|\b(rules|estimator):[a-z]/);
    },
  );
});

/**
 * The journey without JavaScript: plain HTML form posts (multipart) to the server, which answers
 * with the same page re-rendered (errors in a summary linking to fields, errors at the fields,
 * everything typed kept) or 303 to the thank-you page with the reference and a PDF link.
 */
import { describe, expect, it } from 'vitest';
import { example, formFields, SAMPLES } from './helpers.ts';
import { decode, hiddenFields, portalWithMailForFile, submitForm, type FormPost } from './portal.ts';

const suite = portalWithMailForFile();

async function open(path: string) {
  const res = await fetch(suite.portal.url + path);
  expect(res.status).toBe(200);
  const html = await res.text();
  return { html, hidden: hiddenFields(html) };
}

const submit = (...post: FormPost) => submitForm(suite.portal, ...post);

describe('no-JS journey', () => {
  it('renders a plain HTML form: labels for every control, fieldsets with legends, hidden meta fields, no required JS', async () => {
    const { html, hidden } = await open('/lv/daugavpils/pieteikums/social-assistance/?item=gmi');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(hidden.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(Number(hidden.renderedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(hidden['rows.members']).toBe('1');
    for (const id of html.matchAll(/<(?:input|select|textarea)[^>]*\bid="(f-[^"]+)"/g)) {
      if (id[1] === 'f-website') continue;
      expect(html, `label for ${id[1]}`).toMatch(new RegExp(`<label[^>]*for="${id[1]}"`));
    }
    expect(html).toContain('<legend');
    expect(html).toMatch(/autocomplete="given-name"/);
    expect(html).not.toMatch(/placeholder=/);
    // The item chosen on the catalogue page is pre-selected.
    expect(html).toMatch(/name="request\.requests" value="gmi" checked/);
    expect(decode(html)).toContain('jāparaksta visiem mājsaimniecības pilngadīgajiem locekļiem');
  });

  it('re-renders errors (summary + at the field) and keeps every typed value except files', async () => {
    const path = '/lv/daugavpils/pieteikums/social-assistance/?item=gmi';
    const { hidden } = await open(path);
    const ex = example('social-assistance');
    const fields = formFields({
      ...ex.answers,
      applicant: { ...(ex.answers.applicant as object), personalCode: '220785-11238' },
      bank: { iban: 'LV80BANK0000435195009' },
    });
    const res = await submit(path, hidden, fields, [{ name: 'izziņa.pdf', content: SAMPLES.pdf }]);
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    // The first render's time travels through the error page: the minimum fill time is not restarted.
    expect(hiddenFields(html).renderedAt).toBe(String(Number(hidden.renderedAt) - 30_000));
    expect(html).toMatch(/class="error-summary"[^>]*tabindex="-1"/);
    expect(html).toContain(
      '<a href="#f-applicant-personalCode">Personas kods: Personas kods nav derīgs. Pārbaudiet ciparus.</a>',
    );
    expect(html).toContain('<a href="#f-bank-iban">');
    expect(html).toMatch(
      /<span class="field__error" id="f-applicant-personalCode-error"><span class="visually-hidden">Kļūda: <\/span>Personas kods nav derīgs/,
    );
    expect(html).toMatch(
      /id="f-applicant-personalCode"[^>]*aria-describedby="f-applicant-personalCode-hint f-applicant-personalCode-error"|aria-describedby="f-applicant-personalCode-hint f-applicant-personalCode-error"/,
    );
    // Kept values: text, repeated rows, radios, checkboxes, selects, textareas (Latvian and Cyrillic).
    expect(html).toMatch(/name="applicant\.givenName"[^>]*value="Jānis"|value="Jānis"[^>]*name="applicant\.givenName"/);
    expect(html).toContain('value="220785-11238"');
    expect(html).toContain('value="Ļubova"');
    expect(html).toContain('value="498,40"');
    expect(html).toMatch(/name="property\.vehicles" value="yes" checked/);
    expect(html).toMatch(/name="request\.requests" value="housing-benefit" checked/);
    expect(html).toMatch(/<option value="unemployed-registered" selected/);
    expect(html).toContain('Opel Astra, 2004</textarea>');
    expect(html).toContain('value="LV80BANK0000435195009"');
    // Three household-member rows were posted? Two were — both are shown again.
    expect(html).toContain('name="members.1.givenName"');
    // The page title says there are errors (screen readers hear it first).
    expect(html).toMatch(/<title>Lūdzu, izlabojiet kļūdas/);
  });

  it('adds a household member without JavaScript, keeping what was typed', async () => {
    const path = '/ru/daugavpils/pieteikums/social-assistance/';
    const { hidden } = await open(path);
    const res = await submit(
      path,
      hidden,
      [
        ['applicant.givenName', 'Наталья'],
        ['members.0.givenName', 'Иван'],
      ],
      [],
      { _action: 'add:members' },
    );
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain('name="members.1.givenName"');
    expect(html).toContain('value="Иван"');
    expect(html).toContain('value="Наталья"');
    expect(html).toContain('name="rows.members" value="2"');
    expect(html).not.toContain('error-summary');
    expect(html).toContain('Член домохозяйства 2');
  });

  it('sends: 303 to the thank-you page with the reference; the PDF once, by cookie only, never by a URL', async () => {
    const path = '/lv/daugavpils/pieteikums/municipal-benefit/?item=newborn';
    const { hidden } = await open(path);
    const ex = example('municipal-benefit');
    const res = await submit(path, hidden, formFields(ex.answers), [
      { name: 'dzimšanas apliecība.jpg', content: SAMPLES.jpeg },
    ]);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/lv\/daugavpils\/pieteikums\/nosutits\/\?ref=DAU-\d{4}-[A-Z0-9]{5}&item=newborn$/);
    const reference = new URL(location, suite.portal.url).searchParams.get('ref')!;
    const cookie = res.headers.get('set-cookie') ?? '';
    const token = /atbalsts_pdf=([A-Za-z0-9_-]{43})/.exec(cookie)?.[1];
    expect(token).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Max-Age=1800/i);
    expect(cookie).toMatch(/Path=\/lv\/daugavpils\/pieteikums\//);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; https origins get Secure
    const jar = cookie.split(';')[0]!;
    const thanks = await fetch(suite.portal.url + location, { headers: { cookie: jar } });
    const html = decode(await thanks.text());
    expect(thanks.status).toBe(200);
    expect(html).toContain(reference);
    expect(html).toContain('5 darba dienu laikā');
    expect(html).toContain('eParakstu');
    expect(html).toContain('Tiešsaistes pieteikums vēl nav parakstīts iesniegums');
    expect(html).toContain('vienu reizi 30 minūšu laikā');
    // The link is the fixed download route: no token anywhere in the page or a URL.
    const pdfHref = /href="([^"]+lejupielade\/[^"]*)"/.exec(html)?.[1];
    expect(pdfHref).toBe('/lv/daugavpils/pieteikums/lejupielade/');
    expect(html).not.toContain(token!);
    expect(location).not.toContain(token!);
    // Without the cookie (the next person at a shared computer, from history): no PDF.
    const stranger = await fetch(suite.portal.url + pdfHref!);
    expect(stranger.status).toBe(410);
    expect(stranger.headers.get('content-type')).not.toContain('pdf');
    expect(decode(await stranger.text())).toContain('Saite vairs nedarbojas');
    // A forged cookie does not help either.
    const forged = await fetch(suite.portal.url + pdfHref!, { headers: { cookie: `atbalsts_pdf=${'A'.repeat(43)}` } });
    expect(forged.status).toBe(410);
    // With the cookie: the PDF, rendered from the stored record, and the cookie cleared.
    const pdf = await fetch(suite.portal.url + pdfHref!, { headers: { cookie: jar } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${reference}.pdf"`);
    expect(pdf.headers.get('set-cookie')).toMatch(/atbalsts_pdf=;.*Max-Age=0/i);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/DejaVuSans/);
    // Used up: the same cookie replayed (back button, history) gets nothing.
    const again2 = await fetch(suite.portal.url + pdfHref!, { headers: { cookie: jar } });
    expect(again2.status).toBe(410);
    const after = decode(await (await fetch(suite.portal.url + location, { headers: { cookie: jar } })).text());
    expect(after).toContain(reference);
    expect(after).not.toContain('lejupielade/');
    // Without the cookie the thank-you page shows no PDF link.
    const other = decode(await (await fetch(suite.portal.url + location)).text());
    expect(other).toContain(reference);
    expect(other).not.toContain('lejupielade/');
    // Posting the same rendered form again (double click) gives the same reference, but no
    // download cookie: a replay never hands out the PDF to a caller without the original cookie.
    const again = await submit(path, hidden, formFields(ex.answers), [
      { name: 'dzimšanas apliecība.jpg', content: SAMPLES.jpeg },
    ]);
    expect(again.headers.get('location')).toBe(location);
    expect(again.headers.get('set-cookie') ?? '').not.toContain('atbalsts_pdf=');
    // The same key with other answers is refused (409), and the first reference is not shown.
    const changed = await submit(
      path,
      hidden,
      formFields({ ...ex.answers, applicant: { ...(ex.answers.applicant as object), givenName: 'Cits' } }),
      [{ name: 'dzimšanas apliecība.jpg', content: SAMPLES.jpeg }],
    );
    expect(changed.status).toBe(409);
    const changedHtml = decode(await changed.text());
    expect(changedHtml).toContain('ar citām atbildēm');
    expect(changedHtml).not.toContain(reference);
    // The typed answers come back with a fresh key: sending again is a new application.
    expect(changedHtml).toContain('value="Cits"');
    const freshKey = hiddenFields(changedHtml).idempotencyKey;
    expect(freshKey).toMatch(/^[A-Za-z0-9_-]{65}$/);
    expect(freshKey).not.toBe(hidden.idempotencyKey);
    await suite.sink.waitFor(2);
    await new Promise((r) => setTimeout(r, 800));
    expect(
      suite.sink.messages.filter(
        (m) => (m.subject ?? '').includes(reference) && JSON.stringify(m.to).includes('socd@socd.lv'),
      ),
    ).toHaveLength(1);
    // The token never reaches the logs.
    expect(suite.portal.output()).not.toContain(token!);
  });

  it('the thank-you page refuses a reference of another municipality or garbage', async () => {
    expect((await fetch(`${suite.portal.url}/lv/daugavpils/pieteikums/nosutits/?ref=BAU-2026-ABCDE`)).status).toBe(404);
    expect((await fetch(`${suite.portal.url}/lv/daugavpils/pieteikums/nosutits/?ref=<script>`)).status).toBe(404);
  });

  it('the choose page lists what can be applied for in each group, in Russian too', async () => {
    const { html } = await open('/ru/daugavpils/pieteikums/');
    expect(html).toContain('/ru/daugavpils/pieteikums/municipal-benefit/?item=newborn');
    expect(html).toContain('/ru/daugavpils/pieteikums/social-service/?item=home-care');
    expect(html).toContain('/ru/daugavpils/pieteikums/question/');
    const chooser = await open('/lv/daugavpils/pieteikums/social-service/');
    expect(chooser.html).toContain('?item=home-care');
  });
});

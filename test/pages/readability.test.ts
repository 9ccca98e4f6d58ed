/**
 * Readability check over the built site (docs/readability.md explains the rules and the numbers).
 * On every HTML page, lv and ru, in <main> except the collapsed "Sources" block:
 *   1. no sentence longer than MAX_WORDS words (a semicolon also ends a clause: such lists read as items);
 *   2. item pages: no formula text (×, "=" between words, GMI1/GMI2) before the first plain answer,
 *      and nowhere in the summary above the first block;
 *   3. item pages: the first block states a figure in force (an amount or income limit in €) or
 *      sends the resident to the social service with a phone number;
 *   4. no internal phrases (the shared list in test/support/internal-phrases.ts: notes about our
 *      sources or checking, prices in lats, recipient counts from annual reports) and no rules of
 *      another city; the accessibility statement's disclosure of what was not tested is allowed;
 *   5. no untranslated i18n key or placeholder.
 * Sentences that come from the data packs (src/data/**) and break a rule are listed in
 * readability-data-exceptions.json, each with the rule it breaks: the data must change, not the
 * page. A listed sentence that no longer appears is reported (remove it); anything not listed fails.
 * Regenerate the list with READABILITY_WRITE_EXCEPTIONS=1 after fixing data.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { mainOf, sentences, textLines, words } from '../helpers/page-text.ts';
import {
  INTERNAL_PHRASES,
  NOT_VERIFIED_SENTENCES,
  OTHER_CITY_ON_NATIONAL_PAGE,
  internalPhrasesIn,
  withoutAllowedSentences,
} from '../support/internal-phrases.ts';

export const MAX_WORDS = 25;

const client = join(inject('distDir'), 'client');
const EXCEPTIONS_FILE = join(import.meta.dirname, 'readability-data-exceptions.json');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.html') ? [p] : [];
  });
}
const pages = walk(client).map((file) => {
  const url = `/${relative(client, file)
    .replace(/index\.html$/, '')
    .replace(/\\/g, '/')}`;
  const main = mainOf(readFileSync(file, 'utf8')).replace(
    /<details class="details" id="avoti">[\s\S]*?<\/details>/,
    '',
  );
  return { url, main };
});
const isItemPage = (url: string) => /^\/(lv|ru)\/[^/]+\/(pabalsti|pakalpojumi)\/(?!grupa\/)[^/]+\/$/.test(url);

const FORMULA = /×|\bGMI[12]\b|[\p{L})]\s*=\s*[\p{L}(]/u;
/** Internal phrases, and rules of another city: a municipality's pages state its own rules. */
const PHRASES = [...INTERNAL_PHRASES, OTHER_CITY_ON_NATIONAL_PAGE];
const internal = (sentence: string) => internalPhrasesIn(withoutAllowedSentences(sentence), PHRASES);
const UNTRANSLATED = /(?<![\w.])(?:common|catalogue|pages|estimator|forms|rules|errors|mail):[a-z][\w.-]+|\{\{|\$t\(/;

interface Violation {
  rule: string;
  url: string;
  text: string;
}

function check(): Violation[] {
  const out: Violation[] = [];
  for (const p of pages) {
    const lines = textLines(p.main);
    for (const line of lines) {
      if (UNTRANSLATED.test(line)) out.push({ rule: 'untranslated', url: p.url, text: line });
      for (const s of sentences(line)) {
        for (const clause of s.split(/;\s+/))
          if (words(clause).length > MAX_WORDS)
            out.push({ rule: `longer than ${MAX_WORDS} words`, url: p.url, text: clause });
        for (const rule of internal(s)) out.push({ rule, url: p.url, text: s });
      }
    }
    if (isItemPage(p.url)) {
      const start = p.main.indexOf('<section class="panel today"');
      const end = p.main.indexOf('</section>', start);
      const today = start >= 0 ? p.main.slice(start, end) : '';
      const todayLines = textLines(today);
      // The answer: a money figure or income limit, an amount entry in force (e.g. help in kind), or a phone to ask.
      const answer = todayLines.findIndex((l) => /\d\s?€|€\s?\d|\d{4}\s?\d{4}|\d{3}\s\d{5}|\+371/.test(l));
      const hasEntry = /<li class="amount">/.test(today);
      if (!today || (answer < 0 && !hasEntry))
        out.push({
          rule: 'first block without a figure or a phone',
          url: p.url,
          text: todayLines.join(' | ').slice(0, 200),
        });
      if (/-status\/$/.test(p.url) && answer < 0)
        out.push({
          rule: 'status without its income limit in the first block',
          url: p.url,
          text: todayLines.join(' | ').slice(0, 200),
        });
      const formula = todayLines.findIndex((l) => FORMULA.test(l));
      if (formula >= 0 && (answer < 0 || formula < answer))
        out.push({ rule: 'formula before the plain answer', url: p.url, text: todayLines[formula]! });
      for (const l of textLines(p.main.slice(0, Math.max(0, start))))
        if (FORMULA.test(l)) out.push({ rule: 'formula before the plain answer', url: p.url, text: l });
    }
  }
  return out;
}

const key = (v: { rule: string; text: string }) => `${v.rule}\u0000${v.text}`;

describe('readability of every built page', () => {
  const violations = check();
  const exceptions = JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8')) as {
    rule: string;
    text: string;
    where: string;
  }[];

  if (process.env.READABILITY_WRITE_EXCEPTIONS === '1') {
    const seen = new Map<string, { rule: string; text: string; where: string }>();
    for (const v of violations) if (!seen.has(key(v))) seen.set(key(v), { rule: v.rule, text: v.text, where: v.url });
    writeFileSync(EXCEPTIONS_FILE, `${JSON.stringify([...seen.values()], null, 2)}\n`);
  }

  it('checks every page', () => {
    expect(pages.length).toBeGreaterThan(300);
  });

  it('the rules catch what they are meant to catch', () => {
    expect(internal('2010. gadā klients maksāja 2 Ls (latos) mēnesī.')).toEqual(['price in lats']);
    expect(internal('Portāls nelieto analītikas rīkus.')).toEqual([]);
    expect(internal('2018. gadā to saņēma 134 skolēni.')).toContain('count of recipients (LV)');
    expect(internal('В 2017 году услугу получили 127 человек, в очереди ждали 155.')).toContain(
      'count of recipients (RU)',
    );
    expect(internal('Statusu piešķīra uz 3 mēnešiem.')).toEqual([]);
    expect(internal('Rīgā jaunajiem pieteicējiem pabalstu piešķir tikai no pieteikšanās mēneša.')).toEqual([
      'rule of a particular city (Riga)',
    ]);
    expect(internal('Apstiprināts avotā.')).toEqual(['"confirmed by source" (LV)']);
    expect(internal('Размер в наших источниках не сохранен.')).toEqual(['note about our sources (RU)']);
    expect(internal('Vai tā joprojām tiek maksāta, nav pārbaudīts.')).toEqual(['"not verified" note (LV)']);
    // The accessibility statement must disclose what was not tested: those sentences are allowed.
    expect(NOT_VERIFIED_SENTENCES.length).toBeGreaterThan(0);
    for (const s of NOT_VERIFIED_SENTENCES) expect(internal(s), s).toEqual([]);
    expect(FORMULA.test('(187 € + 131 € × pārējo personu skaits) × koeficients')).toBe(true);
    expect(FORMULA.test('GMI1 + GMI2')).toBe(true);
    expect(FORMULA.test('Pabalsts būtu apmēram 192 € mēnesī.')).toBe(false);
    expect(words('Precīzu summu jautājiet sociālajam dienestam: 654 23700.').length).toBe(7);
  });

  it(`nothing breaks a rule except data sentences listed for the data packs`, () => {
    const listed = new Set(exceptions.map(key));
    const unlisted = violations.filter((v) => !listed.has(key(v)));
    expect(unlisted.map((v) => `${v.rule} — ${v.url}: ${v.text}`).slice(0, 40)).toEqual([]);
  });

  it('listed data sentences still occur (else remove them from the list)', () => {
    const current = new Set(violations.map(key));
    const gone = exceptions.filter((e) => !current.has(key(e)));
    // Reported, not failed: another change (the data packs) may fix a sentence before this list is updated.
    if (gone.length > 0)
      console.warn(
        `readability: ${gone.length} listed data sentences no longer occur; regenerate with READABILITY_WRITE_EXCEPTIONS=1`,
      );
    expect(exceptions.every((e) => e.rule && e.text && e.where)).toBe(true);
  });
});

/**
 * The online form is a pre-application: no catalogue page tells the resident that they submit the
 * application ("iesniegt iesniegumu", «подать заявление») here or online, and the lists of ways to
 * hand in the signed application do not include the online form; where the form is offered, the
 * page says the social service contacts the resident to sign.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { mainOf, sentences, textLines } from '../helpers/page-text.ts';

const client = join(inject('distDir'), 'client');
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('index.html') ? [p] : [];
  });
}
// Catalogue, situation, home, contacts and how-to-apply pages (the form pages have their own tests).
const pages = walk(client)
  .map((file) => ({
    url: `/${relative(client, file).replace(/index\.html$/, '')}`,
    main: mainOf(readFileSync(file, 'utf8')),
  }))
  .filter((p) => !/\/(novertejums|pieteikums)\//.test(p.url));

// \b does not see Latvian or Cyrillic letters as word characters: explicit letter look-arounds instead.
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, 'iu');
const SUBMIT = {
  lv: word('iesniegt|iesniedz\\p{L}*|iesniegs\\p{L}*'),
  ru: word('пода(?:ть|йте|ете|ёте|ча|чи)|подан\\p{L}*'),
};
const ONLINE = { lv: word('šeit|šajā portālā|tiešsaist\\p{L}*'), ru: word('здесь|на этом портале|онлайн') };
const ONLINE_CHANNEL = /Šeit portālā|Здесь на портале/;
const CHANNEL_HEADINGS =
  /<h[23]\b[^>]*>(Kā iesniegt(?: iesniegumu)?|Как подать(?: заявление)?)<\/h[23]>\s*<ul\b[^>]*>([\s\S]*?)<\/ul>/g;

describe('the online form is a pre-application on every page', () => {
  it('found the pages', () => expect(pages.length).toBeGreaterThan(300));

  it('the patterns recognise such a sentence in both languages', () => {
    const flags = (l: 'lv' | 'ru', s: string) => SUBMIT[l].test(s) && ONLINE[l].test(s);
    expect(flags('lv', 'Iesniedziet iesniegumu šeit tiešsaistē.')).toBe(true);
    expect(flags('ru', 'Подайте заявление здесь, на портале.')).toBe(true);
    expect(flags('lv', 'Varat arī aizpildīt pieteikumu šeit.')).toBe(false);
    expect(flags('ru', 'Можно также заполнить заявку здесь.')).toBe(false);
  });

  it('no sentence says the resident submits the application here or online', () => {
    const bad: string[] = [];
    for (const p of pages) {
      const locale = p.url.startsWith('/ru/') ? 'ru' : 'lv';
      for (const line of textLines(p.main))
        for (const s of sentences(line))
          // "latvija.gov.lv" is the state portal where a signed application can be sent; it is not this site.
          if (SUBMIT[locale].test(s) && ONLINE[locale].test(s) && !/latvija\.gov\.lv/.test(s))
            bad.push(`${p.url}: ${s}`);
    }
    expect([...new Set(bad)].slice(0, 20)).toEqual([]);
  });

  it('the ways to hand in the signed application do not list the online form', () => {
    const bad: string[] = [];
    for (const p of pages)
      for (const m of p.main.matchAll(CHANNEL_HEADINGS)) if (ONLINE_CHANNEL.test(m[2]!)) bad.push(p.url);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('where the form is offered, the page says the social service contacts the resident to sign', () => {
    const item = pages.find((p) => p.url === '/lv/daugavpils/pabalsti/heating/')!;
    expect(textLines(item.main).join(' ')).toMatch(/sazināsies ar jums, lai vienotos par (iesnieguma )?parakstīšanu/);
    const ru = pages.find((p) => p.url === '/ru/daugavpils/kontakti/')!;
    expect(textLines(ru.main).join(' ')).toContain('свяжется с вами, чтобы договориться о подписании заявления');
  });
});

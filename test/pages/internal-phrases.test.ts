/**
 * The whole built site, every HTML page in both languages and every part of it (the collapsed
 * sources block too), carries none of the phrases meant for the people who compile the data:
 * notes about our sources, prices in lats, recipient counts. Such facts stay in the data (an
 * item's `history`) for editors and are not rendered.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { INTERNAL_PHRASES, NOT_VERIFIED_SENTENCES, withoutAllowedSentences } from '../support/internal-phrases.ts';
import { catalogue } from '#src/data/index.ts';

const client = join(inject('distDir'), 'client');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.html') ? [p] : [];
  });
}

const pages = walk(client).map((file) => ({
  url: `/${relative(client, file).replace(/index\.html$/, '')}`,
  text: withoutAllowedSentences(
    readFileSync(file, 'utf8')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  ),
}));

describe('internal phrases in the built site', () => {
  it('the build has pages to check', () => {
    expect(pages.length).toBeGreaterThan(500);
  });

  it('only the allowed sentences are cut out (both languages of the staff intro and the accessibility item)', () => {
    expect(NOT_VERIFIED_SENTENCES).toHaveLength(4);
    expect(NOT_VERIFIED_SENTENCES.every((s) => s.length > 40)).toBe(true);
  });

  it('no page, including its sources block, has a phrase meant for the data editors', () => {
    const hits = pages.flatMap((p) =>
      INTERNAL_PHRASES.flatMap((ph) => {
        const m = ph.pattern.exec(p.text);
        return m ? [`${p.url}: ${ph.label}: …${p.text.slice(Math.max(0, m.index - 40), m.index + 40)}…`] : [];
      }),
    );
    expect(hits).toEqual([]);
  });

  it('history notes are kept in the data but never rendered', () => {
    const notes = [...catalogue.national, ...catalogue.municipalities.flatMap((m) => m.items)]
      .flatMap((i) => i.history)
      .flatMap((h) => [h.text.lv, h.text.ru]);
    expect(notes.length).toBeGreaterThan(10);
    const shown = notes.filter((n) => pages.some((p) => p.text.includes(n.slice(0, 60))));
    expect(shown).toEqual([]);
  });
});

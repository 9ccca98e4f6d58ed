/**
 * Phrases that belong to the people who compiled the data, not to a resident: notes about our
 * sources and about what we have or have not verified ("nav pārbaudīts", «не подтверждено»: say
 * "ask the social service" instead), 2010 prices in lats, counts of recipients from annual reports. Such facts live in a
 * data item's `history` (kept in the data, never rendered). The one list of such phrases: used by
 * the data prose test over locales, content and packs, and by the page checks over the built site
 * (internal phrases anywhere on a page, readability of the main text).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface InternalPhrase {
  /** What the phrase is, for the failure message. */
  label: string;
  pattern: RegExp;
}

const NOT_VERIFIED_LV = '"not verified" note (LV)';
const NOT_VERIFIED_RU = '"not verified" note (RU)';

export const INTERNAL_PHRASES: readonly InternalPhrase[] = [
  // Notes about our own sources.
  { label: 'note about our sources (LV)', pattern: /mūsu avot(os|iem|ā)/iu },
  { label: 'note about our sources (RU)', pattern: /(в|по) наш(их|им) источник/iu },
  { label: '"confirmed by source" (LV)', pattern: /apstiprināts avotā|avotā apstiprināt/iu },
  { label: '"confirmed by source" (RU)', pattern: /подтвержден\S* источник/iu },
  {
    label: '"no source" note (LV)',
    pattern: /\bnav (jaunāka )?avota\b|avotā (nav|tikai)|avotos nav saglabāt|avoti atšķiras|\d{4}\. gada avots/iu,
  },
  {
    label: '"no source" note (RU)',
    pattern: /нет источника|в источнике (не|только)|источники расходятся|источник \d{4} года/iu,
  },
  { label: '"we do not know" (LV)', pattern: /mums nav zinām/iu },
  { label: '"we do not know" (RU)', pattern: /нам неизвест/iu },
  // Prices in lats (the currency before 2014).
  {
    label: 'price in lats',
    pattern: /\d\s*Ls\b|\bLs\s*\d|\bLVL\b|\blat(os|u)\b|(?<!\p{L})в латах(?!\p{L})|\d\s*лат(ов|а)?(?!\p{L})/u,
  },
  // Counts of recipients from annual reports.
  {
    label: 'count of recipients (LV)',
    pattern: /\d{4}\. gadā[^.;]*\b(saņēma|piešķīra|gaidīja|klienti)\b[^.;]*\d|\d+\s+saņēmēj/iu,
  },
  {
    label: 'count of recipients (LV)',
    pattern:
      /(saņēma|piešķīra|izsniedza|izsniegtas|izsniegti)\s+(\p{L}+\s+)?\d[\d ]*\s*(personas|cilvēki|ģimenes|skolēni|bērni|māmiņas|porcijas|reizes)/iu,
  },
  {
    label: 'count of recipients (RU)',
    pattern:
      /(получал[иао]?|получил[иао]?|выдан[оа]?|назначал[иао]?)\s+(\p{L}+\s+)?\d[\d ]*\s*(человек|сем\p{L}*|ученик\p{L}*|дет\p{L}*|ребен\p{L}*|мам\p{L}*|порци\p{L}*|раз)/iu,
  },
  // Our own checking status is not the resident's business; say what to do instead.
  { label: '"not checked here" (LV)', pattern: /šeit nav pārbaudīt/iu },
  { label: '"not checked here" (RU)', pattern: /здесь не проверен/iu },
  // "not verified" / "not confirmed": say what to do instead ("ask the social service").
  { label: NOT_VERIFIED_LV, pattern: /(?<!\p{L})nav (pārbaudīt|apstiprināt)\p{L}*/iu },
  { label: NOT_VERIFIED_RU, pattern: /(?<!\p{L})не (проверен|подтвержден)\p{L}*/iu },
  {
    label: 'count of recipients (RU)',
    pattern: /в \d{4} году[^.;]*(получил[иао]?|назначил[иао]?|ожидал[иао]?|клиент)[^.;]*\d|\d+\s+получател/iu,
  },
];

/** Rules of another city are not national rules: national item texts must not name Riga. */
export const OTHER_CITY_ON_NATIONAL_PAGE: InternalPhrase = {
  label: 'rule of a particular city (Riga)',
  pattern: /(?<!\p{L})(Rīg(a|ā|as|u)|Рига|Риге|Риги|Ригу|Рижск\p{L}*)(?!\p{L})/u,
};

/** The phrases a text contains (labels), empty when none. */
export function internalPhrasesIn(text: string, phrases: readonly InternalPhrase[] = INTERNAL_PHRASES): string[] {
  return phrases.filter((p) => p.pattern.test(text)).map((p) => p.label);
}

/**
 * Texts that may say "not verified" because it is the point of the text, not a note about our
 * checking: the staff e-mail says the applicant's identity was not verified (read by social
 * workers, never shown to residents), and the accessibility statement must disclose that the
 * portal has not been tested with screen readers (a legally required statement). Only the
 * "not verified" phrases are allowed there; every other phrase is still checked.
 */
export const NOT_VERIFIED_ALLOWED: readonly { files: readonly string[]; path: string; labels: readonly string[] }[] = [
  {
    files: ['locales/lv/mail.json', 'locales/ru/mail.json'],
    path: 'staff.intro',
    labels: [NOT_VERIFIED_LV, NOT_VERIFIED_RU],
  },
  {
    files: ['locales/lv/pages.json', 'locales/ru/pages.json'],
    path: 'accessibility.issue1',
    labels: [NOT_VERIFIED_LV, NOT_VERIFIED_RU],
  },
];

/** The phrases found in a text at file/path, leaving out the ones allowed there. */
export function internalPhrasesAt(file: string, path: string, text: string): string[] {
  const allowed = NOT_VERIFIED_ALLOWED.filter((a) => a.files.includes(file) && a.path === path).flatMap(
    (a) => a.labels,
  );
  return internalPhrasesIn(text).filter((label) => !allowed.includes(label));
}

/**
 * The exact sentences that may say "not verified" where they are shown on a page (the
 * accessibility statement's item; the staff e-mail intro is not on any page but is listed too),
 * read from the locale files. A page check cuts them out of the page text before looking for
 * phrases, so the same words anywhere else on that page are still caught.
 */
export const NOT_VERIFIED_SENTENCES: readonly string[] = (() => {
  const root = resolve(import.meta.dirname, '../..');
  return NOT_VERIFIED_ALLOWED.flatMap((a) =>
    a.files.flatMap((file) => {
      const value = a.path
        .split('.')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          JSON.parse(readFileSync(join(root, file), 'utf8')),
        );
      return typeof value === 'string' ? [value] : [];
    }),
  );
})();

/** Page text without the sentences allowed to say "not verified". */
export function withoutAllowedSentences(text: string): string {
  return NOT_VERIFIED_SENTENCES.reduce((t, sentence) => t.split(sentence).join(' '), text);
}

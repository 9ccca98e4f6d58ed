/**
 * The glossary checks (docs/glossary.md, fenced `glossary:` YAML block), applied to texts from
 * test/support/texts.ts. Each finding names the file and the key path, and says what to write.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { where, type Text, type TextLocale } from './texts.ts';

interface Forbidden {
  locale: TextLocale;
  pattern: string;
  flags?: string;
  except?: string;
  why: string;
}
interface OnlineForm {
  locale: TextLocale;
  application: string;
  online: string;
  signed: string;
  except?: string;
}
interface Abbreviation {
  abbr: string;
  lv?: string;
  ru?: string;
}
interface Pair {
  lv: string;
  ru: string;
  notRu: string;
  why: string;
}
interface Required {
  file: string;
  key: string;
  contains: string;
}
interface Glossary {
  forbidden: Forbidden[];
  onlineForm: OnlineForm[];
  abbreviations: Abbreviation[];
  pairs: Pair[];
  required: Required[];
}

export function readGlossary(markdown: string): Glossary {
  const block = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => parse(m[1]!) as { glossary?: Glossary })
    .find((b) => b?.glossary);
  if (!block?.glossary) throw new Error('docs/glossary.md has no ```yaml block with a glossary: key');
  return block.glossary;
}

export const glossary = readGlossary(readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8'));
const rx = (pattern: string, flags = ''): RegExp => new RegExp(pattern, `u${flags}`);
const strip = (text: string, except?: string): string => (except ? text.replace(rx(except, 'g'), ' ') : text);
const excerpt = (text: string, at = 0): string => text.slice(Math.max(0, at - 40), at + 60).replace(/\s+/g, ' ');

/** Forbidden variants found in these texts, one message per text and rule. */
export function forbiddenIn(list: Text[], rules: Forbidden[] = glossary.forbidden): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    const re = rx(rule.pattern, rule.flags);
    for (const t of list) {
      if (t.locale !== rule.locale) continue;
      const m = re.exec(strip(t.text, rule.except));
      if (m) out.push(`${where(t)}: "${m[0]}" in "…${excerpt(t.text, m.index)}…" — ${rule.why}`);
    }
  }
  return out;
}

/** Strings that name the signed application together with the online form but not signing. */
export function onlineFormIn(list: Text[], rules: OnlineForm[] = glossary.onlineForm): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    for (const t of list) {
      if (t.locale !== rule.locale) continue;
      const text = strip(t.text, rule.except);
      if (rx(rule.application, 'i').test(text) && rx(rule.online, 'i').test(text) && !rx(rule.signed, 'i').test(text))
        out.push(
          `${where(t)}: "${excerpt(t.text)}" — the online form is a pre-application; say that the social service contacts the resident to sign`,
        );
    }
  }
  return out;
}

/** A text unit: a locale or content file, or one data item (texts outside items: the file). */
const unitOf = (t: Text): string => (t.kind === 'data' && t.item ? `${t.file} item ${t.item}` : t.file);

/** First uses of an abbreviation that come without the expansion before them in the same string. */
export function unexpandedIn(list: Text[], abbreviations: Abbreviation[] = glossary.abbreviations): string[] {
  const out: string[] = [];
  for (const a of abbreviations) {
    const abbr = rx(`(?<!\\p{L})${a.abbr}(?!\\p{L})`);
    const seen = new Set<string>();
    for (const t of list) {
      const expansion = a[t.locale];
      if (!expansion) continue;
      const unit = `${t.locale} ${unitOf(t)}`;
      if (seen.has(unit)) continue;
      const m = abbr.exec(t.text);
      if (!m) continue;
      seen.add(unit);
      const e = rx(expansion, 'i').exec(t.text);
      if (!e || e.index > m.index)
        out.push(
          `${where(t)}: first use of ${a.abbr} in ${unitOf(t)} is not expanded ("…${excerpt(t.text, m.index)}…")`,
        );
    }
  }
  return out;
}

function counterpart(t: Text, all: Text[]): Text | undefined {
  const file = t.kind === 'locale' ? t.file.replace('/lv/', '/ru/') : t.file;
  const path = t.kind === 'locale' ? t.path : t.path.replace(/\.lv$/, '.ru');
  return all.find((r) => r.locale === 'ru' && r.file === file && r.path === path);
}

export function pairsIn(list: Text[], pairs: Pair[] = glossary.pairs): string[] {
  const out: string[] = [];
  for (const p of pairs)
    for (const t of list) {
      if (t.locale !== 'lv' || t.kind === 'content' || !rx(p.lv, 'i').test(t.text)) continue;
      const ru = counterpart(t, list);
      if (ru && (!rx(p.ru, 'i').test(ru.text) || rx(p.notRu, 'i').test(ru.text)))
        out.push(`${where(ru)}: "${excerpt(ru.text)}" — ${p.why}`);
    }
  return out;
}

/**
 * Every resident-facing text of the portal in Latvian and Russian, with where it lives:
 * locales/{lv,ru}/*.json (each string, by key path), src/content/** (each Markdown file) and the
 * data packs (src/data/municipalities/*.yaml, src/data/national/catalogue.yaml: each {lv, ru}
 * text, by field path). A pack's `history` notes are provenance, not page prose: they are
 * returned with `history: true` so a check can treat them apart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';

export type TextLocale = 'lv' | 'ru';

export interface Text {
  /** Repository path, e.g. locales/ru/forms.json. */
  file: string;
  /** Key path inside the file, e.g. items[3 id=home-care].amounts[0].text. */
  path: string;
  locale: TextLocale;
  text: string;
  kind: 'locale' | 'content' | 'data';
  /** True for a data pack's `history` note (provenance kept in the data, never rendered). */
  history: boolean;
  /** For data texts: the id of the item the text belongs to. */
  item?: string;
}

const ROOT = join(import.meta.dirname, '..', '..');
const rel = (p: string): string => relative(ROOT, p).split(sep).join('/');

function walkJson(node: unknown, path: string, visit: (path: string, value: string) => void): void {
  if (typeof node === 'string') visit(path, node);
  else if (Array.isArray(node)) node.forEach((v, i) => walkJson(v, `${path}[${i}]`, visit));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) walkJson(v, path ? `${path}.${k}` : k, visit);
}

export function localeTexts(): Text[] {
  const out: Text[] = [];
  for (const locale of ['lv', 'ru'] as const) {
    const dir = join(ROOT, 'locales', locale);
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(dir, name);
      walkJson(JSON.parse(readFileSync(file, 'utf8')), '', (path, text) =>
        out.push({ file: rel(file), path, locale, text, kind: 'locale', history: false }),
      );
    }
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

export function contentTexts(): Text[] {
  return filesUnder(join(ROOT, 'src', 'content'))
    .filter((f) => /\.(md|mdx)$/.test(f))
    .flatMap((f) => {
      const locale = rel(f)
        .split('/')
        .find((part): part is TextLocale => part === 'lv' || part === 'ru');
      return locale
        ? [
            {
              file: rel(f),
              path: '(file)',
              locale,
              text: readFileSync(f, 'utf8'),
              kind: 'content' as const,
              history: false,
            },
          ]
        : [];
    });
}

export const DATA_FILES = [
  'src/data/national/catalogue.yaml',
  ...readdirSync(join(ROOT, 'src', 'data', 'municipalities'))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => `src/data/municipalities/${n}`),
];

function walkData(
  node: unknown,
  path: string,
  ctx: { item?: string; history: boolean },
  visit: (t: Omit<Text, 'file' | 'kind'>) => void,
): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      const id = v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : '';
      walkData(
        v,
        `${path}[${i}${id ? ` id=${id}` : ''}]`,
        id && path.endsWith('items') ? { ...ctx, item: id } : ctx,
        visit,
      );
    });
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (typeof o.lv === 'string' && typeof o.ru === 'string') {
    for (const locale of ['lv', 'ru'] as const)
      visit({ path: `${path}.${locale}`, locale, text: o[locale] as string, history: ctx.history, item: ctx.item });
    return;
  }
  for (const [k, v] of Object.entries(o))
    walkData(v, path ? `${path}.${k}` : k, k === 'history' ? { ...ctx, history: true } : ctx, visit);
}

export function dataTexts(): Text[] {
  const out: Text[] = [];
  for (const file of DATA_FILES) {
    walkData(parse(readFileSync(join(ROOT, file), 'utf8')), '', { history: false }, (t) =>
      out.push({ ...t, file, kind: 'data' }),
    );
  }
  return out;
}

/** All texts: locales, content, data (history notes included, flagged). */
export function allTexts(): Text[] {
  return [...localeTexts(), ...contentTexts(), ...dataTexts()];
}

export const where = (t: Text): string => `${t.file} ${t.path}`;

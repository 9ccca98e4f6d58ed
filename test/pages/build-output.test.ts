/**
 * The built portal (test/global-setup.ts builds it once into .build/test): every published item
 * of every municipality has a page in every offered language; no page shows an untranslated key,
 * a TODO or an empty heading; every page has the right <html lang>, one h1 and hreflang
 * alternates that resolve; catalogue pages ship no JavaScript; internal links resolve; and any
 * benefit's "how to apply" is three clicks from /{l}/.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { catalogue, publishedItemsFor } from '#src/data/index.ts';
import { paths, parseLocales } from '#src/i18n/index.ts';

const client = join(inject('distDir'), 'client');
const LOCALES = parseLocales(process.env.LOCALES);
/** Pages other engineers own (estimator, forms) may carry islands. */
const isCatalogue = (url: string) => !/\/(novertejums|pieteikums)\//.test(url);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.html') ? [p] : [];
  });
}
const urlOf = (file: string) =>
  `/${relative(client, file)
    .replace(/index\.html$/, '')
    .replace(/\\/g, '/')}`;
const pages = walk(client).map((file) => ({ file, url: urlOf(file), html: readFileSync(file, 'utf8') }));
const byUrl = new Map(pages.map((p) => [p.url, p]));
const exists = (url: string) => byUrl.has(url.split('#')[0]!.split('?')[0]!);

const stripTags = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
/** Text a resident sees or hears: body text plus title, description, aria-label, alt, title attributes. */
const visibleText = (html: string) =>
  `${stripTags(html)} ${[...html.matchAll(/\s(?:aria-label|alt|title|placeholder)="([^"]*)"|<meta name="description" content="([^"]*)"/g)].map((m) => m[1] ?? m[2]).join(' ')}`;

// Top-level keys of every namespace: an untranslated key looks like "detail.who" or "catalogue:detail.who".
const NAMESPACE_FILES = readdirSync(join(import.meta.dirname, '../../locales/lv')).filter((f) => f.endsWith('.json'));
const NAMESPACES = NAMESPACE_FILES.map((f) => f.replace('.json', ''));
const TOP_KEYS = [
  ...new Set(
    NAMESPACE_FILES.flatMap((f) =>
      Object.keys(JSON.parse(readFileSync(join(import.meta.dirname, '../../locales/lv', f), 'utf8')) as object),
    ),
  ),
];
const KEY_PATTERN = new RegExp(
  `\\b(?:(?:${NAMESPACES.join('|')}):[\\w.-]+|(?:${[...NAMESPACES, ...TOP_KEYS].map((k) => k.replace(/[-]/g, '\\-')).join('|')})\\.[a-zA-Z][\\w-]*(?:\\.[\\w-]+)*)`,
  'g',
);

describe('build output', () => {
  it('has pages', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it('every published item of every municipality has a page in every language', () => {
    const missing: string[] = [];
    for (const m of catalogue.municipalities)
      for (const item of publishedItemsFor(catalogue, m))
        for (const l of LOCALES) {
          const url = paths.item(l, m.id, item.kind, item.id);
          if (!exists(url)) missing.push(url);
        }
    expect(missing).toEqual([]);
  });

  it('planned items are not published', () => {
    const shown: string[] = [];
    for (const m of catalogue.municipalities)
      for (const item of m.items)
        if (item.status?.planned)
          for (const l of LOCALES)
            for (const kind of ['benefit', 'service'] as const)
              if (exists(paths.item(l, m.id, kind, item.id))) shown.push(paths.item(l, m.id, kind, item.id));
    expect(shown).toEqual([]);
  });

  it('no page shows an untranslated key, a TODO or an empty heading', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const text = visibleText(p.html);
      for (const m of text.matchAll(KEY_PATTERN)) problems.push(`${p.url}: untranslated key "${m[0]}"`);
      if (/\bTODO\b|\bFIXME\b|\bundefined\b|\bNaN\b|\[object Object\]/.test(text))
        problems.push(`${p.url}: placeholder text (TODO/undefined/NaN)`);
      for (const h of p.html.matchAll(/<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/g))
        if (!stripTags(h[2]!).trim()) problems.push(`${p.url}: empty <${h[1]}>`);
    }
    expect(problems).toEqual([]);
  });

  it('every page has <html lang> of its locale, one h1, a title and a description', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const seg = p.url.split('/')[1];
      const want = LOCALES.find((l) => l === seg) ?? 'lv';
      const lang = p.html.match(/<html[^>]*\slang="([^"]+)"/)?.[1];
      if (lang !== want) problems.push(`${p.url}: <html lang="${lang}">, expected "${want}"`);
      const h1 = (p.html.match(/<h1\b/g) ?? []).length;
      if (h1 !== 1) problems.push(`${p.url}: ${h1} h1 elements`);
      if (!/<title>[^<]+<\/title>/.test(p.html)) problems.push(`${p.url}: no <title>`);
      if (!/<meta name="description" content="[^"]+"/.test(p.html)) problems.push(`${p.url}: no description`);
    }
    expect(problems).toEqual([]);
  });

  it('localized pages have hreflang alternates for every offered language, and they resolve', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const seg = p.url.split('/')[1];
      if (!LOCALES.some((l) => l === seg)) continue;
      const alternates = [...p.html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => ({
        lang: m[1]!,
        href: new URL(m[2]!, 'http://x').pathname,
      }));
      if (LOCALES.length === 1) {
        if (alternates.length) problems.push(`${p.url}: hreflang in a one-language deployment`);
        continue;
      }
      for (const l of LOCALES) {
        const a = alternates.find((x) => x.lang === l);
        if (!a) problems.push(`${p.url}: no hreflang="${l}"`);
        else if (!exists(a.href)) problems.push(`${p.url}: hreflang="${l}" → ${a.href} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('catalogue pages ship no JavaScript and load nothing from another origin', () => {
    const problems: string[] = [];
    for (const p of pages.filter((x) => isCatalogue(x.url))) {
      if (/<script\b/i.test(p.html)) problems.push(`${p.url}: <script>`);
      if (/\son[a-z]+="/i.test(p.html)) problems.push(`${p.url}: inline event handler`);
      for (const m of p.html.matchAll(
        /<(?:link|img|iframe|source|video|audio)\b[^>]*\s(?:href|src)="(https?:)?\/\/[^"]*"/gi,
      ))
        problems.push(`${p.url}: loads ${m[0]}`);
    }
    expect(problems).toEqual([]);
  });

  it('internal links of catalogue pages resolve (on-demand routes aside)', () => {
    const broken = new Set<string>();
    const onDemand = (u: string) => u === '/' || /\/(pieteikums|novertejums)\//.test(u) || u.startsWith('/api/');
    for (const p of pages.filter((x) => isCatalogue(x.url)))
      for (const m of p.html.matchAll(/<a\b[^>]*\shref="(\/[^"]*)"/g)) {
        const href = m[1]!.replace(/&amp;/g, '&');
        if (href.startsWith('/_astro/') || onDemand(href)) continue;
        if (!exists(href)) broken.add(`${p.url} → ${href}`);
        const hash = href.split('#')[1];
        if (hash && exists(href) && !byUrl.get(href.split('#')[0]!)!.html.includes(`id="${hash}"`))
          broken.add(`${p.url} → ${href} (no #${hash})`);
      }
    expect([...broken]).toEqual([]);
  });

  it('every benefit\'s "how to apply" is three clicks from /{l}/ (municipality → situation → benefit)', () => {
    const links = (url: string) =>
      new Set([...(byUrl.get(url)?.html ?? '').matchAll(/<a\b[^>]*\shref="(\/[^"#?]*)/g)].map((m) => m[1]!));
    const problems: string[] = [];
    for (const l of LOCALES) {
      const fromHome = links(paths.home(l));
      for (const m of catalogue.municipalities) {
        const mHome = paths.municipality(l, m.id);
        if (!fromHome.has(mHome)) {
          problems.push(`${paths.home(l)} does not link ${mHome}`);
          continue;
        }
        const situationPages = [...links(mHome)].filter((u) => u.startsWith(`${mHome}situacijas/`));
        const reachable = new Set(situationPages.flatMap((s) => [...links(s)]));
        for (const item of publishedItemsFor(catalogue, m).filter((i) => i.kind === 'benefit')) {
          const url = paths.benefit(l, m.id, item.id);
          if (!reachable.has(url)) problems.push(`${url}: not linked from any situation page of ${mHome}`);
          else if (!byUrl.get(url)?.html.includes('id="ka-pieteikties"'))
            problems.push(`${url}: no "how to apply" section`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('Russian pages say the Latvian version prevails and link to it', () => {
    if (!LOCALES.includes('ru')) return;
    const problems: string[] = [];
    for (const p of pages.filter((x) => x.url.startsWith('/ru/'))) {
      const lvUrl = p.url.replace(/^\/ru\//, '/lv/');
      if (!p.html.includes('официальной является') || !p.html.includes(`href="${lvUrl}" hreflang="lv"`))
        problems.push(p.url);
    }
    expect(problems).toEqual([]);
  });

  it('the stylesheet is linked, never inlined', () => {
    const problems = pages
      .filter(
        (p) =>
          isCatalogue(p.url) &&
          (/<style\b/.test(p.html) || !/<link rel="stylesheet" href="\/_astro\/[^"]+\.css">/.test(p.html)),
      )
      .map((p) => p.url);
    expect(problems).toEqual([]);
  });

  it('suspended items invite no application, outdated items say "check with the social service"', () => {
    const problems: string[] = [];
    for (const m of catalogue.municipalities)
      for (const item of publishedItemsFor(catalogue, m))
        for (const l of LOCALES) {
          const url = paths.item(l, m.id, item.kind, item.id);
          const html = byUrl.get(url)?.html ?? '';
          if (item.status.kind === 'suspended' && html.includes('/pieteikums/'))
            problems.push(`${url}: suspended but links an application form`);
          if (
            (item.status.kind === 'seed-only' || item.status.kind === 'unconfirmed') &&
            !html.includes('notice--warning')
          )
            problems.push(`${url}: ${item.status.kind} without a warning`);
          if (
            item.status.year &&
            (item.status.kind === 'seed-only' || item.status.kind === 'unconfirmed') &&
            !html.includes(String(item.status.year))
          )
            problems.push(`${url}: the year ${item.status.year} is not shown`);
        }
    expect(problems).toEqual([]);
  });

  it('the 404 page exists', () => {
    expect(existsSync(join(client, '404.html'))).toBe(true);
  });
});

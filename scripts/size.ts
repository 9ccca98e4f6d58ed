/**
 * Size report over the build output: sizes, not timings, so the numbers are the same on a busy
 * machine.
 * For every HTML page: its own gzip size, the gzip size of the CSS it links, and the gzip size of
 * all JavaScript it loads (scripts, island component/renderer URLs, and every chunk those import,
 * followed recursively). Also lists references to other origins (there must be none).
 *
 *   npm run size [-- <dist dir>]      prints a table (default dist dir: dist)
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, resolve, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PageSize {
  page: string; // URL path, e.g. /lv/daugavpils/
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  jsFiles: string[];
  foreignRefs: string[];
}

const gz = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

const attr = (html: string, re: RegExp): string[] => [...html.matchAll(re)].map((m) => m[1]!).filter(Boolean);

/** Follow static and dynamic imports between built JS chunks. */
function jsClosure(clientDir: string, entry: string, seen: Set<string>): void {
  if (seen.has(entry)) return;
  const file = join(clientDir, entry);
  if (!existsSync(file)) return;
  seen.add(entry);
  const src = readFileSync(file, 'utf8');
  const specs = [
    ...attr(src, /\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']/g),
    ...attr(src, /\bimport\(\s*["']([^"']+\.m?js)["']\s*\)/g),
    ...attr(src, /\bfrom\s*["']([^"']+\.m?js)["']/g),
  ];
  for (const spec of specs) {
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    const next = spec.startsWith('/') ? spec.slice(1) : relative(clientDir, resolve(dirname(file), spec));
    jsClosure(clientDir, next, seen);
  }
}

export function measureSite(distDir: string): PageSize[] {
  const clientDir = join(distDir, 'client');
  return walk(clientDir)
    .sort()
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const page =
        '/' +
        relative(clientDir, file)
          .replace(/index\.html$/, '')
          .replace(/\\/g, '/');
      const css = attr(html, /<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g).concat(
        attr(html, /<link[^>]+href="([^"]+\.css)"[^>]*rel="stylesheet"/g),
      );
      const cssGzip = [...new Set(css)]
        .filter((h) => h.startsWith('/'))
        .reduce((sum, h) => sum + (existsSync(join(clientDir, h)) ? gz(readFileSync(join(clientDir, h))) : 0), 0);
      const entries = [
        ...attr(html, /<script[^>]+src="([^"]+)"/g),
        ...attr(html, /component-url="([^"]+)"/g),
        ...attr(html, /renderer-url="([^"]+)"/g),
        ...attr(html, /<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g),
      ].filter((s) => s.startsWith('/'));
      const seen = new Set<string>();
      for (const e of entries) jsClosure(clientDir, e.slice(1), seen);
      // Inline module scripts count too (there should be none: CSP forbids them).
      const inline = attr(html, /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g).filter(
        (s) => s.trim() && !/^\s*\{/.test(s),
      );
      const jsGzip =
        [...seen].reduce((sum, f) => sum + gz(readFileSync(join(clientDir, f))), 0) +
        inline.reduce((s, c) => s + gz(c), 0);
      const foreignRefs = attr(
        html,
        /(?:src|href|action|component-url|renderer-url)="((?:https?:)?\/\/[^"]+)"/g,
      ).filter((u) => !/^https?:\/\/(localhost|127\.0\.0\.1)/.test(u));
      // Links (<a href>) to sources on other sites are navigation, not requests: only loaded resources count.
      const loaded = foreignRefs.filter(
        (u) => !new RegExp(`<a\\b[^>]*href="${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(html),
      );
      return { page, htmlGzip: gz(html), cssGzip, jsGzip, jsFiles: [...seen], foreignRefs: loaded };
    });
}

const kb = (n: number) => (n / 1024).toFixed(1);

export function formatTable(rows: PageSize[]): string {
  const lines = ['| page | HTML gzip KB | CSS gzip KB | HTML+CSS KB | JS gzip KB |', '|---|---:|---:|---:|---:|'];
  for (const r of rows)
    lines.push(
      `| ${r.page} | ${kb(r.htmlGzip)} | ${kb(r.cssGzip)} | ${kb(r.htmlGzip + r.cssGzip)} | ${kb(r.jsGzip)} |`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const rows = measureSite(dist);
  console.log(formatTable(rows));
  const max = rows.reduce((a, b) => (a.htmlGzip + a.cssGzip >= b.htmlGzip + b.cssGzip ? a : b));
  const maxJs = rows.reduce((a, b) => (a.jsGzip >= b.jsGzip ? a : b));
  console.log(
    `\n${rows.length} pages. Largest HTML+CSS: ${max.page} ${kb(max.htmlGzip + max.cssGzip)} KB gzip. Most JS: ${maxJs.page} ${kb(maxJs.jsGzip)} KB gzip.`,
  );
}

/**
 * Optional plain-language prose per item and locale: src/content/items/{lv,ru}/<id>.md.
 * Written as simple Markdown (paragraphs, "- " lists, "## " headings) and converted here, so
 * pages need no Markdown runtime. A prose file must exist in both languages (test/i18n).
 */
import type { Locale } from '#src/i18n/index.ts';

const files = import.meta.glob<string>('../../content/items/*/*.md', { query: '?raw', import: 'default', eager: true });

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const inline = (s: string) => esc(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');

/** Minimal Markdown → HTML (escaped; no raw HTML allowed in prose). */
function markdownToHtml(md: string): string {
  return md
    .trim()
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((l) => l.startsWith('- ')))
        return `<ul class="list--bullet">${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
      const h = block.match(/^(#{2,3}) (.+)$/);
      if (h) return `<h${h[1]!.length}>${inline(h[2]!)}</h${h[1]!.length}>`;
      return `<p>${inline(lines.join(' '))}</p>`;
    })
    .join('');
}

export function proseFor(id: string, locale: Locale): string | undefined {
  const md = files[`../../content/items/${locale}/${id}.md`];
  return md ? markdownToHtml(md) : undefined;
}

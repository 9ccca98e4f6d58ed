/**
 * Reading built pages as text without a DOM (fast enough for every page of the build): the
 * <main> element, visible text with block boundaries as line breaks, sentences.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** The inner HTML of <main> (empty when the page has none). */
export function mainOf(html: string): string {
  return html.match(/<main\b[^>]*>([\s\S]*)<\/main>/)?.[1] ?? '';
}

const BLOCK =
  /<\/?(?:p|li|ul|ol|h[1-6]|dt|dd|dl|div|section|details|summary|table|tr|th|td|caption|nav|header|footer|form|fieldset|legend|label|br)(?=[\s>/])[^>]*>|<span class="(?:amount__[a-z]+|meta[^"]*|caption)"[^>]*>/gi;

/** Visible text, one block (paragraph, list item, heading, table cell…) per line. */
export function textLines(html: string): string[] {
  return decode(
    html
      .replace(/<script[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style[\s\S]*?<\/style>/gi, ' ')
      .replace(BLOCK, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Sentences of a line: split after . ! ? … when a space and a capital letter (or a digit or a
 * quote) follow. Dates like "01.05.2026." and abbreviations like "Nr. 809" stay inside.
 */
export function sentences(line: string): string[] {
  return line
    .split(/(?<=[.!?…])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽА-ЯЁ„«"])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

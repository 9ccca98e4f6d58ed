/**
 * DejaVu Sans (dejavu-fonts-ttf): covers Latvian diacritics and Cyrillic, so a resident's
 * Russian-typed answers print correctly. Resolved from node_modules at run time (never a CDN).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { create, type Font, type FontCollection } from 'fontkit';

function locate(file: string): string {
  try {
    return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
  } catch {
    const fallback = join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', file);
    if (existsSync(fallback)) return fallback;
    throw new Error(`PDF_FONT_MISSING: dejavu-fonts-ttf/ttf/${file} not found`);
  }
}

/**
 * What `doc.registerFont` is given. pdfkit 0.20 takes a parsed fontkit font (it checks for a
 * `layout` method); its type declarations (@types/pdfkit 0.17) predate that and list only paths
 * and bytes, hence the cast in `parse`.
 */
type PdfFont = PDFKit.Mixins.PDFFontSource;

let cache: { regular: PdfFont; bold: PdfFont } | undefined;

/**
 * Laid-out words (glyphs and positions, keyed by the word) of each font, shared by the PDFs this
 * process renders: pdfkit lays out (shapes) every word anew in each document, and the labels,
 * headings and answers repeat from one application to the next — the layout was the largest
 * part of a PDF's render time. pdfkit never changes a cached run (it copies before adjusting),
 * so sharing runs across documents of the same font and scale is what it does within one.
 * Dropped after MAX_DOCUMENTS_PER_CACHE documents or MAX_CACHE_AGE_MS, whichever comes first, so
 * words of earlier applications (names, addresses) are not kept in memory for long and the cache
 * stays small.
 */
type LayoutCache = Record<string, unknown>;
const MAX_DOCUMENTS_PER_CACHE = 200;
const MAX_CACHE_AGE_MS = 10 * 60_000;
let layoutCaches: Record<'body' | 'bold', LayoutCache> = newLayoutCaches();
let documentsOnCache = 0;
let cacheStartedAt = Date.now();

function newLayoutCaches(): Record<'body' | 'bold', LayoutCache> {
  return { body: Object.create(null) as LayoutCache, bold: Object.create(null) as LayoutCache };
}

/**
 * Registers DejaVu Sans as `body` and `bold` in `doc`, with the shared word layouts. The
 * document's current font is `bold` afterwards: set the one to write with.
 */
export function useDejavu(doc: PDFKit.PDFDocument): void {
  const fonts = dejavu();
  if (++documentsOnCache > MAX_DOCUMENTS_PER_CACHE || Date.now() - cacheStartedAt > MAX_CACHE_AGE_MS) {
    layoutCaches = newLayoutCaches();
    documentsOnCache = 1;
    cacheStartedAt = Date.now();
  }
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  for (const name of ['body', 'bold'] as const) {
    // pdfkit keeps the word layouts on the font object it makes for the document (`_font`,
    // `layoutCache`: not in its type declarations); without them it simply lays out again.
    const embedded = (doc.font(name) as unknown as { _font?: { layoutCache?: LayoutCache } })._font;
    if (embedded?.layoutCache) embedded.layoutCache = layoutCaches[name];
  }
}

/**
 * The fonts, read and parsed once per process. pdfkit takes a parsed fontkit font as well as the
 * file's bytes; given bytes it parses them anew for every PDF (1.5 MB of tables), and the parsed
 * font keeps its decoded tables and glyph caches from one PDF to the next. Each PDF still embeds
 * its own subset of the glyphs it uses.
 */
function dejavu(): { regular: PdfFont; bold: PdfFont } {
  return (cache ??= {
    regular: parse(readFileSync(locate('DejaVuSans.ttf'))),
    bold: parse(readFileSync(locate('DejaVuSans-Bold.ttf'))),
  });
}

function parse(bytes: Buffer): PdfFont {
  const font: Font | FontCollection = create(bytes);
  if (!('layout' in font)) throw new Error('PDF_FONT_MISSING: expected a single font, got a collection');
  return font as unknown as PdfFont;
}

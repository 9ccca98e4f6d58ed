/**
 * DejaVu Sans (dejavu-fonts-ttf): covers Latvian diacritics and Cyrillic, so a resident's
 * Russian-typed answers print correctly. Resolved from node_modules at run time (never a CDN).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

function locate(file: string): string {
  try {
    return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
  } catch {
    const fallback = join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', file);
    if (existsSync(fallback)) return fallback;
    throw new Error(`PDF_FONT_MISSING: dejavu-fonts-ttf/ttf/${file} not found`);
  }
}

let cache: { regular: Buffer; bold: Buffer } | undefined;
/** The font files, read once per process (each PDF would otherwise read 1.5 MB from disk). */
export function dejavu(): { regular: Buffer; bold: Buffer } {
  return (cache ??= {
    regular: readFileSync(locate('DejaVuSans.ttf')),
    bold: readFileSync(locate('DejaVuSans-Bold.ttf')),
  });
}

/**
 * DejaVu Sans (dejavu-fonts-ttf): covers Latvian diacritics and Cyrillic, so a resident's
 * Russian-typed answers print correctly. Resolved from node_modules at run time (never a CDN).
 */
import { existsSync } from 'node:fs';
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

let cache: { regular: string; bold: string } | undefined;
export function dejavu(): { regular: string; bold: string } {
  return (cache ??= { regular: locate('DejaVuSans.ttf'), bold: locate('DejaVuSans-Bold.ttf') });
}

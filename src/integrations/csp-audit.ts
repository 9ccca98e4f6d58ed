/**
 * Astro integration: after the build, finds every inline `<script>` and `<style>` in the HTML
 * output and records their SHA-256 hashes in `<outDir>/csp-inline.json` (outside client/, so it
 * is not served). The server adds them to its Content-Security-Policy, so our own pages never
 * break under our own CSP; the build log lists them, because each one is a question worth
 * asking (move it to a file). `style="…"` attributes cannot be allowed by hash and are reported.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow } from './files-below.ts';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTR = /<[a-z][^>]*\sstyle\s*=\s*["'][^"']*["']/gi;
const NON_SCRIPT_TYPES = /type\s*=\s*["']?(application\/(ld\+)?json|text\/template)/i;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

interface CspAudit {
  scripts: string[];
  styles: string[];
  /** hash → first page it was seen on, for the build log */
  seenOn: Record<string, string>;
  styleAttributes: string[];
}

async function auditInline(clientDir: string): Promise<CspAudit> {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const seenOn: Record<string, string> = {};
  const styleAttributes: string[] = [];
  for await (const file of filesBelow(clientDir)) {
    if (!file.endsWith('.html')) continue;
    const html = await readFile(file, 'utf8');
    const page = '/' + relative(clientDir, file);
    for (const [, attrs, body] of html.matchAll(SCRIPT)) {
      if (/\ssrc\s*=/.test(attrs ?? '') || NON_SCRIPT_TYPES.test(attrs ?? '') || (body ?? '').length === 0) continue;
      const h = hash(body!);
      scripts.add(h);
      seenOn[h] ??= page;
    }
    for (const [, body] of html.matchAll(STYLE)) {
      const h = hash(body ?? '');
      styles.add(h);
      seenOn[h] ??= page;
    }
    if (STYLE_ATTR.test(html)) styleAttributes.push(page);
    STYLE_ATTR.lastIndex = 0;
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort(), seenOn, styleAttributes };
}

export default function cspAudit(): AstroIntegration {
  return {
    name: 'atbalsts:csp-audit',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const clientDir = fileURLToPath(dir);
        const audit = await auditInline(clientDir);
        await writeFile(join(clientDir, '..', 'csp-inline.json'), JSON.stringify(audit, null, 2) + '\n');
        for (const h of [...audit.scripts, ...audit.styles])
          logger.info(`inline element allowed by hash ${h} (first seen on ${audit.seenOn[h]})`);
        if (audit.styleAttributes.length > 0) {
          logger.warn(
            `style="…" attributes are blocked by the CSP; found on ${audit.styleAttributes.length} page(s), e.g. ${audit.styleAttributes.slice(0, 3).join(', ')}`,
          );
        }
      },
    },
  };
}

/**
 * The application-form island translates with tiny-t over strings picked from the `forms`
 * namespace, not a hand-kept key list. These tests read the keys the island's code can ask for
 * straight from the sources (the shared validators, the enhancement code, the island) and check
 * that each one ships and reads exactly as i18next renders it on the server, in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { islandProps } from '#src/components/forms/island-props.ts';
import { FORM_IDS, formDefinition } from '#src/domain/forms/index.ts';
import { LOCALES, tFor } from '#src/i18n/index.ts';
import { resourcesFor } from '#src/i18n/i18n.ts';
import { createTinyT } from '#src/i18n/tiny-t.ts';

const SRC = join(import.meta.dirname, '../../../src');
const read = (...p: string[]) => readFileSync(join(SRC, ...p), 'utf8');
const domainSources = readdirSync(join(SRC, 'domain/forms'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read('domain/forms', f));
const islandSources = [read('components/forms/enhance.ts'), read('components/forms/ApplicationForm.tsx')];

/** Every `'error.…'` key the validators and the enhancement code can produce. */
const errorKeys = [
  ...new Set(
    [...domainSources, ...islandSources].flatMap((s) => [...s.matchAll(/'(error\.[\w.]+)'/g)].map((m) => m[1]!)),
  ),
].sort();
/** Every literal key the island's code translates: `t('island.next')`, `t('page.errorPrefix')`, … */
const uiKeys = [...new Set(islandSources.flatMap((s) => [...s.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]!)))];
/** Row legends (`t(\`page.row.${section}\`)`) of every repeated section of any form. */
const rowKeys = [
  ...new Set(
    FORM_IDS.flatMap((f) => formDefinition(f, undefined)?.sections ?? [])
      .filter((s) => s.repeat)
      .map((s) => `page.row.${s.id}`),
  ),
];
const params = { name: 'scan.pdf', max: '5 MB', n: 2, total: 6 };

describe('application-form island strings', () => {
  it('the sources give the keys this test walks (the scan itself works)', () => {
    expect(errorKeys).toContain('error.personalCode.checksum');
    expect(errorKeys).toContain('error.file.tooLarge');
    expect(uiKeys).toEqual(expect.arrayContaining(['island.next', 'page.errorPrefix', 'summary.title']));
    expect(rowKeys).toEqual(['page.row.members', 'page.row.incomes']);
  });

  for (const locale of LOCALES) {
    const { strings } = islandProps('question', 'daugavpils', undefined, locale);
    const t = createTinyT(locale, strings, 'forms');
    const server = tFor(locale);

    it(`${locale}: every key the island can ask for ships and reads as on the server`, () => {
      const keys = [...errorKeys.filter((k) => !k.startsWith('error.request.')), ...uiKeys, ...rowKeys];
      const wrong = keys.filter((k) => t(k, params) !== server(`forms:${k}`, params));
      expect(wrong).toEqual([]);
      expect(keys.every((k) => t(k, params) !== k)).toBe(true);
    });

    it(`${locale}: the whole forms:error group ships except request-level answers`, () => {
      const walk = (node: unknown, prefix: string): string[] =>
        node && typeof node === 'object'
          ? Object.entries(node).flatMap(([k, v]) => walk(v, `${prefix}.${k}`))
          : [prefix];
      const all = walk((resourcesFor(locale)['forms'] as Record<string, unknown>)['error'], 'error');
      const shipped = walk(strings['forms']!['error'], 'error');
      expect(shipped).toEqual(all.filter((k) => !k.startsWith('error.request.')));
    });
  }
});

/**
 * Stale texts: condition texts (and `who`) in the national catalogue and the municipal packs never
 * contain a typed euro figure. Figures are placeholders filled from the dated data
 * (src/data/with-parameters.ts), so they cannot go stale when a new period is added.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCatalogue, DataError, type RawFile } from '#src/data/build-catalogue.ts';
import { buildParameters } from '#src/data/build-parameters.ts';
import { loadCatalogueFromDisk } from '#src/data/load-from-disk.ts';
import { withParameters } from '#src/data/with-parameters.ts';

const root = join(import.meta.dirname, '../..');
const read = (path: string): RawFile => ({ path, text: readFileSync(join(root, path), 'utf8') });
const packPaths = readdirSync(join(root, 'src/data/municipalities'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `src/data/municipalities/${f}`);
const files = {
  sources: read('src/data/sources.yaml'),
  national: read('src/data/national/catalogue.yaml'),
  municipalities: packPaths.map(read),
};
const parameters = buildParameters(read('src/data/national/parameters.yaml'));

/** A euro amount written as digits: "549 €", "1 445 €", "87,50 eiro", "400 евро", "EUR 30". */
const EURO_FIGURE = /\d[\d\s.,]*\s?(€|eiro|euro|евро|EUR)|(€|EUR)\s?\d/i;
const PLACEHOLDER = /\{\{\s*[A-Za-z.]+\s*\}\}/g;

interface Text {
  file: string;
  where: string;
  text: string;
}
function conditionTexts(file: RawFile): Text[] {
  const doc = parse(file.text) as {
    items: { id: string; who?: Record<string, string>; conditions?: Record<string, string>[] }[];
  };
  const out: Text[] = [];
  for (const item of doc.items) {
    for (const [lang, text] of Object.entries(item.who ?? {}))
      out.push({ file: file.path, where: `${item.id} who.${lang}`, text });
    (item.conditions ?? []).forEach((c, i) => {
      for (const [lang, text] of Object.entries(c))
        out.push({ file: file.path, where: `${item.id} conditions[${i}].${lang}`, text });
    });
  }
  return out;
}

describe('condition texts carry no typed euro figure', () => {
  const texts = [files.national, ...files.municipalities].flatMap(conditionTexts);

  it('there are condition texts to check, and some use placeholders', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => PLACEHOLDER.test(t.text)).length).toBeGreaterThan(0);
  });

  it('no euro figure outside a placeholder (file, item and field named)', () => {
    const typed = texts
      .filter((t) => EURO_FIGURE.test(t.text.replace(PLACEHOLDER, '')))
      .map((t) => `${t.file} ${t.where}: ${t.text}`);
    expect(typed).toEqual([]);
  });

  it('the check catches the old Daugavpils sentence with 549 € / 384 €', () => {
    expect(
      EURO_FIGURE.test('Daugavpilī ... (2024. gadā — 549 € pirmajai personai un 384 € katrai nākamajai personai).'),
    ).toBe(true);
    expect(
      EURO_FIGURE.test(
        'Daugavpilī ... ({{lowIncome.year}}. gadā — {{lowIncome.first}} € pirmajai personai).'.replace(PLACEHOLDER, ''),
      ),
    ).toBe(false);
  });
});

describe('placeholders are filled from the dated data', () => {
  const catalogue = loadCatalogueFromDisk(root);
  const dau = catalogue.municipalities.find((m) => m.id === 'daugavpils')!;
  const cond = (id: string, n: number) => dau.items.find((i) => i.id === id)!.conditions[n]!;

  it('Daugavpils low-income threshold: the newest entry (2026: 680 € / 476 €)', () => {
    expect(cond('low-income-status', 0).lv).toBe(
      'Daugavpilī mājsaimniecības ienākumi nedrīkst pārsniegt 80 % no ienākumu mediānas (2026. gadā — 680 € pirmajai personai un 476 € katrai nākamajai personai).',
    );
    expect(cond('low-income-status', 0).ru).toContain('в 2026 году — 680 € для первого лица и 476 €');
  });

  it('Daugavpils funeral benefit: "up to" the amount of the item (400 €)', () => {
    expect(cond('funeral', 1).lv).toBe('Pašvaldība sedz to, ko nesedz valsts apbedīšanas pabalsts, kopā līdz 400 €.');
  });

  it('the national savings cap comes from parameters.yaml (272 €)', () => {
    const needy = catalogue.national.find((i) => i.id === 'needy-status')!;
    expect(needy.conditions.map((c) => c.lv).join(' ')).toContain('uzkrājumu limits 272 €');
  });

  it('a new Daugavpils threshold entry (2027) changes the sentence with no other edit', () => {
    const pack = files.municipalities.find((f) => f.path.endsWith('/daugavpils.yaml'))!;
    const entry2027 = `lowIncomeThresholds:\n  - from: "2027-01-01"\n    firstCents: 72000\n    othersCents: 50400\n    certainty: verified\n    sources: [S55]\n`;
    const changed = { ...pack, text: pack.text.replace('lowIncomeThresholds:\n', entry2027) };
    expect(changed.text).not.toBe(pack.text);
    const c = withParameters(
      buildCatalogue({ ...files, municipalities: files.municipalities.map((f) => (f === pack ? changed : f)) }),
      parameters,
    );
    const text = c.municipalities.find((m) => m.id === 'daugavpils')!.items.find((i) => i.id === 'low-income-status')!
      .conditions[0]!.lv;
    expect(text).toContain('(2027. gadā — 720 € pirmajai personai un 504 € katrai nākamajai personai)');
  });

  it('an unknown placeholder fails the build, naming the file and the text', () => {
    const broken = {
      ...files.national,
      text: files.national.text.replace('{{savingsCap}} €, bet', '{{savingCap}} €, bet'),
    };
    expect(broken.text).not.toBe(files.national.text);
    const run = () => withParameters(buildCatalogue({ ...files, national: broken }), parameters);
    expect(run).toThrow(DataError);
    expect(run).toThrow(
      /catalogue\.yaml[\s\S]*items id=needy-status conditions\[1\]\.lv: no value for \{\{savingCap\}\}/,
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isHomePageUrl, sourceSchema, sourcesSchema } from '../../src/domain/schemas/index.ts';
import { catalogue } from '../../src/data/index.ts';

const raw = parse(readFileSync(new URL('../../src/data/sources.yaml', import.meta.url), 'utf8')) as Record<string, { title: string; url?: string }>;

describe('source register', () => {
  it('refuses a URL that is a home page', () => {
    for (const url of ['https://press.lv', 'https://press.lv/', 'https://rezeknesnovads.lv/en', 'https://old.daugavpils.lv/ru/']) {
      expect(isHomePageUrl(url), url).toBe(true);
      expect(sourceSchema.safeParse({ title: 'x', url }).success, url).toBe(false);
    }
  });

  it('accepts a URL with a path or a query', () => {
    for (const url of ['https://socd.lv/?page_id=3212', 'https://likumi.lv/ta/id/346210', 'https://latvija.gov.lv/Services/11809', 'https://lm.gov.lv/lv/gmi-pabalsts']) {
      expect(isHomePageUrl(url), url).toBe(false);
      expect(sourceSchema.safeParse({ title: 'x', url }).success, url).toBe(true);
    }
  });

  it('the register validates and no entry links a home page', () => {
    expect(sourcesSchema.safeParse(raw).success).toBe(true);
    const home = Object.entries(raw).filter(([, s]) => s.url !== undefined && isHomePageUrl(s.url));
    expect(home).toEqual([]);
    expect(Object.keys(catalogue.sources).length).toBe(Object.keys(raw).length);
  });

  it('an entry without a URL is a citation, not a bare host name', () => {
    const bare = Object.entries(raw).filter(([, s]) => s.url === undefined && /^[\w.-]+\.[a-z]{2,}$/i.test(s.title.trim()));
    expect(bare).toEqual([]);
  });
});

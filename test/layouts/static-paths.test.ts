import { describe, expect, it } from 'vitest';
import { groupPaths, itemPaths, localePaths, municipalityPaths, situationPaths } from '#src/layouts/static-paths.ts';
import { MUNICIPALITIES, itemsOf } from '#src/components/catalogue/data.ts';
import { SITE_LOCALES } from '#src/i18n/site-locales.ts';

const key = (params: Record<string, string>) => JSON.stringify(params);

describe('static paths', () => {
  it('one page per locale, and per locale × municipality, with the props the page shows', () => {
    expect(localePaths()).toEqual(SITE_LOCALES.map((locale) => ({ params: { locale }, props: { locale } })));
    const paths = municipalityPaths();
    expect(paths).toHaveLength(SITE_LOCALES.length * MUNICIPALITIES.length);
    for (const { params, props } of paths) {
      expect(params).toEqual({ locale: props.locale, municipality: props.municipality.id });
    }
  });

  it.each(['benefit', 'service'] as const)('%s pages: every published item once, params matching props', (kind) => {
    const paths = itemPaths(kind);
    const expected = SITE_LOCALES.flatMap((l) => MUNICIPALITIES.flatMap((m) => itemsOf(m, l, kind)));
    expect(paths).toHaveLength(expected.length);
    expect(new Set(paths.map((p) => key(p.params))).size).toBe(paths.length);
    for (const { params, props } of paths) {
      expect(props.item.kind).toBe(kind);
      expect(params).toEqual({ locale: props.locale, municipality: props.municipality.id, id: props.item.id });
    }
  });

  it('group and situation pages only where there are items', () => {
    for (const { params, props } of groupPaths('benefit')) {
      expect(params.group).toBe(props.group);
      expect(
        itemsOf(props.municipality, props.locale, 'benefit').some((i) => i.targetGroups.includes(props.group)),
      ).toBe(true);
    }
    const situations = situationPaths();
    expect(situations.length).toBeGreaterThan(0);
    for (const { params, props } of situations) {
      expect(params.situation).toBe(props.situation);
      expect(itemsOf(props.municipality, props.locale).some((i) => i.situations.includes(props.situation))).toBe(true);
    }
  });
});

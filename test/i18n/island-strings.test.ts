/**
 * The picker of the strings an island ships: whole namespaces or key prefixes, plural forms with
 * their key, the locale file's order, omissions, and a loud failure for a pick that matches nothing.
 */
import { describe, expect, it } from 'vitest';
import { resourcesFor } from '#src/i18n/i18n.ts';
import { islandStrings } from '#src/i18n/island-strings.ts';
import { createTinyT, type Strings } from '#src/i18n/tiny-t.ts';

const lv = resourcesFor('lv') as Record<string, Strings>;
const est = lv.estimator as Record<string, Record<string, unknown>>;
const forms = lv.forms as Record<string, Record<string, unknown>>;

describe('islandStrings', () => {
  it('takes whole namespaces, in the order asked', () => {
    const s = islandStrings('lv', ['rules', 'estimator']);
    expect(Object.keys(s)).toEqual(['rules', 'estimator']);
    expect(s.estimator).toEqual(lv.estimator);
    expect(s.rules).toEqual(lv.rules);
  });

  it('takes key prefixes, keeping only what they name', () => {
    const s = islandStrings('lv', ['forms:error', 'forms:island.next', 'forms:page.errorPrefix']);
    expect(Object.keys(s)).toEqual(['forms']);
    expect(s.forms).toEqual({
      error: forms.error,
      island: { next: forms.island!.next },
      page: { errorPrefix: forms.page!.errorPrefix },
    });
  });

  it('a key takes its plural forms along (what tiny-t looks up for `count`)', () => {
    const s = islandStrings('lv', ['estimator:check.person']);
    const check = s.estimator!.check as Record<string, unknown>;
    const plurals = Object.keys(est.check!).filter((k) => k.startsWith('person_'));
    expect(plurals.length).toBeGreaterThan(1);
    expect(Object.keys(check).sort()).toEqual(plurals.sort());
    const t = createTinyT('lv', s, 'estimator');
    expect(t('check.person', { person: 2, count: 5 })).toBe('2. persona: 5 gadi');
  });

  it('leaves out what `omit` names, without touching the locale resources or other results', () => {
    const all = islandStrings('lv', ['estimator']);
    const s = islandStrings('lv', ['estimator', 'rules'], { omit: ['estimator:page'] });
    expect(s.estimator).not.toHaveProperty('page');
    expect(Object.keys(s.estimator!)).toEqual(Object.keys(est).filter((k) => k !== 'page'));
    expect(all.estimator).toHaveProperty('page');
    expect(resourcesFor('lv').estimator).toHaveProperty('page');
  });

  it('keeps the order of the locale file inside a subtree (the result is part of the page HTML)', () => {
    const s = islandStrings('ru', ['estimator:start', 'estimator:action.continue']);
    expect(JSON.stringify(s.estimator)).toBe(
      JSON.stringify({
        start: (resourcesFor('ru').estimator as Record<string, unknown>).start,
        action: { continue: 'Продолжить' },
      }),
    );
  });

  it('a pick that matches nothing fails loudly', () => {
    expect(() => islandStrings('lv', ['nonexistent'])).toThrow(/no namespace/);
    expect(() => islandStrings('lv', ['forms:error.noSuchKey'])).toThrow(/matches no string/);
    expect(() => islandStrings('lv', ['forms:'])).toThrow(/malformed/);
  });
});

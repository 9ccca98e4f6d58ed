/**
 * Size budgets over the built portal, so pages stay light on old phones and slow links. Sizes, not timings: stable on noisy machines.
 * - catalogue pages ship no JavaScript;
 * - every page's HTML + linked CSS ≤ 30 KB gzip;
 * - pages with islands (estimator, forms) load ≤ 35 KB gzip of JavaScript in all;
 * - nothing is loaded from another origin.
 */
import { describe, expect, inject, it } from 'vitest';
import { measureSite } from '../../scripts/size.ts';

const KB = 1024;
const rows = measureSite(inject('distDir'));
const interactive = (page: string) => /\/(novertejums|pieteikums)\//.test(page);

describe('size budgets of the built pages', () => {
  it('the build has pages', () => {
    expect(rows.length).toBeGreaterThan(1);
  });

  it('every page: HTML + CSS ≤ 30 KB gzip', () => {
    const over = rows
      .filter((r) => r.htmlGzip + r.cssGzip > 30 * KB)
      .map((r) => `${r.page} ${((r.htmlGzip + r.cssGzip) / KB).toFixed(1)} KB`);
    expect(over, `pages over 30 KB gzip: ${over.join(', ')}`).toEqual([]);
  });

  it('catalogue pages ship no JavaScript', () => {
    const withJs = rows
      .filter((r) => !interactive(r.page) && r.jsGzip > 0)
      .map((r) => `${r.page} (${r.jsFiles.join(', ')})`);
    expect(withJs, `catalogue pages with JS: ${withJs.join('; ')}`).toEqual([]);
  });

  it('interactive pages: all JavaScript ≤ 35 KB gzip', () => {
    const over = rows.filter((r) => r.jsGzip > 35 * KB).map((r) => `${r.page} ${(r.jsGzip / KB).toFixed(1)} KB`);
    expect(over, `pages over the JS budget: ${over.join(', ')}`).toEqual([]);
  });

  it('no resource from another origin (fonts included)', () => {
    const foreign = rows.filter((r) => r.foreignRefs.length).map((r) => `${r.page}: ${r.foreignRefs.join(', ')}`);
    expect(foreign, foreign.join('; ')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { notFound, openOnDemandPage } from '#src/layouts/on-demand-page.ts';
import { catalogue } from '#src/data/index.ts';
import { SITE_LOCALES } from '#src/i18n/site-locales.ts';

const astro = (params: Record<string, string | undefined>) => ({ params, response: { headers: new Headers() } });
const [first] = catalogue.municipalities;

describe('opening of an on-demand page', () => {
  it('finds locale, municipality and translator, and marks the answer not cacheable', () => {
    for (const locale of SITE_LOCALES) {
      const a = astro({ locale, municipality: first!.id });
      const page = openOnDemandPage(a);
      if (page instanceof Response) throw new Error('expected a page');
      expect(page.locale).toBe(locale);
      expect(page.m).toBe(first);
      expect(page.t('forms:index.title')).toBe(page.t('forms:index.title', { lng: locale }));
      expect(a.response.headers.get('cache-control')).toBe('no-store');
    }
    const lv = openOnDemandPage(astro({ locale: 'lv', municipality: first!.id }));
    const ru = openOnDemandPage(astro({ locale: 'ru', municipality: first!.id }));
    if (!(lv instanceof Response) && !(ru instanceof Response))
      expect(lv.t('forms:index.title')).not.toBe(ru.t('forms:index.title'));
  });

  it.each([
    ['unknown municipality', { locale: 'lv', municipality: 'atlantida' }],
    ['no municipality', { locale: 'lv', municipality: undefined }],
    ['unknown locale', { locale: 'de', municipality: first!.id }],
    ['municipality id in the wrong case', { locale: 'lv', municipality: first!.id.toUpperCase() }],
    ['locale in the wrong case', { locale: 'LV', municipality: first!.id }],
  ])('%s → 404, not cacheable, no body', async (_name, params) => {
    const page = openOnDemandPage(astro(params));
    expect(page).toBeInstanceOf(Response);
    const res = page as Response;
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe('');
  });

  it('the not-found of a page that knows its municipality (e.g. an unknown form) is the same answer', async () => {
    const res = notFound();
    expect([res.status, res.headers.get('cache-control'), await res.text()]).toEqual([404, 'no-store', '']);
  });
});

/**
 * The pages of a build, as URL paths, and what kind of page each is. The sweep walks
 * `<dist>/client/**\/index.html`, so a new page is checked the moment it is built.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every prerendered page of the build: "/lv/daugavpils/pabalsti/newborn/" (sorted, stable). */
export function builtPages(distDir: string): string[] {
  const root = join(distDir, 'client');
  return (readdirSync(root, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((f) => `/${f.slice(0, -'index.html'.length)}`)
    .sort();
}

export type PageType =
  | 'root'
  | 'home'
  | 'accessibility'
  | 'municipality'
  | 'situation'
  | 'benefits'
  | 'benefits-group'
  | 'benefit'
  | 'services'
  | 'services-group'
  | 'service'
  | 'contacts'
  | 'how-to-apply'
  | 'privacy'
  | 'estimator'
  | 'apply-index'
  | 'apply'
  | 'other';

/** Page type from the URL shape of src/i18n/paths.ts. */
export function pageType(path: string): PageType {
  const s = path.split('/').filter(Boolean);
  if (s.length === 0) return 'root';
  if (s.length === 1) return 'home';
  if (s[1] === 'pieejamiba') return 'accessibility';
  if (s.length === 2) return 'municipality';
  const [section, a, b] = s.slice(2);
  switch (section) {
    case 'situacijas':
      return 'situation';
    case 'pabalsti':
      return a === undefined ? 'benefits' : a === 'grupa' ? 'benefits-group' : 'benefit';
    case 'pakalpojumi':
      return a === undefined ? 'services' : a === 'grupa' ? 'services-group' : 'service';
    case 'kontakti':
      return 'contacts';
    case 'ka-pieteikties':
      return 'how-to-apply';
    case 'privatums':
      return 'privacy';
    case 'novertejums':
      return 'estimator';
    case 'pieteikums':
      return a === undefined ? 'apply-index' : b === undefined ? 'apply' : 'other';
    default:
      return 'other';
  }
}

/** Item detail pages are the bulk of the build; every other type is few per municipality. */
export const isItemPage = (path: string): boolean => ['benefit', 'service'].includes(pageType(path));

/**
 * A deterministic sample: the first page of every type per locale (and of every form), so each
 * template is checked in both languages. Order is the sorted build order, so runs are repeatable.
 */
export function onePerType(paths: string[]): string[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const s = p.split('/');
    const key = `${s[1]}:${pageType(p)}:${pageType(p) === 'apply' ? s[4] : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Stand-in for the shared island-strings picker in src/i18n/ (same call, same result): the
 * strings an island ships, picked from the locale files by `namespace:dotted.prefix`.
 */
import { resourcesFor } from '#src/i18n/i18n.ts';
import type { Locale } from '#src/i18n/locales.ts';
import type { Strings } from '#src/i18n/tiny-t.ts';

export type Namespaces = Record<string, Strings>;

const isTree = (v: unknown): v is Strings => v !== null && typeof v === 'object' && !Array.isArray(v);

const cache = new Map<string, Namespaces>();

export function islandStrings(
  locale: Locale,
  picks: readonly string[],
  options: { omit?: readonly string[] } = {},
): Namespaces {
  const key = JSON.stringify([locale, picks, options.omit ?? []]);
  const cached = cache.get(key);
  if (cached) return cached;
  const resources = resourcesFor(locale) as Namespaces;
  const out: Namespaces = {};
  for (const pick of picks) {
    const [ns, rest] = pick.split(':') as [string, string];
    const path = rest.split('.');
    let source: unknown = resources[ns];
    let target: Strings = (out[ns] ??= {});
    for (const part of path.slice(0, -1)) {
      source = isTree(source) ? source[part] : undefined;
      target = (target[part] = isTree(target[part]) ? target[part] : {}) as Strings;
    }
    const last = path[path.length - 1]!;
    const value = isTree(source) ? source[last] : undefined;
    if (value === undefined) throw new Error(`islandStrings: "${pick}" matches no string`);
    target[last] = structuredClone(value);
  }
  for (const pick of options.omit ?? []) {
    const [ns, rest] = pick.split(':') as [string, string];
    const path = rest.split('.');
    let node: unknown = out[ns];
    for (const part of path.slice(0, -1)) node = isTree(node) ? node[part] : undefined;
    if (isTree(node)) delete node[path[path.length - 1]!];
  }
  cache.set(key, out);
  return out;
}

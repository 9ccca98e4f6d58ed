/**
 * The strings an island ships, picked from the i18next resources (locales/<lv|ru>/*.json) by
 * namespace or key prefix. The island translates them with createTinyT (tiny-t.ts), so islands
 * need neither i18next nor a hand-kept list of keys, and each ships only the part of a language
 * it shows. Build and server side only: this module reads every locale file.
 *
 *   islandStrings('lv', ['estimator', 'rules'], { omit: ['estimator:page'] })
 *   islandStrings('lv', ['forms:error', 'forms:island', 'forms:page.errorPrefix'])
 *
 * A pick is `namespace` or `namespace:dotted.prefix`; a prefix ending in a plain key also takes
 * that key's plural forms (`key_one`, `key_other`, …). The result has the shape createTinyT takes
 * ({ namespace: tree }); picks keep their order, each subtree the order of the locale file (the
 * result is serialised into pages, so the order is part of the HTML). A pick that matches nothing
 * throws: a typo must fail the build, not ship an island without its text.
 * Results are cached per arguments and shared: treat them as read-only.
 */
import { resourcesFor } from './i18n.ts';
import type { Locale } from './locales.ts';
import type { Namespaces, Strings } from './tiny-t.ts';

interface IslandStringsOptions {
  /** Picks (same form) to leave out of what the picks took, e.g. strings only the page renders. */
  omit?: readonly string[];
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

function split(pick: string): { ns: string; path: string[] } {
  const colon = pick.indexOf(':');
  const ns = colon < 0 ? pick : pick.slice(0, colon);
  const rest = colon < 0 ? '' : pick.slice(colon + 1);
  if (!ns || (colon >= 0 && !rest)) throw new Error(`islandStrings: malformed pick "${pick}"`);
  return { ns, path: rest ? rest.split('.') : [] };
}

const isTree = (v: unknown): v is Strings => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The entries a pick takes at its last step: the key itself and its plural forms. */
function entriesAt(parent: Strings, key: string): [string, unknown][] {
  return Object.entries(parent).filter(([k]) => k === key || (k.startsWith(`${key}_`) && PLURAL.test(k)));
}

function take(resources: Namespaces, pick: string, into: Namespaces): void {
  const { ns, path } = split(pick);
  const root = resources[ns];
  if (!isTree(root)) throw new Error(`islandStrings: no namespace "${ns}" (pick "${pick}")`);
  if (path.length === 0) {
    into[ns] = Object.assign(into[ns] ?? {}, structuredClone(root));
    return;
  }
  let source: unknown = root;
  let target: Strings = (into[ns] ??= {});
  for (const part of path.slice(0, -1)) {
    source = isTree(source) ? source[part] : undefined;
    const next = target[part];
    target = (target[part] = isTree(next) ? next : {}) as Strings;
  }
  const found = isTree(source) ? entriesAt(source, path[path.length - 1]!) : [];
  if (found.length === 0) throw new Error(`islandStrings: "${pick}" matches no string`);
  for (const [k, v] of found) target[k] = structuredClone(v);
}

function drop(strings: Namespaces, pick: string): void {
  const { ns, path } = split(pick);
  if (path.length === 0) {
    delete strings[ns];
    return;
  }
  let node: unknown = strings[ns];
  for (const part of path.slice(0, -1)) node = isTree(node) ? node[part] : undefined;
  if (!isTree(node)) return;
  for (const [k] of entriesAt(node, path[path.length - 1]!)) delete node[k];
}

const cache = new Map<string, Namespaces>();

export function islandStrings(
  locale: Locale,
  picks: readonly string[],
  options: IslandStringsOptions = {},
): Namespaces {
  const key = JSON.stringify([locale, picks, options.omit ?? []]);
  let out = cache.get(key);
  if (!out) {
    const resources = resourcesFor(locale) as Namespaces;
    out = {};
    for (const pick of picks) take(resources, pick, out);
    for (const pick of options.omit ?? []) drop(out, pick);
    cache.set(key, out);
  }
  return out;
}

/**
 * The translator of the islands, small enough for a page's JavaScript budget (i18next is ~12 KB
 * gzip; this is < 1 KB). An island gets its strings picked by island-strings.ts and translates
 * with this. Same behaviour as i18next on our keys (test/i18n/tiny-t.test.ts checks every key of
 * the namespaces islands ship, in both languages):
 *   t('estimator:step.count', { current: 2, total: 6 })  — "ns:dotted.key", `{{name}}` interpolation
 *   plurals by `count` with Intl.PluralRules: Latvian _zero/_one/_other, Russian _one/_few/_many/_other,
 *   `_zero` also used for count 0 when present (as i18next does); `$t(ns:key)` nesting.
 * No escaping: Preact and Astro escape output (as `interpolation.escapeValue: false` in i18n.ts).
 */
/** One namespace's tree of strings, as in its locale file. */
export type Strings = Record<string, unknown>;
/** Strings by namespace: `{ estimator: {...}, rules: {...} }`. */
export type Namespaces = Record<string, Strings>;
export type TinyT = (key: string, params?: Record<string, unknown>) => string;

/** `defaultNs`: the namespace of keys given without `ns:`. */
export function createTinyT(locale: string, namespaces: Namespaces, defaultNs: string): TinyT {
  const rules = new Intl.PluralRules(locale);
  const lookup = (ns: string, path: string): string | undefined => {
    let node: unknown = namespaces[ns];
    for (const part of path.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
  const t: TinyT = (key, params = {}) => {
    const colon = key.indexOf(':');
    const ns = colon > 0 ? key.slice(0, colon) : defaultNs;
    const path = colon > 0 ? key.slice(colon + 1) : key;
    const count = params.count;
    let text: string | undefined;
    if (typeof count === 'number') {
      text =
        (count === 0 ? lookup(ns, `${path}_zero`) : undefined) ??
        lookup(ns, `${path}_${rules.select(count)}`) ??
        lookup(ns, `${path}_other`);
    }
    text ??= lookup(ns, path);
    if (text === undefined) return path; // as i18next: the key without its namespace
    // As i18next: interpolate first, then resolve nesting (`$t(rules:situation.{{situation}})`).
    return text
      .replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
        params[name] === undefined ? whole : String(params[name]),
      )
      .replace(/\$t\(([^)]+)\)/g, (_, inner: string) => t(inner.trim(), params));
  };
  return t;
}

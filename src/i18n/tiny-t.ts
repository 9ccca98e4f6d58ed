/**
 * A translator small enough for the estimator island (i18next is ~12 KB gzip; this is < 1 KB).
 * Same behaviour as i18next on our keys (test/estimator/tiny-t.test.ts checks every estimator and
 * rules key in both languages):
 *   t('estimator:step.count', { current: 2, total: 6 })  — "ns:dotted.key", `{{name}}` interpolation
 *   plurals by `count` with Intl.PluralRules: Latvian _zero/_one/_other, Russian _one/_few/_many/_other,
 *   `_zero` also used for count 0 when present (as i18next does); `$t(ns:key)` nesting.
 * No escaping: Preact and Astro escape output (as `interpolation.escapeValue: false` in i18n.ts).
 */
export type Strings = Record<string, unknown>;
export type TinyT = (key: string, params?: Record<string, unknown>) => string;

export function createTinyT(locale: string, namespaces: Record<string, Strings>, defaultNs = 'estimator'): TinyT {
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

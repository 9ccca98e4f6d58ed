/** Documents to bring: the lists of the likely and possible items, merged (same Latvian text once). */
import type { CatalogueItem } from '../schemas/index.ts';
import type { DocumentEntry, ItemResult } from './types.ts';

export function mergeDocuments(items: readonly CatalogueItem[], results: readonly ItemResult[]): DocumentEntry[] {
  const wanted = new Set(results.filter((r) => r.verdict === 'likely' || r.verdict === 'possible').map((r) => r.id));
  const byText = new Map<string, DocumentEntry>();
  for (const item of items) {
    if (!wanted.has(item.id)) continue;
    for (const doc of item.documents) {
      const key = doc.lv.trim().toLowerCase();
      const entry = byText.get(key);
      if (entry) entry.items.push(item.id);
      else byText.set(key, { text: doc, items: [item.id] });
    }
  }
  return [...byText.values()];
}

/** Documents to bring: the lists of the likely and possible items, merged (same Latvian text once). */
import type { Prepared } from './prepared.ts';
import type { DocumentEntry, ItemResult } from './types.ts';

export function mergeDocuments(prepared: Prepared, results: readonly ItemResult[]): DocumentEntry[] {
  const byText = new Map<string, DocumentEntry>();
  for (const r of results) {
    if (r.verdict !== 'likely' && r.verdict !== 'possible') continue;
    const p = prepared.byId.get(r.id);
    if (!p) continue;
    const docs = p.item.documents;
    for (let i = 0; i < docs.length; i++) {
      const key = p.docKeys[i]!;
      const entry = byText.get(key);
      if (entry) entry.items.push(r.id);
      else byText.set(key, { text: docs[i]!, items: [r.id] });
    }
  }
  return [...byText.values()];
}

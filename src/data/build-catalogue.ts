/**
 * Turns the raw data files into a validated, merged catalogue. Pure: takes file texts, returns
 * data or throws a DataError naming the file and the field (an editor fixes YAML without reading
 * code). Used by the
 * Astro build (import.meta.glob, src/data/index.ts), the tests and the CLI (load-from-disk.ts).
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  municipalitySchema,
  nationalItemSchema,
  sourcesSchema,
  type CatalogueItem,
  type Municipality,
  type NationalItem,
  type PackItem,
  type Sources,
} from '../domain/schemas/index.ts';

export class DataError extends Error {
  readonly code = 'DATA_INVALID';
  readonly file: string;
  readonly issues: string[];
  constructor(file: string, issues: string[]) {
    super(`Invalid data in ${file}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'DataError';
    this.file = file;
    this.issues = issues;
  }
}

function describeIssues(error: z.ZodError, data: unknown): string[] {
  return error.issues.map((issue) => {
    // Name the item by its id when the path goes through items[n], so the admin finds it.
    const parts: string[] = [];
    let node: unknown = data;
    for (const key of issue.path) {
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
      const id = node && typeof node === 'object' && 'id' in node ? String((node as { id: unknown }).id) : '';
      parts.push(typeof key === 'number' ? `[${key}${id ? ` id=${id}` : ''}]` : `.${String(key)}`);
    }
    const where = parts.join('').replace(/^\./, '') || '(file)';
    return `${where}: ${issue.message}`;
  });
}

export function parseFile<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (e) {
    throw new DataError(file, [`not valid YAML: ${(e as Error).message}`]);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new DataError(file, describeIssues(result.error, data));
  return result.data;
}

export interface RawFile {
  path: string;
  text: string;
}

export interface Catalogue {
  sources: Sources;
  national: NationalItem[];
  municipalities: Municipality[];
}

const nationalFileSchema = z.strictObject({ items: z.array(nationalItemSchema).min(1) });

export function buildCatalogue(files: { sources: RawFile; national: RawFile; municipalities: RawFile[] }): Catalogue {
  const sources = parseFile(files.sources.path, files.sources.text, sourcesSchema);
  const national = parseFile(files.national.path, files.national.text, nationalFileSchema).items;
  const municipalities = files.municipalities.map((f) => parseFile(f.path, f.text, municipalitySchema));
  const catalogue = { sources, national, municipalities };
  checkIntegrity(catalogue, files);
  return catalogue;
}

/** Cross-file rules zod cannot see: unique ids, overlays point at national items, sources exist. */
function checkIntegrity(c: Catalogue, files: { national: RawFile; municipalities: RawFile[] }): void {
  const nationalIds = new Set<string>();
  const problems: string[] = [];
  for (const item of c.national) {
    if (nationalIds.has(item.id)) problems.push(`items id=${item.id}: duplicate id`);
    nationalIds.add(item.id);
    for (const ref of allSourceRefs(item))
      if (!ref.startsWith('S') || c.sources[ref]) continue;
      else problems.push(`items id=${item.id}: source ${ref} is not in sources.yaml`);
  }
  if (problems.length) throw new DataError(files.national.path, problems);
  const seenMunicipalities = new Set<string>();
  const prefixes = new Set<string>();
  c.municipalities.forEach((m, i) => {
    const file = files.municipalities[i]!.path;
    const issues: string[] = [];
    if (!file.endsWith(`/${m.id}.yaml`)) issues.push(`id: "${m.id}" must match the file name`);
    if (seenMunicipalities.has(m.id)) issues.push(`id: duplicate municipality ${m.id}`);
    if (prefixes.has(m.referencePrefix))
      issues.push(`referencePrefix: ${m.referencePrefix} is used by another municipality`);
    seenMunicipalities.add(m.id);
    prefixes.add(m.referencePrefix);
    const ids = new Set<string>();
    for (const item of m.items) {
      if (ids.has(item.id)) issues.push(`items id=${item.id}: duplicate id in this pack`);
      ids.add(item.id);
      if (item.scope === 'local' && !nationalIds.has(item.id))
        issues.push(`items id=${item.id}: scope "local" but there is no national item with this id`);
      if (item.scope === 'municipal' && nationalIds.has(item.id))
        issues.push(`items id=${item.id}: a national item has this id; use scope "local" to add local details`);
      for (const ref of allSourceRefs(item))
        if (ref.startsWith('S') && !c.sources[ref])
          issues.push(`items id=${item.id}: source ${ref} is not in sources.yaml`);
    }
    for (const id of Object.keys(m.mailboxes.byItem))
      if (!ids.has(id) && !nationalIds.has(id)) issues.push(`mailboxes.byItem.${id}: no such item`);
    if (issues.length) throw new DataError(file, issues);
  });
}

function allSourceRefs(item: {
  sources: string[];
  amounts?: { sources: string[] }[];
  history?: { sources: string[] }[];
}): string[] {
  return [
    ...item.sources,
    ...(item.amounts ?? []).flatMap((a) => a.sources),
    ...(item.history ?? []).flatMap((h) => h.sources),
  ].map((s) => s.split(/\s/)[0]!);
}

/** Every item a municipality offers, national items merged with its local details, sorted by Latvian name. */
export function itemsFor(c: Catalogue, municipality: Municipality): CatalogueItem[] {
  const overlays = new Map<string, PackItem>();
  const out: CatalogueItem[] = [];
  for (const item of municipality.items) {
    if (item.scope === 'local') overlays.set(item.id, item);
    else out.push({ ...item, scope: 'municipal', localized: false });
  }
  for (const n of c.national) {
    const o = overlays.get(n.id);
    if (!o || o.scope !== 'local') {
      out.push({ ...n, scope: 'national', localized: false });
      continue;
    }
    out.push({
      ...n,
      scope: 'national',
      localized: true,
      name: o.name ?? n.name,
      summary: o.summary ?? n.summary,
      who: o.who ?? n.who,
      amounts: [...n.amounts, ...o.amounts],
      conditions: [...n.conditions, ...o.conditions],
      documents: [...n.documents, ...o.documents],
      eligibility: o.eligibility ?? n.eligibility,
      application: o.application ?? n.application,
      status: o.status ?? n.status,
      sources: [...n.sources, ...o.sources],
      history: [...n.history, ...o.history],
    });
  }
  return out.sort((a, b) => a.name.lv.localeCompare(b.name.lv, 'lv'));
}

/** Items a resident sees: planned-only items are kept in the data but not published. */
export function publishedItemsFor(c: Catalogue, municipality: Municipality): CatalogueItem[] {
  return itemsFor(c, municipality).filter((i) => !i.status.planned);
}

/**
 * A municipality's published item and the form definition for it, looked up in the catalogue.
 *
 * The catalogue is fixed for the life of the process: the published items of a municipality and
 * the form definitions (with their compiled schemas, see parseAnswers) are built once, not per
 * request — they were the largest cost of answering an invalid application.
 */
import { publishedItemsFor, type Catalogue } from '#src/data/build-catalogue.ts';
import { formDefinition } from '#src/domain/forms/index.ts';
import type { FormDef } from '#src/domain/forms/types.ts';
import type { CatalogueItem, FormId } from '#src/domain/schemas/catalogue.ts';

const itemCache = new WeakMap<Catalogue, Map<string, Map<string, CatalogueItem>>>();
const defCache = new WeakMap<Catalogue, Map<string, FormDef | null>>();

/** The item `id` as published by the municipality; undefined when there is no such item. */
export function publishedItem(
  catalogue: Catalogue,
  municipality: string,
  id: string | undefined,
): CatalogueItem | undefined {
  if (!id) return undefined;
  let byMunicipality = itemCache.get(catalogue);
  if (!byMunicipality) itemCache.set(catalogue, (byMunicipality = new Map()));
  let items = byMunicipality.get(municipality);
  if (!items) {
    const m = catalogue.municipalities.find((x) => x.id === municipality);
    items = new Map(m ? publishedItemsFor(catalogue, m).map((i) => [i.id, i]) : []);
    byMunicipality.set(municipality, items);
  }
  return items.get(id);
}

/** The form's definition for this item (null when the form cannot be filled for it). */
export function definitionFor(
  catalogue: Catalogue,
  municipality: string,
  form: FormId,
  item: CatalogueItem | undefined,
): FormDef | null {
  let defs = defCache.get(catalogue);
  if (!defs) defCache.set(catalogue, (defs = new Map()));
  const key = `${municipality}\0${form}\0${item?.id ?? ''}`;
  let def = defs.get(key);
  if (def === undefined) defs.set(key, (def = formDefinition(form, item)));
  return def;
}

/**
 * The plain form's "add another member/income" button, without JavaScript: it posts the form with
 * `_action=add:<section>`, and the page comes back with everything typed and one more empty row in
 * that section (up to the section's maximum) — nothing is validated or sent.
 */
import type { FormDef } from '#src/domain/forms/types.ts';

/** The rows to show after the button `action` was pressed; undefined when `action` is not an "add row". */
export function rowsAfterAddRow(
  def: FormDef,
  action: string,
  rows: Record<string, number>,
): Record<string, number> | undefined {
  const addTo = /^add:([a-z]+)$/.exec(action)?.[1];
  const section = addTo ? def.sections.find((s) => s.id === addTo && s.repeat) : undefined;
  if (!section?.repeat) return undefined;
  return { ...rows, [section.id]: Math.min(section.repeat.max, (rows[section.id] ?? 0) + 1) };
}

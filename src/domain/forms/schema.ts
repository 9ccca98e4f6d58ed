/**
 * The zod schema of a form (server side): zod checks the shape (strict objects, strings or string
 * lists, row counts) and the shared `validate` adds every field rule with the field's path and an
 * i18n key as the message. The island runs `validate` directly (no zod in the browser bundle).
 */
import { z } from 'zod';
import type { FormDef, Values } from './types.ts';
import type { FieldError } from '../field-error.ts';
import { validate } from './validate.ts';

const valueSchema = z.union([z.string().max(10_000), z.array(z.string().max(200)).max(20)]);
const rowSchema = z.record(z.string().max(64), valueSchema);

function formSchema(def: FormDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const s of def.sections) {
    shape[s.id] = s.repeat
      ? z
          .array(rowSchema)
          .max(s.repeat.max + 10)
          .optional()
      : rowSchema.optional();
  }
  return z.strictObject(shape).transform((input, ctx) => {
    const result = validate(def, input as Values);
    for (const e of result.errors) ctx.addIssue({ code: 'custom', message: e.key, path: e.path.split('.') });
    return result.values;
  });
}

// One schema per form definition object: building (and zod's compiling) a schema costs more
// than parsing with it, and callers that reuse a definition (the server) reuse its schema.
const schemas = new WeakMap<FormDef, ReturnType<typeof formSchema>>();

/** Parse answers with the form's schema: normalized values, or field errors as i18n keys. */
export function parseAnswers(
  def: FormDef,
  input: unknown,
): { ok: true; values: Values } | { ok: false; errors: FieldError[] } {
  let schema = schemas.get(def);
  if (!schema) schemas.set(def, (schema = formSchema(def)));
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, values: r.data };
  return {
    ok: false,
    errors: r.error.issues.flatMap((i): FieldError[] => {
      const base = i.path.map(String);
      if (i.code === 'unrecognized_keys')
        return i.keys.map((k) => ({ path: [...base, k].join('.'), key: 'error.unknownField' }));
      return [{ path: base.length ? base.join('.') : '_form', key: i.code === 'custom' ? i.message : 'error.shape' }];
    }),
  };
}

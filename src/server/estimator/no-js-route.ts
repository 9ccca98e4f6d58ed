/**
 * The no-JS estimator's request handler (page: src/pages/[locale]/[municipality]/novertejums/rezultati/):
 * request → what to render. Nothing is stored or logged. Same validation, same household
 * building, same engine and same trimmed pack as the island, so both give the same answer.
 */
import { evaluate } from '#src/domain/engine/evaluate.ts';
import type { Estimate } from '#src/domain/engine/types.ts';
import { clampMembers, emptyAnswers, emptyMember, MAX_MEMBERS, type Answers } from '#src/domain/estimator/answers.ts';
import { ACTION, field } from '#src/domain/estimator/fields.ts';
import { answersFromFields, answersToFields, type FieldReader } from '#src/domain/estimator/form-data.ts';
import { contextOf, type EstimatorPack } from '#src/domain/estimator/pack.ts';
import { toHousehold } from '#src/domain/estimator/to-household.ts';
import { validateAll } from '#src/domain/estimator/validate.ts';
import type { FieldError } from '#src/domain/field-error.ts';
import type { Municipality } from '#src/domain/schemas/index.ts';
import type { Locale } from '#src/i18n/index.ts';
import { islandStrings } from '#src/i18n/island-strings.ts';
import { createTinyT, type TinyT } from '#src/i18n/tiny-t.ts';
import { ESTIMATOR_STRINGS, estimatorPackFor } from '#src/data/estimator-pack.ts';
import { todayInLatvia } from '#src/i18n/today-in-latvia.ts';

type EstimatorView =
  | { kind: 'form'; answers: Answers; errors: FieldError[]; t: TinyT }
  | { kind: 'results'; estimate: Estimate; pack: EstimatorPack; fields: [string, string][]; t: TinyT }
  | { kind: 'failed'; t: TinyT }
  | { kind: 'method-not-allowed' };

/** Largest form we accept: 8 people × 13 incomes and the rest fit in far less. */
const MAX_BODY_BYTES = 64 * 1024;

async function readForm(request: Request): Promise<FieldReader | null> {
  try {
    const length = Number(request.headers.get('content-length') ?? '0');
    if (length > MAX_BODY_BYTES) return null;
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) return null;
    return new URLSearchParams(text);
  } catch {
    return null;
  }
}

/** A valid ISO date from 2021 on (tests and staff can estimate for another date), else today. */
function dateFrom(form: FieldReader): string {
  const d = form.get('date');
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= '2021-01-01' && !Number.isNaN(Date.parse(d)) ? d : todayInLatvia();
}

export async function handleEstimatorRequest(
  request: Request,
  m: Municipality,
  locale: Locale,
): Promise<EstimatorView> {
  const t = createTinyT(locale, islandStrings(locale, ESTIMATOR_STRINGS), 'estimator');
  if (request.method === 'GET' || request.method === 'HEAD') {
    const n = clampMembers(new URL(request.url).searchParams.get(field.memberCount));
    return { kind: 'form', answers: emptyAnswers(n), errors: [], t };
  }
  if (request.method !== 'POST') return { kind: 'method-not-allowed' };

  const form = await readForm(request);
  if (!form) return { kind: 'form', answers: emptyAnswers(1), errors: [], t };
  const answers = answersFromFields(form);
  const action = form.get('action') ?? ACTION.results;
  if (action === ACTION.add && answers.members.length < MAX_MEMBERS) {
    return { kind: 'form', answers: { ...answers, members: [...answers.members, emptyMember()] }, errors: [], t };
  }
  const remove = /^remove-(\d)$/.exec(action);
  if (remove && answers.members.length > 1) {
    const i = Number(remove[1]);
    return { kind: 'form', answers: { ...answers, members: answers.members.filter((_, j) => j !== i) }, errors: [], t };
  }
  if (action === ACTION.edit) return { kind: 'form', answers, errors: [], t };

  const errors = validateAll(answers);
  if (errors.length) return { kind: 'form', answers, errors, t };
  const pack = estimatorPackFor(m, locale);
  try {
    const estimate = evaluate(toHousehold(answers, dateFrom(form), m.id), contextOf(pack));
    return { kind: 'results', estimate, pack, fields: answersToFields(answers), t };
  } catch {
    // An engine or data fault must not become a 500 for the resident; the page says to ask the service.
    return { kind: 'failed', t };
  }
}

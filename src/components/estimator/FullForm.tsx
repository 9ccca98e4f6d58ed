/**
 * The no-JS estimator: every question on one page, posted to the on-demand route, which runs the
 * same validation and engine as the island. Rendered on the server only (never hydrated).
 * Adding or removing a person re-posts the form, so nothing typed is lost.
 */
import { Fragment } from 'preact';
import { MAX_MEMBERS, type Answers } from '#src/domain/estimator/answers.ts';
import { ACTION, field } from '#src/domain/estimator/fields.ts';
import type { FieldError } from '#src/domain/field-error.ts';
import type { TinyT } from '#src/i18n/tiny-t.ts';
import { HOUSEHOLD_STEPS, HouseholdQuestions, IncomeQuestions, MemberQuestions } from './Questions.tsx';
import { ErrorSummary, type Ctx } from './ui.tsx';

export function FullForm({
  answers,
  errors,
  t,
  action,
}: {
  answers: Answers;
  errors: FieldError[];
  t: TinyT;
  action: string;
}) {
  const ctx: Ctx = { t, errors };
  return (
    <form class="form" method="post" action={action} noValidate>
      {/* Enter in a field submits the first submit button: make that "show results", not "remove". */}
      <button
        type="submit"
        name="action"
        value={ACTION.results}
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
      >
        {t('action.showResults')}
      </button>
      <input type="hidden" name={field.memberCount} value={String(answers.members.length)} />
      <ErrorSummary ctx={ctx} />
      <h2 id="people">{t('step.members.title')}</h2>
      <p>{t('fullForm.members', { count: answers.members.length })}</p>
      {answers.members.map((m, i) => (
        <div class="member" key={i}>
          <MemberQuestions ctx={ctx} i={i} m={m} headingLevel={3} />
          <IncomeQuestions ctx={ctx} i={i} m={m} headingLevel={3} />
          {i > 0 && (
            <p>
              <button
                type="submit"
                name="action"
                value={ACTION.remove(i)}
                formAction={`${action}#people`}
                class="button button--secondary"
              >
                {t('action.removeMember', { person: i + 1 })}
              </button>
            </p>
          )}
          <hr class="section-break" />
        </div>
      ))}
      {answers.members.length < MAX_MEMBERS && (
        <p>
          {/* The fragment brings the new person's first question into view after the reload. */}
          <button
            type="submit"
            name="action"
            value={ACTION.add}
            formAction={`${action}#${field.age(answers.members.length)}`}
            class="button button--secondary"
          >
            {t('action.addMember')}
          </button>
        </p>
      )}
      {HOUSEHOLD_STEPS.map((step) => (
        <Fragment key={step}>
          <h2>{t(`step.${step}.title`)}</h2>
          <HouseholdQuestions step={step} ctx={ctx} a={answers} />
        </Fragment>
      ))}
      <p class="hint">{t('fullForm.privacy')}</p>
      <button type="submit" name="action" value={ACTION.results} class="button">
        {t('action.showResults')}
      </button>
    </form>
  );
}

/** Results without JavaScript: "change answers" re-posts them as hidden fields. */
export function EditAnswersForm({ fields, t, action }: { fields: [string, string][]; t: TinyT; action: string }) {
  return (
    <form method="post" action={action} class="no-print">
      {fields.map(([name, value], i) => (
        <input key={i} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="action" value={ACTION.edit} class="button button--secondary">
        {t('action.changeAnswers')}
      </button>
    </form>
  );
}

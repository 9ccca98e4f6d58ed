/** "Your answers" under the results, each part with a "Change" button (GOV.UK check answers). */
import type { Answers } from '#src/domain/estimator/answers.ts';
import { STEPS } from '#src/domain/estimator/validate.ts';
import type { TinyT } from '#src/i18n/tiny-t.ts';
import { INCOME_TYPE_LIST } from '#src/domain/estimator/vocabulary.ts';

function summaries(a: Answers, t: TinyT): Record<(typeof STEPS)[number], string> {
  const people = a.members.map((m, i) => t('check.person', { person: i + 1, count: Number(m.age) || 0 })).join('; ');
  const incomes = a.members.map((m, i) => {
    const list = INCOME_TYPE_LIST.filter((type) => (m.incomes[type] ?? '').trim() !== '').map(
      (type) => `${t(`income.${type}.label`)}: ${m.incomes[type]} €`,
    );
    return `${t('check.personShort', { person: i + 1 })}: ${list.length ? list.join(', ') : t('check.noIncome')}`;
  });
  return {
    municipality: '',
    members: people,
    incomes: incomes.join('; '),
    assets: t('check.assets', {
      savings: a.savings,
      vehicles: a.vehicles,
      realEstate: t(`answer.${a.otherRealEstate || 'no'}`),
    }),
    housing: t('check.housing', { costs: a.housingCosts, heating: t(`housing.heating.${a.heating || 'other'}`) }),
    situations: a.situations.length
      ? a.situations.map((s) => t(`situations.${s}.label`)).join('; ')
      : t('check.noSituations'),
  };
}

export function CheckAnswers({
  answers,
  t,
  onChange,
}: {
  answers: Answers;
  t: TinyT;
  onChange: (step: number) => void;
}) {
  const s = summaries(answers, t);
  return (
    <section class="no-print" aria-labelledby="check-answers">
      <h3 id="check-answers">{t('check.title')}</h3>
      <dl class="summary-list">
        {STEPS.map((id, i) =>
          id === 'municipality' ? null : (
            <div class="summary-list__row" key={id}>
              <dt class="summary-list__key">{t(`step.${id}.title`)}</dt>
              <dd class="summary-list__value">
                {s[id]}
                <br />
                <button type="button" class="button button--link" onClick={() => onChange(i)}>
                  {t('action.change')}
                  <span class="visually-hidden"> {t(`step.${id}.title`)}</span>
                </button>
              </dd>
            </div>
          ),
        )}
      </dl>
    </section>
  );
}

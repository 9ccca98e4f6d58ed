/**
 * What the estimator page shows before (or without) JavaScript: one plain question that
 * continues on the no-JS route, which renders the whole form for that many people (GET).
 */
import { field } from '#src/domain/estimator/fields.ts';
import { MAX_MEMBERS } from '#src/domain/estimator/answers.ts';
import { paths } from '#src/i18n/paths.ts';
import type { TinyT } from '#src/i18n/tiny-t.ts';

export function StartForm({ locale, municipality, t }: { locale: 'lv' | 'ru'; municipality: string; t: TinyT }) {
  const id = field.memberCount;
  return (
    <form class="form" method="get" action={paths.estimatorResults(locale, municipality)}>
      <div class="field">
        <label class="field__label field__label--large" for={id}>
          {t('start.members.label')}
        </label>
        <span class="field__hint" id={`${id}-hint`}>
          {t('start.members.hint', { max: MAX_MEMBERS })}
        </span>
        <select class="select input--short" id={id} name={id} aria-describedby={`${id}-hint`}>
          {Array.from({ length: MAX_MEMBERS }, (_, i) => (
            <option key={i} value={String(i + 1)}>
              {t('start.members.option', { count: i + 1 })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button">
        {t('action.continue')}
      </button>
    </form>
  );
}

/**
 * What the resident can do with the results in the island: apply with these answers (handed to
 * the application form in sessionStorage, nothing sent), print, save on this device, clear.
 */
import type { Estimate } from '#src/domain/engine/types.ts';
import type { Answers } from '#src/domain/estimator/answers.ts';
import type { EstimatorPack } from '#src/domain/estimator/pack.ts';
import { toHouseholdInput } from '#src/domain/estimator/to-household.ts';
import { paths } from '#src/i18n/paths.ts';
import type { TinyT } from '#src/i18n/tiny-t.ts';
import { handOffForApplication, saveOnDevice } from './browser.ts';

interface Props {
  pack: EstimatorPack;
  t: TinyT;
  answers: Answers;
  estimate: Estimate;
  onSaved: (ok: boolean) => void;
  onClear: () => void;
}

export function ResultsActions({ pack, t, answers, estimate, onSaved, onClear }: Props) {
  const l = pack.locale;
  const m = pack.municipality.id;
  const apply = () => {
    handOffForApplication({
      v: 1,
      municipality: m,
      locale: l,
      date: estimate.date,
      household: toHouseholdInput(answers, estimate.date, m),
      items: estimate.benefits.filter((b) => b.verdict === 'likely' || b.verdict === 'possible').map((b) => b.id),
    });
  };
  return (
    <section class="no-print" aria-labelledby="next-steps">
      <h3 id="next-steps">{t('result.next.title')}</h3>
      <p>{t('result.next.applyText')}</p>
      <p>
        <a class="button" href={paths.apply(l, m, 'social-assistance')} onClick={apply}>
          {t('action.apply')}
        </a>
      </p>
      <p class="hint">{t('result.next.applyPrivacy')}</p>
      <div class="button-group">
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          {t('action.print')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => onSaved(saveOnDevice(m, answers))}>
          {t('action.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onClear}>
          {t('action.clear')}
        </button>
      </div>
      <p class="hint">{t('result.next.saveHint')}</p>
    </section>
  );
}

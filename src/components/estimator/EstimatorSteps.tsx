/**
 * The step-by-step estimator: municipality → people → incomes → savings and property → housing
 * costs → situations → results. The rules engine runs here, in the browser; focus moves to the
 * step heading, to the error summary, or to the results heading.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { evaluate } from '#src/domain/engine/evaluate.ts';
import type { Estimate } from '#src/domain/engine/types.ts';
import {
  emptyAnswers,
  emptyMember,
  MAX_MEMBERS,
  type Answers,
  type MemberAnswers,
} from '#src/domain/estimator/answers.ts';
import { field } from '#src/domain/estimator/fields.ts';
import { contextOf } from '#src/domain/estimator/pack.ts';
import { toHousehold } from '#src/domain/estimator/to-household.ts';
import { STEPS, validateStep } from '#src/domain/estimator/validate.ts';
import type { FieldError } from '#src/domain/field-error.ts';
import { todayInLatvia } from '#src/i18n/today-in-latvia.ts';
import { createTinyT } from '#src/i18n/tiny-t.ts';
import { clearStored, loadSaved, recordStep, stepOf } from './browser.ts';
import { CheckAnswers } from './CheckAnswers.tsx';
import type { EstimatorData } from './data.ts';
import { Results } from './Results.tsx';
import { ResultsActions } from './ResultsActions.tsx';
import { StepBody } from './StepBody.tsx';
import { ErrorSummary, type Ctx } from './ui.tsx';

const RESULTS = STEPS.length;
type Focus = 'heading' | 'summary' | 'results' | { id: string } | null;

export function EstimatorSteps({ pack, strings, date }: EstimatorData & { date?: string | undefined }) {
  const t = useMemo(() => createTinyT(pack.locale, strings, 'estimator'), [pack.locale, strings]);
  const ctx = useMemo(() => contextOf(pack), [pack]);
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(1));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [returnToResults, setReturnToResults] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const m = pack.municipality;

  useEffect(() => {
    const saved = loadSaved(m.id);
    if (saved) {
      setAnswers(saved);
      setNotice('notice.restored');
    }
  }, [m.id]);

  // Browser Back/Forward move between steps; a step is only shown when the ones before it are valid.
  const answersRef = useRef(answers);
  answersRef.current = answers;
  useEffect(() => {
    recordStep(0, true);
    const onPop = (e: PopStateEvent) => {
      const wanted = stepOf(e.state);
      if (wanted === null) return;
      const firstInvalid = STEPS.slice(0, wanted).findIndex((s) => validateStep(s, answersRef.current).length > 0);
      const target = firstInvalid >= 0 ? firstInvalid : wanted;
      if (target !== wanted) recordStep(target, true);
      setErrors([]);
      setReturnToResults(false);
      setStep(target);
      setFocus(target === RESULTS ? 'results' : 'heading');
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    // Print the whole estimate, also the collapsed list of unlikely benefits.
    const open = () => document.querySelectorAll('details.result-unlikely').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);

  useEffect(() => {
    if (!focus) return;
    const el =
      focus === 'heading'
        ? headingRef.current
        : focus === 'summary'
          ? summaryRef.current
          : focus === 'results'
            ? resultsRef.current
            : document.getElementById(focus.id);
    el?.focus();
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'start' });
    setFocus(null);
  }, [focus]);

  const estimate = useMemo((): Estimate | 'error' | null => {
    if (step !== RESULTS) return null;
    try {
      return evaluate(toHousehold(answers, date ?? todayInLatvia(), m.id), ctx);
    } catch {
      return 'error';
    }
  }, [step, answers, ctx, date, m.id]);

  const c: Ctx = { t, errors };
  const go = (next: number, f: Focus = next === RESULTS ? 'results' : 'heading') => {
    setErrors([]);
    setStep(next);
    setFocus(f);
    recordStep(next);
  };
  const patch = (p: Partial<Answers>) => setAnswers((a) => ({ ...a, ...p }));
  const patchMember = (i: number) => (p: Partial<MemberAnswers>) =>
    setAnswers((a) => ({ ...a, members: a.members.map((mm, j) => (j === i ? { ...mm, ...p } : mm)) }));

  const onContinue = (e: Event) => {
    e.preventDefault();
    const id = STEPS[step]!;
    const found = validateStep(id, answers);
    if (found.length) {
      setErrors(found);
      setFocus('summary');
      return;
    }
    go(returnToResults ? RESULTS : step + 1);
    if (returnToResults) setReturnToResults(false);
  };
  const back = () => go(returnToResults ? RESULTS : step - 1);
  const change = (target: number) => {
    setReturnToResults(true);
    go(target);
  };
  const clear = () => {
    clearStored();
    setAnswers(emptyAnswers(1));
    setReturnToResults(false);
    setNotice('notice.cleared');
    go(0);
  };
  const addMember = () => {
    if (answers.members.length >= MAX_MEMBERS) return;
    const i = answers.members.length;
    setAnswers((a) => ({ ...a, members: [...a.members, emptyMember()] }));
    setFocus({ id: field.age(i) });
  };
  const removeMember = (i: number) => {
    setAnswers((a) => ({ ...a, members: a.members.filter((_, j) => j !== i) }));
    setErrors([]);
    setNotice('notice.memberRemoved');
    setFocus('heading');
  };

  const noticeBox = notice && (
    <div class="notice" role="status">
      <p>{t(notice)}</p>
    </div>
  );
  const clearButton = (
    <p class="no-print">
      <button type="button" class="button button--link" onClick={clear}>
        {t('action.clear')}
      </button>
    </p>
  );

  if (step === RESULTS) {
    return (
      <div class="estimator">
        {noticeBox}
        <p class="no-print">
          <button type="button" class="button button--link" onClick={back}>
            ‹ {t('action.back')}
          </button>
        </p>
        {estimate === 'error' || estimate === null ? (
          <div class="notice notice--warning">
            <h2 tabIndex={-1} ref={resultsRef}>
              {t('result.failed.title')}
            </h2>
            <p>{t('result.failed.text')}</p>
          </div>
        ) : (
          <>
            <Results estimate={estimate} pack={pack} t={t} headingRef={resultsRef} />
            <CheckAnswers answers={answers} t={t} onChange={change} />
            <ResultsActions
              pack={pack}
              t={t}
              answers={answers}
              estimate={estimate}
              onSaved={(ok) => setNotice(ok ? 'notice.saved' : 'notice.saveFailed')}
              onClear={clear}
            />
          </>
        )}
      </div>
    );
  }

  const id = STEPS[step]!;
  return (
    <div class="estimator">
      {noticeBox}
      {step > 0 && (
        <p>
          <button type="button" class="button button--link" onClick={back}>
            ‹ {t('action.back')}
          </button>
        </p>
      )}
      <form class="form" noValidate onSubmit={onContinue} action={`#${id}`}>
        <ErrorSummary ctx={c} summaryRef={summaryRef} />
        <div class="step">
          <span class="step__count">{t('step.count', { current: step + 1, total: STEPS.length })}</span>
          <h2 tabIndex={-1} ref={headingRef} data-step={id}>
            {t(`step.${id}.title`)}
          </h2>
        </div>
        <StepBody
          id={id}
          ctx={c}
          pack={pack}
          answers={answers}
          onPatch={patch}
          onPatchMember={patchMember}
          onAdd={addMember}
          onRemove={removeMember}
        />
        <div class="button-group">
          <button type="submit" class="button">
            {t(
              returnToResults
                ? 'action.saveAndReturn'
                : step === RESULTS - 1
                  ? 'action.showResults'
                  : 'action.continue',
            )}
          </button>
        </div>
      </form>
      {clearButton}
    </div>
  );
}

/**
 * The estimator island. Without JavaScript its server-rendered markup is a plain form (how many
 * people live in the household) that continues on the no-JS route; once hydrated it becomes the
 * step-by-step estimator: municipality → people → incomes → savings and property → housing costs
 * → situations → results. Answers never leave the browser (the engine runs here).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { evaluate } from '../../domain/engine/evaluate.ts';
import type { Estimate } from '../../domain/engine/types.ts';
import { emptyAnswers, emptyMember, MAX_MEMBERS, type Answers, type MemberAnswers } from '../../domain/estimator/answers.ts';
import { field } from '../../domain/estimator/fields.ts';
import { contextOf, type EstimatorPack } from '../../domain/estimator/pack.ts';
import { toHousehold } from '../../domain/estimator/to-household.ts';
import { STEPS, validateStep, type FieldError } from '../../domain/estimator/validate.ts';
import { paths } from '../../i18n/paths.ts';
import { createTinyT, type Strings } from '../../i18n/tiny-t.ts';
import { clearStored, loadSaved, todayInLatvia } from './browser.ts';
import { AssetQuestions, HousingQuestions, IncomeQuestions, MemberQuestions, SituationQuestions } from './Questions.tsx';
import { Results } from './Results.tsx';
import { ResultsActions } from './ResultsActions.tsx';
import { CheckAnswers } from './CheckAnswers.tsx';
import { StartForm } from './StartForm.tsx';
import { ErrorSummary, type Ctx } from './ui.tsx';

export interface EstimatorData {
  pack: EstimatorPack;
  /** The `estimator` and `rules` namespaces in the page's language. */
  strings: { estimator: Strings; rules: Strings };
}

export interface EstimatorProps {
  locale: EstimatorPack['locale'];
  municipality: string;
  /** The few strings of the no-JS start form (`start`, `action.continue`). */
  startStrings: Strings;
  /**
   * Id of the `<script type="application/json">` holding EstimatorData. The data is not an island
   * prop: Astro's prop encoding is larger, and the page's HTML must stay ≤ 30 KB gzip.
   */
  dataId?: string;
  /** Tests pass the data directly. */
  data?: EstimatorData;
  /** Tests: the date to estimate for (default: today in Latvia). */
  date?: string;
}

function readData(id: string | undefined): EstimatorData | null {
  try {
    const el = id ? document.getElementById(id) : null;
    return el?.textContent ? (JSON.parse(el.textContent) as EstimatorData) : null;
  } catch {
    return null;
  }
}

/**
 * Server and first client render: the plain start form. After hydration, with the data read,
 * the step-by-step estimator replaces it; if anything fails, the plain form keeps working.
 */
export function Estimator(props: EstimatorProps) {
  const startT = useMemo(() => createTinyT(props.locale, { estimator: props.startStrings }), [props.locale, props.startStrings]);
  const [data, setData] = useState<EstimatorData | null>(null);
  useEffect(() => setData(props.data ?? readData(props.dataId)), [props.data, props.dataId]);
  if (!data) return <StartForm locale={props.locale} municipality={props.municipality} t={startT} />;
  return <EstimatorSteps pack={data.pack} strings={data.strings} date={props.date} />;
}

const RESULTS = STEPS.length;
type Focus = 'heading' | 'summary' | 'results' | { id: string } | null;

function EstimatorSteps({ pack, strings, date }: EstimatorData & { date?: string | undefined }) {
  const t = useMemo(() => createTinyT(pack.locale, strings), [pack.locale, strings]);
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

  useEffect(() => {
    if (!focus) return;
    const el =
      focus === 'heading' ? headingRef.current
      : focus === 'summary' ? summaryRef.current
      : focus === 'results' ? resultsRef.current
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
      <button type="button" class="button button--secondary" onClick={clear}>{t('action.clear')}</button>
    </p>
  );

  if (step === RESULTS) {
    return (
      <div class="estimator">
        {noticeBox}
        <p class="no-print"><button type="button" class="button button--link" onClick={back}>‹ {t('action.back')}</button></p>
        {estimate === 'error' || estimate === null ? (
          <div class="notice notice--warning">
            <h2 tabIndex={-1} ref={resultsRef}>{t('result.failed.title')}</h2>
            <p>{t('result.failed.text')}</p>
          </div>
        ) : (
          <>
            <Results estimate={estimate} pack={pack} t={t} headingRef={resultsRef} />
            <CheckAnswers answers={answers} t={t} onChange={change} />
            <ResultsActions pack={pack} t={t} answers={answers} estimate={estimate} onSaved={() => setNotice('notice.saved')} onClear={clear} />
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
        <p><button type="button" class="button button--link" onClick={back}>‹ {t('action.back')}</button></p>
      )}
      <form class="form" noValidate onSubmit={onContinue} action={`#${id}`}>
        <ErrorSummary ctx={c} summaryRef={summaryRef} />
        <div class="step">
          <span class="step__count">{t('step.count', { current: step + 1, total: STEPS.length })}</span>
          <h2 tabIndex={-1} ref={headingRef} data-step={id}>{t(`step.${id}.title`)}</h2>
        </div>
        {id === 'municipality' && (
          <>
            <p class="lead">{t('step.municipality.text', { municipality: m.name })}</p>
            <p><a href={paths.home(pack.locale)}>{t('step.municipality.change')}</a></p>
          </>
        )}
        {id === 'members' && (
          <>
            <p>{t('step.members.hint')}</p>
            {answers.members.map((mm, i) => (
              <div class="member" key={i}>
                <MemberQuestions ctx={c} i={i} m={mm} onChange={patchMember(i)} />
                {i > 0 && (
                  <p><button type="button" class="button button--secondary" onClick={() => removeMember(i)}>{t('action.removeMember', { person: i + 1 })}</button></p>
                )}
              </div>
            ))}
            {answers.members.length < MAX_MEMBERS ? (
              <p><button type="button" class="button button--secondary" onClick={addMember}>{t('action.addMember')}</button></p>
            ) : (
              <p class="hint">{t('step.members.max', { max: MAX_MEMBERS })}</p>
            )}
          </>
        )}
        {id === 'incomes' && (
          <>
            <p>{t('step.incomes.hint')}</p>
            {answers.members.map((mm, i) => <IncomeQuestions key={i} ctx={c} i={i} m={mm} onChange={patchMember(i)} />)}
          </>
        )}
        {id === 'assets' && <AssetQuestions ctx={c} a={answers} onChange={patch} />}
        {id === 'housing' && <HousingQuestions ctx={c} a={answers} onChange={patch} />}
        {id === 'situations' && <SituationQuestions ctx={c} a={answers} onChange={patch} />}
        <div class="button-group">
          <button type="submit" class="button">{t(returnToResults ? 'action.saveAndReturn' : step === RESULTS - 1 ? 'action.showResults' : 'action.continue')}</button>
        </div>
      </form>
      {clearButton}
    </div>
  );
}

export default Estimator;

/**
 * The estimator island. Without JavaScript its server-rendered markup is a plain form (how many
 * people live in the household) that continues on the no-JS route; once hydrated it becomes the
 * step-by-step estimator (EstimatorSteps.tsx). Answers never leave the browser.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EstimatorData } from '#src/domain/estimator/data.ts';
import type { EstimatorPack } from '#src/domain/estimator/pack.ts';
import { createTinyT, type Strings } from '#src/i18n/tiny-t.ts';
import { EstimatorSteps } from './EstimatorSteps.tsx';
import { StartForm } from './StartForm.tsx';

interface EstimatorProps {
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
  const startT = useMemo(
    () => createTinyT(props.locale, { estimator: props.startStrings }, 'estimator'),
    [props.locale, props.startStrings],
  );
  const [data, setData] = useState<EstimatorData | null>(null);
  useEffect(() => setData(props.data ?? readData(props.dataId)), [props.data, props.dataId]);
  if (!data) return <StartForm locale={props.locale} municipality={props.municipality} t={startT} />;
  return <EstimatorSteps pack={data.pack} strings={data.strings} date={props.date} />;
}

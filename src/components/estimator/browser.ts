/**
 * The island's only contact with browser storage. Everything stays on this device: nothing here
 * sends data anywhere, as the estimator page promises residents (`estimator:page.privacy`).
 * Storage may be unavailable (private mode, disabled): every call fails quietly and returns
 * false/null.
 */
import { sanitizeAnswers, type Answers } from '#src/domain/estimator/answers.ts';
import {
  APPLY_ANSWERS_KEY,
  SAVED_ANSWERS_KEY,
  type ApplyHandoff,
  type SavedAnswers,
} from '#src/domain/estimator/storage-keys.ts';

function store(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}

export function saveOnDevice(municipality: string, answers: Answers): boolean {
  try {
    const local = store('localStorage');
    if (!local) return false;
    const value: SavedAnswers = { v: 1, municipality, answers };
    local.setItem(SAVED_ANSWERS_KEY, JSON.stringify(value));
    return true;
  } catch {
    return false; // private mode, quota, or storage disabled
  }
}

export function loadSaved(municipality: string): Answers | null {
  try {
    const raw = store('localStorage')?.getItem(SAVED_ANSWERS_KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<SavedAnswers>;
    if (saved.v !== 1 || saved.municipality !== municipality) return null;
    return sanitizeAnswers(saved.answers);
  } catch {
    return null;
  }
}

export function handOffForApplication(value: ApplyHandoff): boolean {
  try {
    store('sessionStorage')?.setItem(APPLY_ANSWERS_KEY, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** "Clear my answers": both stores. */
export function clearStored(): void {
  for (const kind of ['localStorage', 'sessionStorage'] as const) {
    try {
      store(kind)?.removeItem(kind === 'localStorage' ? SAVED_ANSWERS_KEY : APPLY_ANSWERS_KEY);
    } catch {
      /* storage unavailable: nothing stored */
    }
  }
}

/**
 * Steps in the browser history, so the phone's Back button goes to the previous step instead of
 * leaving the page (and losing the answers). The URL stays the same: nothing is put in it.
 */
const STEP_KEY = 'atbalstsEstimatorStep';

export function recordStep(step: number, replace = false): void {
  try {
    const state = { ...(history.state as object | null), [STEP_KEY]: step };
    if (replace) history.replaceState(state, '');
    else history.pushState(state, '');
  } catch {
    /* history unavailable: the in-page Back button still works */
  }
}

export function stepOf(state: unknown): number | null {
  const v = (state as Record<string, unknown> | null)?.[STEP_KEY];
  return typeof v === 'number' ? v : null;
}

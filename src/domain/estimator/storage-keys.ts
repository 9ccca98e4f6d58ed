/**
 * Browser storage used by the estimator island (never sent anywhere: the answers stay on the
 * resident's device unless they submit an application).
 *
 * APPLY_ANSWERS_KEY — sessionStorage, written only when the resident presses "apply with these
 *   answers"; the application form island may read it to prefill and should remove it after use.
 *   Value (JSON): ApplyHandoff below. `household` is the CLI/integration shape (HouseholdInput,
 *   euros as numbers; src/domain/schemas/household.ts) so it stays stable as the UI changes.
 *
 * SAVED_ANSWERS_KEY — localStorage, written only when the resident presses "save on this device";
 *   removed by "clear my answers". Value (JSON): { v: 1, municipality, answers } (Answers).
 */
import type { HouseholdInput } from '../schemas/index.ts';
import type { Answers } from './answers.ts';

export const APPLY_ANSWERS_KEY = 'atbalsts.estimator.answers.v1';
export const SAVED_ANSWERS_KEY = 'atbalsts.estimator.saved.v1';

export interface ApplyHandoff {
  v: 1;
  /** Municipality id the estimate was made for. */
  municipality: string;
  /** Locale of the page the resident used. */
  locale: string;
  /** ISO date the estimate was computed for. */
  date: string;
  household: HouseholdInput;
  /** Ids of catalogue items the estimate judged `likely` or `possible` (for the form's item choice). */
  items: string[];
}

export interface SavedAnswers {
  v: 1;
  municipality: string;
  answers: Answers;
}

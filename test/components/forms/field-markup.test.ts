/**
 * The markup contract of a question and the error summary (src/components/forms/field-markup.ts):
 * the ids, the aria-describedby list and the summary lines every renderer builds from it.
 */
import { describe, expect, it } from 'vitest';
import {
  describedBy,
  errorId,
  fieldClass,
  fieldId,
  hintId,
  summaryHref,
  summaryLine,
} from '#src/components/forms/field-markup.ts';

describe('field markup contract', () => {
  it('a field path becomes an id without dots; hint and error ids hang off the control id', () => {
    expect(fieldId('members.1.personalCode')).toBe('f-members-1-personalCode');
    expect(hintId(fieldId('applicant.personalCode'))).toBe('f-applicant-personalCode-hint');
    expect(errorId('m0-age')).toBe('m0-age-error');
    expect(summaryHref(fieldId('attachments'))).toBe('#f-attachments');
  });

  it('aria-describedby lists hint then error, and is left out when there is neither', () => {
    expect(describedBy(hintId('x'), errorId('x'))).toBe('x-hint x-error');
    expect(describedBy(undefined, errorId('x'))).toBe('x-error');
    expect(describedBy('', false, null, undefined)).toBeUndefined();
  });

  it('the box class marks an error; summary lines read "Label: message"', () => {
    expect(fieldClass(undefined)).toBe('field');
    expect(fieldClass('Aizpildiet šo lauku.')).toBe('field field--error');
    expect(summaryLine('Vārds', 'Aizpildiet šo lauku.')).toBe('Vārds: Aizpildiet šo lauku.');
    expect(summaryLine('', 'Aizpildiet šo lauku.')).toBe('Aizpildiet šo lauku.');
    expect(summaryLine('Vārds', '')).toBe('Vārds');
  });
});

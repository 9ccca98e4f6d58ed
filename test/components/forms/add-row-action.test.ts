import { describe, expect, it } from 'vitest';
import { rowsAfterAddRow } from '#src/components/forms/add-row-action.ts';
import { formDefinition } from '#src/domain/forms/index.ts';

const def = formDefinition('social-assistance')!;
const max = (id: string) => def.sections.find((s) => s.id === id)!.repeat!.max;

describe('rowsAfterAddRow (the no-JS "add another" button)', () => {
  it('adds one row to the section named by the button, leaving the others', () => {
    expect(rowsAfterAddRow(def, 'add:members', { members: 1, incomes: 2 })).toEqual({ members: 2, incomes: 2 });
    expect(rowsAfterAddRow(def, 'add:incomes', { members: 1, incomes: 2 })).toEqual({ members: 1, incomes: 3 });
  });

  it('stops at the section maximum', () => {
    expect(rowsAfterAddRow(def, 'add:members', { members: max('members') })).toEqual({ members: max('members') });
  });

  it('is undefined for sending, for a section that does not repeat or does not exist, and for other actions', () => {
    expect(rowsAfterAddRow(def, '', { members: 1 })).toBeUndefined();
    expect(rowsAfterAddRow(def, 'add:applicant', { members: 1 })).toBeUndefined();
    expect(rowsAfterAddRow(def, 'add:nothing', { members: 1 })).toBeUndefined();
    expect(rowsAfterAddRow(def, 'remove:members', { members: 1 })).toBeUndefined();
  });
});

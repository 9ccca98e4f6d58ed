/**
 * Field names of the estimator form. The same string is the input's `name` (what the no-JS
 * form posts) and its `id` (what the error summary links to), in the island and the route alike.
 */
import type { IncomeTypeId } from './vocabulary.ts';

export const field = {
  memberCount: 'members',
  age: (i: number) => `m${i}-age`,
  pensioner: (i: number) => `m${i}-pensioner`,
  student: (i: number) => `m${i}-student`,
  needsCare: (i: number) => `m${i}-needs-care`,
  disability: (i: number) => `m${i}-disability`,
  income: (i: number, type: IncomeTypeId) => `m${i}-income-${type}`,
  savings: 'savings',
  otherRealEstate: 'other-real-estate',
  vehicles: 'vehicles',
  housingCosts: 'housing-costs',
  heating: 'heating',
  situation: 'situation',
  situationOption: (s: string) => `situation-${s}`,
  /** Radios: the first option's id is the group's id (error links land on it). */
  option: (name: string, value: string, first: boolean) => (first ? name : `${name}-${value}`),
} as const;

/**
 * Values of the no-JS form's `action` submit buttons: show the results, add or remove a person
 * (the form is posted back with nothing lost), or change the answers from the results page.
 */
export const ACTION = { results: 'results', add: 'add', remove: (i: number) => `remove-${i}`, edit: 'edit' } as const;

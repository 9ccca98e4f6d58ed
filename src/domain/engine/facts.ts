/** Facts about a household that several rules use, computed once per evaluation. */
import type { Household, Member } from '../schemas/index.ts';

/** Under 18: a child (Civil Law; SPSPL uses the same age). */
export const CHILD_MAX_AGE = 17;
/** Large family (daudzbērnu ģimene): at least 3 children, counting those up to 24 in education. */
export const LARGE_FAMILY_CHILDREN = 3;
const YOUTH_IN_EDUCATION_MAX_AGE = 23;

export const isChild = (m: Member): boolean => m.age <= CHILD_MAX_AGE;
/** Pensioner (pension age) or a person with a disability group: the SPSPL Art. 35(5) categories. */
export const isPensionerOrDisabled = (m: Member): boolean => m.pensioner || (m.disability !== null && m.disability !== 'none');
/**
 * A pupil (skolēns): aged 7–17 (school starts in the year a child turns 7), or aged 5–20 when
 * the household says the person studies (an early starter, or still at school after 18).
 */
export const isPupil = (m: Member): boolean => (m.age >= 7 && m.age <= CHILD_MAX_AGE) || (m.student && m.age >= 5 && m.age <= 20);

export interface Facts {
  members: number;
  children: number;
  /** Children under 18 plus young people under 24 who study (large-family and housing rules). */
  childrenAndStudents: number;
  pensionerOrDisabledOnly: boolean;
  /** Adults all pensioners or disabled, and at least one child (Art. 35(5) "… un bērni"). */
  pensionerOrDisabledWithChildren: boolean;
  disabilityUnknown: boolean;
}

export function factsOf(h: Household): Facts {
  const children = h.members.filter(isChild).length;
  const childrenAndStudents = h.members.filter((m) => isChild(m) || (m.student && m.age <= YOUTH_IN_EDUCATION_MAX_AGE)).length;
  const adults = h.members.filter((m) => !isChild(m));
  return {
    members: h.members.length,
    children,
    childrenAndStudents,
    pensionerOrDisabledOnly: h.members.every(isPensionerOrDisabled),
    pensionerOrDisabledWithChildren: children > 0 && adults.length > 0 && adults.every(isPensionerOrDisabled),
    disabilityUnknown: h.members.some((m) => m.disability === null),
  };
}

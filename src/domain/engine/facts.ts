/** Facts about a household that several rules use, computed once per evaluation. */
import type { Household, Member } from '../schemas/index.ts';

/** Under 18: a child (Civil Law; SPSPL uses the same age). */
export const CHILD_MAX_AGE = 17;
/** Large family (daudzbērnu ģimene): at least 3 children, counting those up to 24 in education. */
export const LARGE_FAMILY_CHILDREN = 3;
const YOUTH_IN_EDUCATION_MAX_AGE = 23;

export const isChild = (m: Member): boolean => m.age <= CHILD_MAX_AGE;
/** Pensioner (pension age) or a person with a disability group: the SPSPL Art. 35(5) categories. */
export const isPensionerOrDisabled = (m: Member): boolean =>
  m.pensioner || (m.disability !== null && m.disability !== 'none');
/**
 * A pupil (skolēns): aged 7–17 (school starts in the year a child turns 7), or aged 5–20 when
 * the household says the person studies (an early starter, or still at school after 18).
 */
export const isPupil = (m: Member): boolean =>
  (m.age >= 7 && m.age <= CHILD_MAX_AGE) || (m.student && m.age >= 5 && m.age <= 20);

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
  // One pass over the members (the engine runs this for every evaluation).
  let children = 0;
  let childrenAndStudents = 0;
  let adults = 0;
  let adultsPensionerOrDisabled = 0;
  let allPensionerOrDisabled = true;
  let disabilityUnknown = false;
  for (const m of h.members) {
    const child = isChild(m);
    const pd = isPensionerOrDisabled(m);
    if (child) children++;
    else {
      adults++;
      if (pd) adultsPensionerOrDisabled++;
    }
    if (child || (m.student && m.age <= YOUTH_IN_EDUCATION_MAX_AGE)) childrenAndStudents++;
    if (!pd) allPensionerOrDisabled = false;
    if (m.disability === null) disabilityUnknown = true;
  }
  return {
    members: h.members.length,
    children,
    childrenAndStudents,
    pensionerOrDisabledOnly: allPensionerOrDisabled,
    pensionerOrDisabledWithChildren: children > 0 && adults > 0 && adultsPensionerOrDisabled === adults,
    disabilityUnknown,
  };
}

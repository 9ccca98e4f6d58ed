/**
 * The estimator's questions, one component per part of the household. The island shows them a
 * step at a time; the no-JS form (FullForm.tsx) shows them all on one page. `onChange` is absent
 * on the server: the markup is then a plain form that posts the same field names.
 */
import type { Answers, MemberAnswers } from '#src/domain/estimator/answers.ts';
import { field } from '#src/domain/estimator/fields.ts';
import type { StepId } from '#src/domain/estimator/validate.ts';
import {
  COUNTED_INCOME_TYPES,
  HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR,
  NOT_COUNTED_INCOME_TYPES,
  type IncomeTypeId,
} from '#src/domain/estimator/vocabulary.ts';
import { Checkbox, Fieldset, Radios, TextField, type Ctx } from './ui.tsx';

type Change<T> = ((patch: Partial<T>) => void) | undefined;

/** Questions about one person (the i-th member). */
interface PersonProps {
  ctx: Ctx;
  i: number;
  m: MemberAnswers;
  onChange?: Change<MemberAnswers>;
  headingLevel?: 2 | 3;
}

/** Questions about the household as a whole. */
interface HouseholdProps {
  ctx: Ctx;
  a: Answers;
  onChange?: Change<Answers>;
}

/** "Person 1 (you)", "Person 2 (age 43)". */
function personName(ctx: Ctx, i: number, m?: MemberAnswers): string {
  const age = m && /^\d+$/.test(m.age.trim()) ? Number(m.age) : null;
  if (i === 0) return ctx.t('member.you');
  return age === null
    ? ctx.t('member.other', { person: i + 1 })
    : ctx.t('member.otherAged', { person: i + 1, count: age });
}

export function MemberQuestions({ ctx, i, m, onChange, headingLevel = 3 }: PersonProps) {
  const t = ctx.t;
  return (
    <Fieldset ctx={ctx} legend={personName(ctx, i)} headingLevel={headingLevel}>
      <TextField
        ctx={ctx}
        id={field.age(i)}
        kind="whole"
        label={t('member.age.label')}
        hint={t('member.age.hint')}
        value={m.age}
        onInput={onChange && ((age) => onChange({ age }))}
      />
      <Fieldset
        ctx={ctx}
        id={field.disability(i)}
        legend={t('member.disability.legend')}
        hint={t('member.disability.hint')}
      >
        <Radios
          name={field.disability(i)}
          value={m.disability}
          onChange={onChange && ((disability) => onChange({ disability: disability as MemberAnswers['disability'] }))}
          options={(['none', 'I', 'II', 'III'] as const).map((v) => ({ value: v, label: t(`member.disability.${v}`) }))}
        />
      </Fieldset>
      <Fieldset ctx={ctx} legend={t('member.more.legend')} hint={t('member.more.hint')}>
        <div class="checkboxes">
          <Checkbox
            id={field.pensioner(i)}
            checked={m.pensioner}
            label={t('member.pensioner.label')}
            hint={t('member.pensioner.hint')}
            onChange={onChange && ((pensioner) => onChange({ pensioner }))}
          />
          <Checkbox
            id={field.student(i)}
            checked={m.student}
            label={t('member.student.label')}
            hint={t('member.student.hint')}
            onChange={onChange && ((student) => onChange({ student }))}
          />
          <Checkbox
            id={field.needsCare(i)}
            checked={m.needsCare}
            label={t('member.needsCare.label')}
            hint={t('member.needsCare.hint')}
            onChange={onChange && ((needsCare) => onChange({ needsCare }))}
          />
        </div>
      </Fieldset>
    </Fieldset>
  );
}

function IncomeInputs({ ctx, i, m, types, onChange }: PersonProps & { types: readonly IncomeTypeId[] }) {
  return (
    <>
      {types.map((type) => (
        <TextField
          key={type}
          ctx={ctx}
          id={field.income(i, type)}
          kind="money"
          label={ctx.t(`income.${type}.label`)}
          hint={ctx.t(`income.${type}.hint`)}
          value={m.incomes[type] ?? ''}
          onInput={onChange && ((v) => onChange({ incomes: { ...m.incomes, [type]: v } }))}
        />
      ))}
    </>
  );
}

export function IncomeQuestions({ ctx, i, m, onChange, headingLevel = 3 }: PersonProps) {
  const t = ctx.t;
  return (
    <Fieldset
      ctx={ctx}
      legend={t('income.legend', { person: personName(ctx, i, m) })}
      hint={t('income.hint')}
      headingLevel={headingLevel}
    >
      <IncomeInputs ctx={ctx} i={i} m={m} types={COUNTED_INCOME_TYPES} onChange={onChange} />
      <Fieldset ctx={ctx} legend={t('income.notCounted.legend')} hint={t('income.notCounted.hint')}>
        <IncomeInputs ctx={ctx} i={i} m={m} types={NOT_COUNTED_INCOME_TYPES} onChange={onChange} />
      </Fieldset>
    </Fieldset>
  );
}

function AssetQuestions({ ctx, a, onChange }: HouseholdProps) {
  const t = ctx.t;
  return (
    <>
      <TextField
        ctx={ctx}
        id={field.savings}
        kind="money"
        width="medium"
        label={t('assets.savings.label')}
        hint={t('assets.savings.hint')}
        value={a.savings}
        onInput={onChange && ((savings) => onChange({ savings }))}
      />
      <Fieldset
        ctx={ctx}
        id={field.otherRealEstate}
        legend={t('assets.otherRealEstate.legend')}
        hint={t('assets.otherRealEstate.hint')}
      >
        <Radios
          name={field.otherRealEstate}
          inline
          value={a.otherRealEstate}
          onChange={
            onChange &&
            ((otherRealEstate) => onChange({ otherRealEstate: otherRealEstate as Answers['otherRealEstate'] }))
          }
          options={[
            { value: 'no', label: t('answer.no') },
            { value: 'yes', label: t('answer.yes') },
          ]}
        />
      </Fieldset>
      <TextField
        ctx={ctx}
        id={field.vehicles}
        kind="whole"
        label={t('assets.vehicles.label')}
        hint={t('assets.vehicles.hint')}
        value={a.vehicles}
        onInput={onChange && ((vehicles) => onChange({ vehicles }))}
      />
    </>
  );
}

function HousingQuestions({ ctx, a, onChange }: HouseholdProps) {
  const t = ctx.t;
  return (
    <>
      <TextField
        ctx={ctx}
        id={field.housingCosts}
        kind="money"
        label={t('housing.costs.label')}
        hint={t('housing.costs.hint')}
        value={a.housingCosts}
        onInput={onChange && ((housingCosts) => onChange({ housingCosts }))}
      />
      <Fieldset ctx={ctx} id={field.heating} legend={t('housing.heating.legend')} hint={t('housing.heating.hint')}>
        <Radios
          name={field.heating}
          value={a.heating}
          onChange={onChange && ((heating) => onChange({ heating: heating as Answers['heating'] }))}
          options={(['district', 'stove', 'other'] as const).map((v) => ({
            value: v,
            label: t(`housing.heating.${v}`),
          }))}
        />
      </Fieldset>
    </>
  );
}

function SituationQuestions({ ctx, a, onChange }: HouseholdProps) {
  const t = ctx.t;
  const toggle = (s: (typeof HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR)[number], on: boolean) =>
    onChange?.({
      situations: HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR.filter((x) => (x === s ? on : a.situations.includes(x))),
    });
  return (
    <Fieldset ctx={ctx} id={field.situation} legend={t('situations.legend')} hint={t('situations.hint')}>
      <div class="checkboxes">
        {HOUSEHOLD_SITUATIONS_FOR_ESTIMATOR.map((s) => (
          <Checkbox
            key={s}
            id={field.situationOption(s)}
            name={field.situation}
            value={s}
            checked={a.situations.includes(s)}
            label={t(`situations.${s}.label`)}
            hint={t(`situations.${s}.hint`)}
            onChange={onChange && ((on) => toggle(s, on))}
          />
        ))}
      </div>
    </Fieldset>
  );
}

/** The steps that ask about the household as a whole, in the order the island and the no-JS form ask them. */
export const HOUSEHOLD_STEPS = ['assets', 'housing', 'situations'] as const satisfies readonly StepId[];
type HouseholdStep = (typeof HOUSEHOLD_STEPS)[number];

export const isHouseholdStep = (step: StepId): step is HouseholdStep =>
  (HOUSEHOLD_STEPS as readonly StepId[]).includes(step);

const HOUSEHOLD_QUESTIONS = { assets: AssetQuestions, housing: HousingQuestions, situations: SituationQuestions };

/** The questions of one household step: the island shows one step at a time, the no-JS form all of them. */
export function HouseholdQuestions({ step, ...props }: HouseholdProps & { step: HouseholdStep }) {
  const Questions = HOUSEHOLD_QUESTIONS[step];
  return <Questions {...props} />;
}

/**
 * The questions of one island step. The same question components make up the no-JS form
 * (FullForm.tsx); here they get `onChange`, so the island keeps the answers in its state.
 */
import type { Answers, MemberAnswers } from '#src/domain/estimator/answers.ts';
import { MAX_MEMBERS } from '#src/domain/estimator/answers.ts';
import type { EstimatorPack } from '#src/domain/estimator/pack.ts';
import type { StepId } from '#src/domain/estimator/validate.ts';
import { paths } from '#src/i18n/paths.ts';
import { HouseholdQuestions, IncomeQuestions, MemberQuestions, isHouseholdStep } from './Questions.tsx';
import type { Ctx } from './ui.tsx';

interface Props {
  id: StepId;
  ctx: Ctx;
  pack: EstimatorPack;
  answers: Answers;
  onPatch: (p: Partial<Answers>) => void;
  onPatchMember: (i: number) => (p: Partial<MemberAnswers>) => void;
  onAdd: () => void;
  onRemove: (i: number) => void;
}

export function StepBody({ id, ctx, pack, answers, onPatch, onPatchMember, onAdd, onRemove }: Props) {
  return (
    <>
      {id === 'municipality' && (
        <>
          <p class="lead">{ctx.t('step.municipality.text', { municipality: pack.municipality.name })}</p>
          <p>
            <a href={paths.home(pack.locale)}>{ctx.t('step.municipality.change')}</a>
          </p>
        </>
      )}
      {id === 'members' && (
        <>
          <p>{ctx.t('step.members.hint')}</p>
          {answers.members.map((mm, i) => (
            <div class="member" key={i}>
              <MemberQuestions ctx={ctx} i={i} m={mm} onChange={onPatchMember(i)} />
              {i > 0 && (
                <p>
                  <button type="button" class="button button--secondary" onClick={() => onRemove(i)}>
                    {ctx.t('action.removeMember', { person: i + 1 })}
                  </button>
                </p>
              )}
            </div>
          ))}
          {answers.members.length < MAX_MEMBERS ? (
            <p>
              <button type="button" class="button button--secondary" onClick={onAdd}>
                {ctx.t('action.addMember')}
              </button>
            </p>
          ) : (
            <p class="hint">{ctx.t('step.members.max', { max: MAX_MEMBERS })}</p>
          )}
        </>
      )}
      {id === 'incomes' && (
        <>
          <p>{ctx.t('step.incomes.hint')}</p>
          {answers.members.map((mm, i) => (
            <IncomeQuestions key={i} ctx={ctx} i={i} m={mm} onChange={onPatchMember(i)} />
          ))}
        </>
      )}
      {isHouseholdStep(id) && <HouseholdQuestions step={id} ctx={ctx} a={answers} onChange={onPatch} />}
    </>
  );
}

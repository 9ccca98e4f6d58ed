// @vitest-environment happy-dom
/**
 * The estimator island in a DOM: step flow, add/remove people, validation with the error summary
 * focused, back and "change answer", results with verdicts, storage only on request.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Estimator } from '#src/components/estimator/Estimator.tsx';
import type { EstimatorData } from '#src/components/estimator/data.ts';
import { evaluate } from '#src/domain/engine/evaluate.ts';
import { APPLY_ANSWERS_KEY, SAVED_ANSWERS_KEY } from '#src/domain/estimator/storage-keys.ts';
import { contextOf } from '#src/domain/estimator/pack.ts';
import { parseHousehold } from '#src/domain/schemas/household.ts';
import { packFor, stringsFor } from '../../support/estimator-fixtures.ts';

const DATE = '2026-03-01';
const data: EstimatorData = { pack: packFor('daugavpils', 'lv'), strings: stringsFor('lv') };
const est = data.strings.estimator as Record<string, any>;

function mount(d: EstimatorData = data) {
  return render(
    <Estimator
      locale={d.pack.locale}
      municipality={d.pack.municipality.id}
      startStrings={{ start: est.start, action: est.action }}
      data={d}
      date={DATE}
    />,
  );
}
const heading = () => document.querySelector('[data-step]') as HTMLElement;
const cont = () => fireEvent.click(screen.getByRole('button', { name: est.action.continue }));
const type = (label: string | RegExp, value: string, nth = 0) =>
  fireEvent.input(screen.getAllByLabelText(label)[nth]!, { target: { value } });

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(cleanup);

/** Municipality → one person aged 70, pensioner, no disability, pension 500 → 0 savings … → results. */
function fillSinglePensioner() {
  cont(); // municipality
  type(est.member.age.label, '70');
  fireEvent.click(screen.getByLabelText(est.member.disability.none));
  fireEvent.click(screen.getByLabelText(est.member.pensioner.label));
  cont();
  type(est.income.pension.label, '500');
  cont();
  type(est.assets.savings.label, '0');
  fireEvent.click(screen.getByLabelText(est.answer.no));
  type(est.assets.vehicles.label, '0');
  cont();
  type(est.housing.costs.label, '300');
  fireEvent.click(screen.getByLabelText(est.housing.heating.district));
  cont();
  fireEvent.click(screen.getByRole('button', { name: est.action.showResults }));
}

describe('estimator island', () => {
  it('shows the steps with progress and moves focus to each step heading', () => {
    mount();
    expect(screen.getByText('1. solis no 6')).toBeTruthy();
    expect(heading().dataset.step).toBe('municipality');
    expect(screen.getByText(/Daugavpils/, { selector: 'p' })).toBeTruthy();
    cont();
    expect(screen.getByText('2. solis no 6')).toBeTruthy();
    expect(heading().dataset.step).toBe('members');
    expect(document.activeElement).toBe(heading());
    // every question is a fieldset with a legend
    const disability = screen.getByRole('group', { name: est.member.disability.legend });
    expect(disability.tagName).toBe('FIELDSET');
  });

  it('shows errors in a summary that takes focus and links to the fields, and at the field', () => {
    mount();
    cont();
    cont(); // members step with nothing answered
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#m0-age', '#m0-disability']);
    expect(links[0]!.textContent).toBe('Ierakstiet 1. personas vecumu');
    expect(document.getElementById('m0-age')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('m0-age-error')!.textContent).toContain('Ierakstiet 1. personas vecumu');
    // still on the members step; what was typed stays
    type(est.member.age.label, 'abc');
    cont();
    expect((document.getElementById('m0-age') as HTMLInputElement).value).toBe('abc');
    expect(within(screen.getByRole('alert')).getAllByRole('link')[0]!.textContent).toContain('ar cipariem');
  });

  it('adds and removes people (up to 8) and asks incomes for each', () => {
    mount();
    cont();
    const add = () => fireEvent.click(screen.getByRole('button', { name: est.action.addMember }));
    add();
    expect(document.activeElement).toBe(document.getElementById('m1-age'));
    add();
    expect(screen.getAllByLabelText(est.member.age.label)).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Noņemt 2. personu' }));
    expect(screen.getAllByLabelText(est.member.age.label)).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toContain(est.notice.memberRemoved);
    for (let i = 0; i < 6; i++) add();
    expect(screen.getAllByLabelText(est.member.age.label)).toHaveLength(8);
    expect(screen.queryByRole('button', { name: est.action.addMember })).toBeNull();
  });

  it('goes back, and "change" on the results returns to the results', () => {
    mount();
    fillSinglePensioner();
    const results = screen.getByRole('heading', { level: 2, name: est.result.title });
    expect(document.activeElement).toBe(results);
    fireEvent.click(screen.getByRole('button', { name: `${est.action.change} ${est.step.housing.title}` }));
    expect(heading().dataset.step).toBe('housing');
    expect((screen.getByLabelText(est.housing.costs.label) as HTMLInputElement).value).toBe('300');
    type(est.housing.costs.label, '250');
    fireEvent.click(screen.getByRole('button', { name: est.action.saveAndReturn }));
    expect(screen.getByRole('heading', { level: 2, name: est.result.title })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: `‹ ${est.action.back}` })[0]!);
    expect(heading().dataset.step).toBe('situations');
    fireEvent.click(screen.getByRole('button', { name: `‹ ${est.action.back}` }));
    expect(heading().dataset.step).toBe('housing');
  });

  it('results show the same verdicts and amounts as the engine, in words and shapes', () => {
    mount();
    fillSinglePensioner();
    const parsed = parseHousehold({
      date: DATE,
      municipality: 'daugavpils',
      members: [
        {
          age: 70,
          pensioner: true,
          disability: null,
          student: false,
          needsCare: false,
          incomes: [{ type: 'pension', monthly: 500 }],
        },
      ],
      housing: { costsMonthly: 300, heating: 'district' },
      assets: { savings: 0, otherRealEstate: false, vehicles: 0 },
      situations: [],
    });
    if (!parsed.ok) throw new Error('bad household');
    const e = evaluate(parsed.value, contextOf(data.pack));
    for (const b of e.benefits) {
      if (['gmi', 'housing-benefit', 'crisis'].includes(b.id)) continue;
      const el = document.querySelector(`.result-item[data-item="${b.id}"]`);
      expect(el?.getAttribute('data-verdict'), b.id).toBe(b.verdict);
      expect(el!.querySelector('.verdict')!.textContent).toContain(est.result.verdict[b.verdict]);
    }
    expect(document.querySelector('[data-item="housing-benefit"]')!.getAttribute('data-verdict')).toBe(
      e.housing.verdict,
    );
    expect(document.querySelector('[data-status]')!.getAttribute('data-status')).toBe(e.status);
    expect(screen.getByText(est.result.estimateNotice.title)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\b(rules|estimator):|\{\{/);
  });

  it('stores nothing until asked; save, apply hand-off and clear', () => {
    mount();
    fillSinglePensioner();
    expect(localStorage.length + sessionStorage.length).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: est.action.save }));
    expect(JSON.parse(localStorage.getItem(SAVED_ANSWERS_KEY)!).answers.members[0].age).toBe('70');
    const apply = screen.getByRole('link', { name: est.action.apply });
    expect(apply.getAttribute('href')).toBe('/lv/daugavpils/pieteikums/social-assistance/');
    apply.addEventListener('click', (e) => e.preventDefault());
    fireEvent.click(apply);
    const handoff = JSON.parse(sessionStorage.getItem(APPLY_ANSWERS_KEY)!);
    expect(handoff).toMatchObject({ v: 1, municipality: 'daugavpils', date: DATE });
    expect(handoff.household.members[0]).toMatchObject({ age: 70, incomes: [{ type: 'pension', monthly: 500 }] });
    expect(parseHousehold(handoff.household).ok).toBe(true);
    cleanup();
    mount(); // saved answers come back on this device
    expect(screen.getByRole('status').textContent).toContain(est.notice.restored);
    fireEvent.click(screen.getByRole('button', { name: est.action.clear }));
    expect(localStorage.getItem(SAVED_ANSWERS_KEY)).toBeNull();
    expect(sessionStorage.getItem(APPLY_ANSWERS_KEY)).toBeNull();
    cont();
    expect((screen.getByLabelText(est.member.age.label) as HTMLInputElement).value).toBe('');
  });

  it('without data (no JavaScript or a failure) the plain start form remains', () => {
    render(
      <Estimator
        locale="lv"
        municipality="daugavpils"
        startStrings={{ start: est.start, action: est.action }}
        dataId="missing"
      />,
    );
    const form = document.querySelector('form')!;
    expect(form.getAttribute('method')).toBe('get');
    expect(form.getAttribute('action')).toBe('/lv/daugavpils/novertejums/rezultati/');
    expect(screen.getByLabelText(est.start.members.label).tagName).toBe('SELECT');
  });
});

describe('browser history', () => {
  it('the browser Back button goes to the previous step, Forward returns; invalid steps are not skipped', async () => {
    mount();
    cont();
    expect(heading().dataset.step).toBe('members');
    const pop = (state: unknown) => window.dispatchEvent(new PopStateEvent('popstate', { state }));
    const { act } = await import('@testing-library/preact');
    act(() => {
      pop({ atbalstsEstimatorStep: 0 });
    });
    expect(heading().dataset.step).toBe('municipality');
    // Forward to the incomes step while the members step is unanswered: the members step shows.
    act(() => {
      pop({ atbalstsEstimatorStep: 2 });
    });
    expect(heading().dataset.step).toBe('members');
    expect(document.activeElement).toBe(heading());
  });
});

import { createSession, perfectActions, scenarios, workflows } from '@bosv2/training';
import { describe, expect, it } from 'vitest';
import {
  attemptOf,
  latestKey,
  menuPaths,
  menuTree,
  mistakesByField,
  planSubmit,
} from './bridge.js';

const withIncident = (kind: string) => {
  const found = scenarios.find((s) => s.incidents.some((i) => i.kind === kind));
  if (!found) throw new Error(`no scenario with a ${kind}`);
  return found;
};

/**
 * Plays a scenario's perfect actions up to the first submit on the step of its incident (or its
 * first submit); returns the plan of that submit.
 */
function firstSubmitPlan(scenario: (typeof scenarios)[number]) {
  const session = createSession(scenario, 'practice');
  const target = scenario.incidents[0]?.step;
  for (const action of perfectActions(scenario)) {
    const step = session.view().current?.step.id;
    const reply = session.dispatch(action);
    if (action.type === 'submit' && (!target || step === target)) {
      return planSubmit(reply, latestKey(session.state));
    }
  }
  throw new Error('no submit');
}

describe('planSubmit', () => {
  it('sends an accepted report as it is', () => {
    const clean = scenarios.find(
      (s) => s.variant === 'clean' && s.steps.some((st) => st.kind === 'entry'),
    );
    expect(clean && firstSubmitPlan(clean)).toEqual({ send: true });
  });

  it('does not send what the scenario’s server refuses, and shows its problem', () => {
    const plan = firstSubmitPlan(withIncident('refusal'));
    expect(plan.send).toBe(false);
    expect(plan.problem).toMatchObject({ status: expect.any(Number), code: expect.any(String) });
  });

  it('turns a lost answer into a stored-then-dropped request and a lost signal', () => {
    expect(firstSubmitPlan(withIncident('network-drop'))).toEqual({
      send: true,
      fault: 'drop-after-write',
      thenOffline: true,
    });
  });

  it('makes the simulated server fail once on a server-error step', () => {
    expect(firstSubmitPlan(withIncident('server-error')).fault).toMatch(/^5xx=5\d\d$/);
  });

  it('keeps a report sent with no signal for the outbox', () => {
    const scenario = withIncident('network-drop');
    const session = createSession(scenario, 'practice');
    session.dispatch({ type: 'network', online: false });
    for (const action of perfectActions(scenario)) {
      if (action.type === 'network') continue;
      const reply = session.dispatch(action);
      if (action.type === 'submit') {
        expect(planSubmit(reply, latestKey(session.state))).toEqual({ send: true });
        return;
      }
    }
  });
});

describe('attempts', () => {
  it('records a perfect run as passed with no mistakes', () => {
    const scenario = scenarios[0];
    if (!scenario) throw new Error('no scenarios');
    const session = createSession(scenario, 'exam');
    for (const action of perfectActions(scenario)) session.dispatch(action);
    const attempt = attemptOf(scenario, 'exam', session.state, session.score(), Date.now());
    expect(attempt).toMatchObject({ scenarioId: scenario.id, passed: true, mistakes: {} });
    expect(attempt.score).toBe(attempt.maxScore);
  });

  it('counts a listed mistake under its field', () => {
    const scenario = scenarios.find((s) => s.mistakes.some((m) => 'field' in m.detect));
    const mistake = scenario?.mistakes.find((m) => 'field' in m.detect);
    if (!scenario || !mistake || !('field' in mistake.detect)) throw new Error('none');
    const finding = {
      id: mistake.id,
      listed: true,
      step: mistake.step,
      rubricItem: '',
      points: 1,
      title: mistake.title,
      feedback: mistake.feedback,
    };
    expect(mistakesByField([finding, finding], scenario)).toEqual({ [mistake.detect.field]: 2 });
  });
});

describe('menuTree', () => {
  it('merges the menu paths of every workflow into one BOS V2 menu', () => {
    const scenario = scenarios.find((s) => s.workflow === 'dds-warga');
    if (!scenario) throw new Error('none');
    const tree = menuTree(menuPaths(workflows, scenario));
    const laporan = tree.find((n) => n.label === 'Laporan');
    const dds = laporan?.children
      .find((n) => n.label === 'Giat Wajib Harian')
      ?.children.find((n) => n.label === 'DDS');
    expect(dds?.children.map((n) => n.label)).toEqual(
      expect.arrayContaining(['Warga', 'Tempat Usaha']),
    );
    expect(tree.filter((n) => n.label === 'Laporan')).toHaveLength(1);
  });
});

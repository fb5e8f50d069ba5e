/**
 * Scripted trainees: the actions of a perfect run, and of a run that makes one listed mistake.
 * The tests use them to prove every scenario is winnable and every mistake costs what it says;
 * the sandbox uses them for "show me" demonstrations.
 */
import { type Action, createSession, type Reply, type SessionOptions } from './engine.js';
import { applyChanges } from './paths.js';
import type { EntryStep, Mistake, Mode, Scenario, Step } from './types.js';

function entryActions(step: EntryStep, body: Record<string, unknown> | undefined): Action[] {
  if (!body) return [];
  // Clear what the draft holds that the body has not, then enter each top-level field.
  const actions: Action[] = [];
  for (const key of Object.keys(step.draft ? applyChanges(step.expected ?? {}, step.draft) : {})) {
    if (!(key in body)) actions.push({ type: 'enter', field: key, value: null });
  }
  for (const [field, value] of Object.entries(body)) actions.push({ type: 'enter', field, value });
  return actions;
}

function sendActions(scenario: Scenario, step: EntryStep, resubmit: boolean): Action[] {
  const incident = scenario.incidents.find((i) => i.step === step.id && i.kind !== 'refusal');
  if (!incident) return [{ type: 'submit' }];
  if (incident.kind === 'network-drop') {
    return resubmit
      ? [{ type: 'submit' }, { type: 'submit' }, { type: 'network', online: true }]
      : [{ type: 'submit' }, { type: 'network', online: true }];
  }
  return resubmit
    ? [{ type: 'submit' }, { type: 'submit' }]
    : [{ type: 'submit' }, { type: 'retry' }];
}

function stepActions(scenario: Scenario, step: Step, mistake?: Mistake): Action[] {
  const example = mistake?.step === step.id ? mistake.example : undefined;
  if (step.kind === 'navigate') {
    const wrong =
      example && 'menu' in example ? [{ type: 'navigate', menu: example.menu } as Action] : [];
    return [...wrong, { type: 'navigate', menu: step.menu }];
  }
  if (step.kind === 'choice') {
    const wrong =
      example && 'choose' in example ? [{ type: 'choose', option: example.choose } as Action] : [];
    return [...wrong, { type: 'choose', option: step.correct }];
  }
  const actions: Action[] = [];
  const refusal = scenario.incidents.some((i) => i.step === step.id && i.kind === 'refusal');
  if (refusal) {
    // The draft is sent as it is and refused; that is where the scenario starts.
    actions.push({ type: 'submit' });
    if (example && 'unchanged' in example) actions.push({ type: 'submit' });
  }
  const body = step.expected
    ? example && 'set' in example
      ? applyChanges(step.expected, example.set)
      : step.expected
    : undefined;
  actions.push(...entryActions(step, body));
  actions.push(...sendActions(scenario, step, Boolean(example && 'resubmit' in example)));
  return actions;
}

/** The actions of a trainee who does everything right. */
export function perfectActions(scenario: Scenario): Action[] {
  return scenario.steps.flatMap((step) => stepActions(scenario, step));
}

/** The actions of a trainee who does everything right except one listed mistake. */
export function mistakeActions(scenario: Scenario, mistakeId: string): Action[] {
  const mistake = scenario.mistakes.find((m) => m.id === mistakeId);
  if (!mistake) throw new Error(`Scenario ${scenario.id} lists no mistake "${mistakeId}".`);
  return scenario.steps.flatMap((step) => stepActions(scenario, step, mistake));
}

/** Plays actions through a new session and returns it with every reply. */
export function play(
  scenario: Scenario,
  mode: Mode,
  actions: Action[],
  options: SessionOptions = {},
): { session: ReturnType<typeof createSession>; replies: Reply[] } {
  const session = createSession(scenario, mode, options);
  const replies = actions.map((action) => session.dispatch(action));
  return { session, replies };
}

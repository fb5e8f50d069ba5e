import type { Finding, Mode, Reply, Scenario, ScoreReport, SessionState } from '@bosv2/training';
import { mistakeField } from '../classroom/events.js';
import type { Attempt } from '../progress/types.js';

// How an attempt's engine (@bosv2/training, which plays the scenario's server) and the sandbox's
// real stack (SDK outbox → simulated server in the page) are kept in step.

/** What the real stack does for one press of "Kirim". */
export interface SendPlan {
  /** Put the request in the SDK outbox (false: the scenario's server refused it). */
  send: boolean;
  /** A fault the simulated server applies to this one request (mock fault grammar). */
  fault?: string;
  /** After the request, the signal drops (the scenario's network drop). */
  thenOffline?: boolean;
  /** The refusal to show on the form (problem+json). */
  problem?: Record<string, unknown>;
}

/** The Idempotency-Key the engine gave the request of its latest "Kirim". */
export function latestKey(state: Pick<SessionState, 'registration' | 'keyCounter'>): string {
  return `${state.registration}-${state.keyCounter}`;
}

/**
 * Reads the engine's answer to a submit and says what the real stack must do so the trainee
 * lives through the same thing: a refusal is shown and not sent; a lost answer is sent with a
 * "stored, then the connection drops" fault and the signal goes; a server error fails once.
 */
export function planSubmit(reply: Reply, key: string): SendPlan {
  if (!reply.applied) return { send: false };
  const answer = reply.server.find((s) => s.requestKey === key);
  if (!answer) return { send: true }; // queued: no signal, the outbox keeps it
  if (answer.status === 0) return { send: true, fault: 'drop-after-write', thenOffline: true };
  if (answer.status >= 500) return { send: true, fault: `5xx=${answer.status}` };
  if ('problem' in answer) return { send: false, problem: answer.problem };
  return { send: true };
}

/** Field of a finding, for "mistakes by field" (`mismatch:details.x` → `details.x`). */
export function findingField(finding: Finding, scenario: Scenario): string {
  return mistakeField(finding.id, scenario);
}

/** Mistakes counted by field. */
export function mistakesByField(
  findings: readonly Finding[],
  scenario: Scenario,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const finding of findings) {
    const field = findingField(finding, scenario);
    out[field] = (out[field] ?? 0) + 1;
  }
  return out;
}

/** The stored attempt of a finished session. */
export function attemptOf(
  scenario: Scenario,
  mode: Mode,
  state: Pick<SessionState, 'registration' | 'startedAt'>,
  score: ScoreReport,
  finishedAt: number,
): Attempt {
  return {
    id: state.registration,
    scenarioId: scenario.id,
    workflow: scenario.workflow,
    mode,
    score: score.raw,
    maxScore: score.max,
    passed: score.passed,
    mistakes: mistakesByField(score.findings, scenario),
    hintsUsed: score.hintsUsed,
    startedAt: new Date(state.startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
  };
}

/** A BOS V2 menu as a tree, from every menu path the scenarios use. */
export interface MenuNode {
  label: string;
  children: MenuNode[];
}

export function menuTree(paths: readonly (readonly string[])[]): MenuNode[] {
  const root: MenuNode = { label: '', children: [] };
  for (const path of paths) {
    let node = root;
    for (const label of path) {
      let child = node.children.find((c) => c.label === label);
      if (!child) {
        child = { label, children: [] };
        node.children.push(child);
      }
      node = child;
    }
  }
  return root.children;
}

/** The menu paths of a scenario's world: every workflow's menu and every menu its steps name. */
export function menuPaths(
  workflows: readonly { menu: string[] }[],
  scenario: Scenario,
): string[][] {
  const paths: string[][] = workflows.map((w) => w.menu);
  for (const step of scenario.steps) if (step.kind === 'navigate') paths.push(step.menu);
  for (const mistake of scenario.mistakes) {
    if ('menu' in mistake.example) paths.push(mistake.example.menu);
  }
  return paths;
}

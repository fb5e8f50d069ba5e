import type { Attempt } from './types.js';

export interface ScenarioProgress {
  scenarioId: string;
  workflow: string;
  attempts: number;
  /** Best score in percent (0-100), over every mode. */
  bestPercent: number;
  /** Passed an exam of this scenario at least once. */
  examPassed: boolean;
  bestExamPercent: number | null;
  lastAt: string;
}

export interface ProgressSummary {
  byScenario: Map<string, ScenarioProgress>;
  /** Field → mistakes over every attempt, most frequent first. */
  mistakesByField: [field: string, count: number][];
  /** Workflows with a passed exam, each with its best exam score in percent. */
  passedWorkflows: Map<string, number>;
}

export const percent = (score: number, max: number): number =>
  max > 0 ? Math.round((score / max) * 100) : 0;

/** Best score, attempts, mistakes by field and passed modules, from the stored attempts. */
export function summarize(attempts: readonly Attempt[]): ProgressSummary {
  const byScenario = new Map<string, ScenarioProgress>();
  const mistakes = new Map<string, number>();
  const passedWorkflows = new Map<string, number>();
  for (const attempt of attempts) {
    const score = percent(attempt.score, attempt.maxScore);
    const entry = byScenario.get(attempt.scenarioId) ?? {
      scenarioId: attempt.scenarioId,
      workflow: attempt.workflow,
      attempts: 0,
      bestPercent: 0,
      examPassed: false,
      bestExamPercent: null,
      lastAt: attempt.finishedAt,
    };
    entry.attempts += 1;
    entry.bestPercent = Math.max(entry.bestPercent, score);
    if (attempt.finishedAt > entry.lastAt) entry.lastAt = attempt.finishedAt;
    if (attempt.mode === 'exam') {
      entry.bestExamPercent = Math.max(entry.bestExamPercent ?? 0, score);
      if (attempt.passed) {
        entry.examPassed = true;
        passedWorkflows.set(
          attempt.workflow,
          Math.max(passedWorkflows.get(attempt.workflow) ?? 0, score),
        );
      }
    }
    byScenario.set(attempt.scenarioId, entry);
    for (const [field, count] of Object.entries(attempt.mistakes)) {
      mistakes.set(field, (mistakes.get(field) ?? 0) + count);
    }
  }
  const mistakesByField = [...mistakes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { byScenario, mistakesByField, passedWorkflows };
}

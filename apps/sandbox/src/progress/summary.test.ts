import { describe, expect, it } from 'vitest';
import { attempt } from './fixtures.js';
import { summarize } from './summary.js';

describe('summarize', () => {
  it('keeps the best score and counts the attempts of each scenario', () => {
    const summary = summarize([
      attempt({ score: 4, maxScore: 10 }),
      attempt({ score: 9, maxScore: 10 }),
      attempt({ score: 6, maxScore: 10 }),
      attempt({ scenarioId: 'other', score: 1, maxScore: 4 }),
    ]);
    expect(summary.byScenario.get('dds-warga-1')).toMatchObject({ attempts: 3, bestPercent: 90 });
    expect(summary.byScenario.get('other')).toMatchObject({ attempts: 1, bestPercent: 25 });
  });

  it('adds up mistakes by field over every attempt, most frequent first', () => {
    const summary = summarize([
      attempt({ mistakes: { 'details.description': 1, keywords: 2 } }),
      attempt({ mistakes: { 'details.description': 3 } }),
    ]);
    expect(summary.mistakesByField).toEqual([
      ['details.description', 4],
      ['keywords', 2],
    ]);
  });

  it('counts a module as passed only after a passed exam', () => {
    const practiceOnly = summarize([attempt({ mode: 'practice', passed: true })]);
    expect(practiceOnly.passedWorkflows.size).toBe(0);
    const failedExam = summarize([attempt({ mode: 'exam', passed: false, score: 5 })]);
    expect(failedExam.passedWorkflows.size).toBe(0);
    const passed = summarize([
      attempt({ mode: 'exam', passed: true, score: 8 }),
      attempt({ mode: 'exam', passed: true, score: 10 }),
    ]);
    expect(passed.passedWorkflows.get('dds-warga')).toBe(100);
  });
});

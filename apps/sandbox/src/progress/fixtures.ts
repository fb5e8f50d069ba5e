import type { Attempt } from './types.js';

let counter = 0;

/** A stored attempt for tests, with sensible defaults. */
export function attempt(overrides: Partial<Attempt> = {}): Attempt {
  counter += 1;
  return {
    id: `attempt-${counter}`,
    scenarioId: 'dds-warga-1',
    workflow: 'dds-warga',
    mode: 'practice',
    score: 8,
    maxScore: 10,
    passed: true,
    mistakes: {},
    hintsUsed: 0,
    startedAt: '2026-11-28T01:00:00.000Z',
    finishedAt: `2026-11-28T01:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    ...overrides,
  };
}

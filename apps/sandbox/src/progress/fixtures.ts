import type { Attempt, XapiStatement } from './types.js';

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

/** A learning record (xAPI statement) as the training engine makes them, for tests. */
export function statement(overrides: Partial<XapiStatement> = {}): XapiStatement {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    actor: {
      objectType: 'Agent',
      name: 'Peserta latihan',
      account: { homePage: 'urn:latihan-bos-v2', name: 'trainee' },
    },
    verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
    object: {
      objectType: 'Activity',
      id: 'urn:bosv2:training:scenario:dds-warga.clean',
      definition: {
        type: 'http://adlnet.gov/expapi/activities/simulation',
        name: { id: 'DDS', en: 'DDS' },
      },
    },
    context: {
      registration: 'registration-1',
      platform: 'Latihan BOS V2',
      language: 'id',
      extensions: {},
    },
    timestamp: `2026-11-28T02:${String(counter % 60).padStart(2, '0')}:00.000Z`,
    ...overrides,
  } as XapiStatement;
}

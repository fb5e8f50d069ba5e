import { describe, expect, it } from 'vitest';
import { parseStatements, statementsOf } from './events.js';

const now = new Date('2026-11-28T09:00:00.000Z');
const id = '0b6f4a7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('learning events from the outbox', () => {
  it('takes one statement, a list, or {events}', () => {
    expect(statementsOf({ id })).toEqual([{ id }]);
    expect(statementsOf([{ id }])).toEqual([{ id }]);
    expect(statementsOf({ events: [{ id }] })).toEqual([{ id }]);
    expect(statementsOf({ nothing: true })).toBeUndefined();
  });

  it('keeps what the board needs from an xAPI statement and drops the actor', () => {
    const { events, errors } = parseStatements(
      [
        {
          id: id.toUpperCase(),
          actor: { mbox: 'mailto:budi@example.org' },
          verb: { id: 'http://adlnet.gov/expapi/verbs/Passed', display: { 'id-ID': 'lulus' } },
          object: {
            id: 'https://bosv2.example/scenarios/dds-warga-2',
            definition: { extensions: { 'https://bosv2.example/ext/module': 'dds-warga' } },
          },
          result: {
            score: { raw: 15, min: 10, max: 20 },
            success: true,
            extensions: {
              'https://bosv2.example/ext/mistakes': [{ field: 'headOfHousehold.name' }],
            },
          },
          timestamp: '2026-11-28T16:30:00+08:00',
        },
      ],
      now,
    );
    expect(errors).toEqual([]);
    expect(events).toEqual([
      {
        id,
        verb: 'passed',
        module: 'dds-warga',
        scenario: 'dds-warga-2',
        scoreScaled: 0.5,
        success: true,
        completion: null,
        mistakes: ['headOfHousehold.name'],
        occurredAt: '2026-11-28T08:30:00.000Z',
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('budi');
  });

  it('does not let a phone clock that runs ahead put activity in the future', () => {
    const { events } = parseStatements(
      [{ id, verb: 'answered', object: 'dds-warga', timestamp: '2027-01-01T00:00:00Z' }],
      now,
    );
    expect(events[0]?.occurredAt).toBe(now.toISOString());
  });

  it('names every bad field and keeps nothing of a batch with one bad statement', () => {
    const { events, errors } = parseStatements(
      [
        { id, verb: 'answered', object: 'dds-warga', timestamp: now.toISOString() },
        {
          id: 'x',
          verb: '',
          object: {},
          timestamp: 'now',
          result: { score: { scaled: 2 }, success: 'yes' },
        },
      ],
      now,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'events[1].id',
      'events[1].verb',
      'events[1].object.id',
      'events[1].timestamp',
      'events[1].result.score',
      'events[1].result.success',
    ]);
    expect(events).toHaveLength(1); // the caller stores nothing when errors is not empty
  });

  it('takes the same id twice in one batch once', () => {
    const one = { id, verb: 'answered', object: 'dds-warga', timestamp: now.toISOString() };
    expect(parseStatements([one, one], now).events).toHaveLength(1);
  });
});

import { buildStatement, getScenario, VERBS } from '@bosv2/training';
import { describe, expect, test } from 'vitest';
import { mistakeField, toClassroomEvent } from './events.js';

const scenario = getScenario('dds-warga.clean');
if (!scenario) throw new Error('dds-warga.clean is missing from @bosv2/training');

const base = {
  actor: {
    objectType: 'Agent' as const,
    name: 'Bripka Contoh',
    account: { homePage: 'urn:latihan-bos-v2', name: 'device-1' },
  },
  scenario,
  mode: 'guided' as const,
  registration: 'reg-1',
  locale: 'id',
  timestamp: Date.parse('2026-11-28T02:00:00Z'),
};

describe('a learning record for the classroom', () => {
  test('names the workflow as the module and the scenario, and leaves the actor out', () => {
    const statement = buildStatement({
      ...base,
      id: '6f1c1f4e-7a55-4f5e-9d2b-0d5a1c9b8e01',
      verb: VERBS.attempted,
    });
    const event = toClassroomEvent(statement);
    expect(event).toEqual({
      id: statement.id,
      verb: 'attempted',
      object: { id: statement.object.id, module: 'dds-warga', scenario: 'dds-warga.clean' },
      timestamp: '2026-11-28T02:00:00.000Z',
    });
    expect(JSON.stringify(event)).not.toContain('Bripka');
  });

  test('keeps the score, success and completion, and turns mistakes into fields', () => {
    const listed = scenario.mistakes[0];
    if (!listed) throw new Error('dds-warga.clean lists no mistakes');
    const statement = buildStatement({
      ...base,
      id: '6f1c1f4e-7a55-4f5e-9d2b-0d5a1c9b8e02',
      verb: VERBS.failed,
      result: {
        score: { raw: 6, min: 0, max: 10, scaled: 0.6 },
        success: false,
        completion: true,
        extensions: {
          'https://bosv2-kit.github.io/xapi/ext/mistakes': [listed.id, 'mismatch:details.members'],
        },
      },
    });
    const event = toClassroomEvent(statement, (id) => (id === scenario.id ? scenario : undefined));
    const field = 'field' in listed.detect ? listed.detect.field : listed.detect.kind;
    expect(event.result).toEqual({
      score: { scaled: 0.6 },
      success: false,
      completion: true,
      mistakes: [field, 'details.members'],
    });
  });

  test('leaves out the completion of a step, which is not the module’s', () => {
    const step = buildStatement({
      ...base,
      id: '6f1c1f4e-7a55-4f5e-9d2b-0d5a1c9b8e03',
      verb: VERBS.progressed,
      result: { completion: true, extensions: {} },
    });
    expect(toClassroomEvent(step).result).toEqual({});
  });

  test('names the field of unlisted mistakes from their ids', () => {
    expect(mistakeField('padding:description', undefined)).toBe('description');
    expect(mistakeField('missing-facts:uraian', undefined)).toBe('uraian');
    expect(mistakeField('wrong-menu:step-1', undefined)).toBe('wrong-menu');
  });
});

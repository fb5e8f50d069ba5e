import { loadSpec } from '@bosv2/contract';
import { describe, expect, it } from 'vitest';
import { createContractValidator } from './contract.js';
import { createSession } from './engine.js';
import { getScenario } from './index.js';
import { scenarios } from './scenarios.gen.js';
import { mistakeActions, perfectActions, play } from './simulate.js';
import type { EntryStep } from './types.js';

const validate = createContractValidator(loadSpec());
const fixed = { now: () => 1_700_000_000_000, validate };

describe('the contract validator', () => {
  it('lets every perfect run and every listed mistake through, as a real server would', () => {
    for (const scenario of scenarios) {
      const perfect = play(scenario, 'practice', perfectActions(scenario), fixed).session.score();
      expect(perfect.raw, scenario.id).toBe(perfect.max);
      for (const mistake of scenario.mistakes) {
        const score = play(
          scenario,
          'practice',
          mistakeActions(scenario, mistake.id),
          fixed,
        ).session.score();
        expect(
          score.findings.map((f) => f.id),
          `${scenario.id} ${mistake.id}`,
        ).toEqual([mistake.id]);
      }
    }
  });

  it('refuses a description under 50 characters with the field and the BOS V2 code, then takes the fix', () => {
    const scenario = getScenario('dds-warga.clean');
    const session = createSession(scenario, 'practice', fixed);
    session.dispatch({ type: 'navigate', menu: ['Laporan', 'Giat Wajib Harian', 'DDS', 'Warga'] });
    const step = scenario.steps[1] as EntryStep;
    for (const [field, value] of Object.entries(step.expected ?? {}))
      session.dispatch({ type: 'enter', field, value });
    session.dispatch({ type: 'enter', field: 'description', value: 'Sambang warga, aman.' });
    const refused = session.dispatch({ type: 'submit' });
    expect(refused.server[0]).toMatchObject({
      status: 400,
      problem: {
        code: 'validation-failed',
        errors: [
          {
            field: 'description',
            code: 'description-too-short',
            message: 'Uraian minimal 50 karakter.',
          },
        ],
      },
    });
    expect(refused.current?.step.id).toBe('fill-form');
    session.dispatch({ type: 'enter', field: 'description', value: step.expected?.description });
    expect(session.dispatch({ type: 'submit' }).server).toMatchObject([{ status: 201 }]);
  });

  it('names missing fields and too few keywords by their dotted paths, in English on request', () => {
    const scenario = getScenario('ps-non-sengketa.clean');
    const body = structuredClone((scenario.steps[1] as EntryStep).expected) as Record<
      string,
      unknown
    >;
    const details = body.details as Record<string, unknown>;
    details.keywords = ['a1', 'b2', 'c3'];
    delete details.problem;
    const problem = validate('createActivity', body, 'en');
    expect(problem?.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'details.keywords',
          code: 'too-few-keywords',
          message: 'A problem-solving report needs at least 5 keywords.',
        },
        { field: 'details.problem', code: 'required', message: 'This field is required.' },
      ]),
    );
    expect(
      validate('createActivity', (scenario.steps[1] as EntryStep).expected, 'id'),
    ).toBeUndefined();
    expect(validate('submitActivity', undefined, 'id')).toBeUndefined();
  });
});

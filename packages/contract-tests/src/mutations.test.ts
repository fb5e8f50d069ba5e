import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPEC_PATH } from '../test/fixtures/server.js';
import { invalidRequestArbitrary, listMutations } from './mutations.js';
import { requestArbitrary, validateRequest } from './request.js';
import { listOperations, loadSpec, type OpenApiDocument, type Operation } from './spec.js';
import { Validator } from './validator.js';

let doc: OpenApiDocument;
let validator: Validator;
let operations: Operation[];
beforeAll(async () => {
  doc = await loadSpec({ spec: SPEC_PATH });
  validator = new Validator(doc);
  operations = listOperations(doc);
});

describe('listMutations', () => {
  it.each(['createPatrol', 'replacePatrol', 'listPatrols', 'reviewPatrol', 'login'])(
    'turns every valid %s request into an invalid one, whatever it breaks',
    (id) => {
      const op = operations.find((o) => o.operationId === id) as Operation;
      fc.assert(
        fc.property(requestArbitrary(doc, op), (req) => {
          fc.pre(validateRequest(validator, op, req).valid);
          for (const m of listMutations(doc, op, req)) {
            const broken = m.apply(req);
            if (validateRequest(validator, op, broken).valid)
              throw new Error(`still valid after: ${m.description}`);
          }
        }),
        { seed: 5, numRuns: 40 },
      );
    },
  );

  it('offers the mutations a QA engineer expects for a create', () => {
    const op = operations.find((o) => o.operationId === 'createPatrol') as Operation;
    const [req] = fc.sample(requestArbitrary(doc, op), { seed: 1, numRuns: 1 });
    const descriptions = listMutations(doc, op, req as never).map((m) => m.description);
    for (const expected of [
      'header parameter "Idempotency-Key" missing',
      'required body missing',
      'body required property "date" missing',
      'body property not in the schema',
      'body kind: value outside the enum',
      'body participants: above maximum 50',
      'body date: not a valid date',
    ]) {
      expect(descriptions).toContain(expected);
    }
  });

  it('never empties a path parameter (that would hit another route)', () => {
    const op = operations.find((o) => o.operationId === 'getPatrol') as Operation;
    const samples = fc.sample(invalidRequestArbitrary(doc, op), { seed: 3, numRuns: 100 });
    for (const s of samples) expect(String(s?.path.patrolId ?? 'x').length).toBeGreaterThan(0);
  });
});

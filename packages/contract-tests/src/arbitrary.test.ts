import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPEC_PATH } from '../test/fixtures/server.js';
import { arbitraryFor } from './arbitrary.js';
import { loadSpec, type OpenApiDocument } from './spec.js';
import { Validator } from './validator.js';

let doc: OpenApiDocument;
let validator: Validator;
beforeAll(async () => {
  doc = await loadSpec({ spec: SPEC_PATH });
  validator = new Validator(doc);
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('arbitraryFor', () => {
  it.each(['PatrolInput', 'Patrol', 'Health', 'LoginInput', 'Problem'])(
    'generates only values valid against %s (allOf, formats, patterns, bounds, uniqueItems)',
    (name) => {
      fc.assert(
        fc.property(arbitraryFor(doc, ref(name)), (value) => {
          const result = validator.validate(`#/components/schemas/${name}`, value);
          if (!result.valid)
            throw new Error(`${JSON.stringify(value)}: ${result.errors.join('; ')}`);
        }),
        { seed: 1, numRuns: 200 },
      );
    },
  );

  it('covers both branches of if/then and mostly valid values', () => {
    const values = fc.sample(arbitraryFor(doc, ref('ReviewInput')), {
      seed: 2,
      numRuns: 200,
    }) as Array<{ decision: string }>;
    const valid = values.filter(
      (v) => validator.validate('#/components/schemas/ReviewInput', v).valid,
    );
    expect(valid.length).toBeGreaterThan(140);
    expect(new Set(valid.map((v) => v.decision))).toEqual(new Set(['APPROVE', 'RETURN']));
  });

  it('keeps header and path strings to safe characters', () => {
    const headers = fc.sample(
      arbitraryFor(doc, { type: 'string', maxLength: 50 }, { context: 'header' }),
      { seed: 3, numRuns: 300 },
    );
    expect(headers.every((h) => /^[A-Za-z0-9._-]*$/.test(String(h)))).toBe(true);
    const paths = fc.sample(arbitraryFor(doc, { type: 'string' }, { context: 'path' }), {
      seed: 3,
      numRuns: 300,
    });
    expect(paths.every((p) => String(p).length > 0 && p !== '.' && p !== '..')).toBe(true);
  });

  it('respects exclusive bounds and multipleOf', () => {
    const values = fc.sample(
      arbitraryFor(doc, { type: 'number', exclusiveMinimum: 0, maximum: 1, multipleOf: 0.25 }),
      { seed: 4, numRuns: 200 },
    ) as number[];
    expect(values.every((v) => v > 0 && v <= 1 && Number.isInteger(v / 0.25))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const arb = arbitraryFor(doc, ref('PatrolInput'));
    expect(fc.sample(arb, { seed: 9, numRuns: 5 })).toEqual(
      fc.sample(arb, { seed: 9, numRuns: 5 }),
    );
  });
});

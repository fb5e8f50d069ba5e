import { isBundledContract, precompiledSchemaValidator } from '@bosv2/mock/validators';
import { describe, expect, test } from 'vitest';
import { spec } from '../test-spec.js';
import {
  activityVariants,
  registerPrecompiledValidators,
  type SchemaDocument,
  validateActivity,
  validateSchemaByName,
} from './schema.js';

// The same contract, as a second object: one validates with run-time Ajv, the other with the
// precompiled validators of @bosv2/mock. Their field errors must be the same.
const precompiledSpec = structuredClone(spec) as SchemaDocument;
const examples = (spec as { components: { examples: Record<string, { value: unknown }> } })
  .components.examples;

describe('precompiled validators', () => {
  test('are used for the bundled contract, and give the same field errors as Ajv', () => {
    expect(isBundledContract(precompiledSpec)).toBe(true);
    const used: string[] = [];
    registerPrecompiledValidators(precompiledSpec, (pointer) => {
      used.push(pointer);
      return precompiledSchemaValidator(pointer);
    });
    const broken = (value: Record<string, unknown>) => [
      value,
      { ...value, description: 'terlalu pendek' },
      { ...value, date: 'kemarin', keywords: ['a'] },
      { type: value.type },
    ];
    let compared = 0;
    for (const variant of activityVariants(spec)) {
      const example = Object.values(examples).find(
        (e) => (e.value as { type?: string } | null)?.type === variant.type,
      )?.value as Record<string, unknown> | undefined;
      for (const input of broken(example ?? { type: variant.type })) {
        for (const locale of ['id', 'en'] as const) {
          expect(validateActivity(precompiledSpec, input, locale)).toEqual(
            validateActivity(spec, input, locale),
          );
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(19 * 4);
    expect(used.length).toBeGreaterThan(0);
    expect(validateSchemaByName(precompiledSpec, 'ReviewInput', {}, 'id')).toEqual(
      validateSchemaByName(spec, 'ReviewInput', {}, 'id'),
    );
  });

  test('need no code compiled at run time', () => {
    const doc = structuredClone(spec) as SchemaDocument;
    registerPrecompiledValidators(doc, precompiledSchemaValidator);
    const original = globalThis.Function;
    globalThis.Function = (() => {
      throw new Error('no code may be compiled');
    }) as unknown as FunctionConstructor;
    try {
      const variant = activityVariants(doc)[0];
      expect(variant).toBeDefined();
      expect(validateActivity(doc, { type: variant?.type }, 'id').length).toBeGreaterThan(0);
    } finally {
      globalThis.Function = original;
    }
  });
});

import { describe, expect, test } from 'vitest';
import { loadContractSpec } from './node/load-spec.js';
import { isBundledContract, precompiledSchemaValidator } from './validators.js';

describe('@bosv2/mock/validators', () => {
  test('knows the bundled contract, and not a changed copy of it', () => {
    const spec = loadContractSpec();
    expect(isBundledContract(spec)).toBe(true);
    const changed = structuredClone(spec);
    (changed.info as { version: string }).version = '0.0.0-changed';
    expect(isBundledContract(changed)).toBe(false);
  });

  test('validates a named schema with every error and its data, without compiling code', () => {
    const original = globalThis.Function;
    globalThis.Function = (() => {
      throw new Error('no code may be compiled');
    }) as unknown as FunctionConstructor;
    try {
      const validate = precompiledSchemaValidator('#/components/schemas/CitizenReportInput');
      expect(validate).toBeTypeOf('function');
      expect(validate?.({ title: 'x' })).toBe(false);
      const errors = validate?.errors ?? [];
      expect(errors.length).toBeGreaterThan(1);
      expect(errors.some((e) => e.keyword === 'required')).toBe(true);
      expect(errors.every((e) => 'data' in e)).toBe(true);
      expect(precompiledSchemaValidator('#/components/schemas/NoSuchSchema')).toBeUndefined();
    } finally {
      globalThis.Function = original;
    }
  });
});

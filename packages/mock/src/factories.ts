/**
 * @bosv2/mock/factories: typed, seeded builders of valid contract values, for other packages'
 * tests and stories.
 *
 * @example
 * import spec from '@bosv2/contract/openapi.json';
 * import { createFactories } from '@bosv2/mock/factories';
 * const make = createFactories({ spec, seed: 1 });
 * const activity = make.build('Activity', { status: 'SUBMITTED' }, { hint: { type: 'DDS_WARGA' } });
 */

import type { components } from './contract.gen.js';
import { createRuntimeCompiler } from './engine/ajv-runtime.js';
import { createSampler, type SampleOptions } from './engine/sampler.js';
import type { OpenApiDocument } from './engine/types.js';
import { validatorFor } from './engine/validator.js';
import { createFaker } from './store/seed.js';

export type Schemas = components['schemas'];
export type SchemaName = keyof Schemas & string;

export interface Factories {
  /** A valid value of the named schema; `overrides` are merged in (shallow). */
  build<N extends SchemaName>(
    name: N,
    overrides?: Partial<Schemas[N]>,
    options?: SampleOptions,
  ): Schemas[N];
  /** `count` values of the named schema. */
  buildList<N extends SchemaName>(
    name: N,
    count: number,
    overrides?: Partial<Schemas[N]>,
    options?: SampleOptions,
  ): Schemas[N][];
  /** Does the value conform to the named schema? */
  isValid(name: SchemaName, value: unknown): boolean;
  /** Restart the sequence (same seed, same values). */
  reset(seed?: number): void;
}

export function createFactories(options: { spec: OpenApiDocument; seed?: number }): Factories {
  const validator = validatorFor(options.spec);
  // The bundled contract's validators are precompiled; a custom one's are compiled by Ajv, here
  // at hand so `build` and `isValid` stay synchronous.
  validator.useRuntimeCompiler(createRuntimeCompiler);
  let seed = options.seed ?? 1;
  let sampler = createSampler(options.spec, createFaker(seed));
  const pointer = (name: string) => `#/components/schemas/${name}`;
  const factories: Factories = {
    build(name, overrides, sampleOptions) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const base = sampler.sampleNamed(name, { optionalRate: 0.7, ...sampleOptions });
        const value =
          overrides && base && typeof base === 'object' && !Array.isArray(base)
            ? { ...(base as object), ...overrides }
            : base;
        if (validator.validateSchema(pointer(name), value)) return value as Schemas[typeof name];
      }
      throw new Error(`Could not build a valid ${name}${overrides ? ' with these overrides' : ''}`);
    },
    buildList(name, count, overrides, sampleOptions) {
      return Array.from({ length: count }, () => factories.build(name, overrides, sampleOptions));
    },
    isValid: (name, value) => validator.validateSchema(pointer(name), value),
    reset(next) {
      if (next !== undefined) seed = next;
      sampler = createSampler(options.spec, createFaker(seed));
    },
  };
  return factories;
}

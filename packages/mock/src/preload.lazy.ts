// The CLI's stand-in for preload.ts (tsup.config.ts): nothing up front; the engine loads faker
// and the precompiled validators with dynamic imports after its first answer (MockEngine.prepare).
import type { Faker } from '@faker-js/faker';

export const STATIC_FAKER: Faker | null = null;
export const STATIC_VALIDATORS: typeof import('./engine/validators.gen.js') | null = null;

// What the library loads up front, so pages and tests can use an engine synchronously (the
// sandbox counts seeded records before any request). The CLI build swaps this module for
// preload.lazy.ts (tsup.config.ts): it answers its first request before loading either.
import type { Faker } from '@faker-js/faker';
// The id_ID entry loads one locale (id_ID with en and base fallbacks); the package's root entry
// loads every locale, which costs several hundred milliseconds at start.
import { faker } from '@faker-js/faker/locale/id_ID';
import * as validators from './engine/validators.gen.js';

export const STATIC_FAKER: Faker | null = faker;
export const STATIC_VALIDATORS: typeof validators | null = validators;

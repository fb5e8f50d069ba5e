/**
 * The bundled contract's JSON Schemas as precompiled validators: `@bosv2/mock/validators`.
 * Ajv's standalone code, generated with the package (`pnpm -F @bosv2/mock generate`), so a page
 * can validate without compiling code at run time (a CSP without `'unsafe-eval'`). Each is an
 * Ajv `ValidateFunction` (all errors, with their data) for a pointer such as
 * `#/components/schemas/DdsWargaActivityInput`.
 *
 * @example
 * import { isBundledContract, precompiledSchemaValidator } from '@bosv2/mock/validators';
 * if (isBundledContract(spec)) {
 *   const validate = precompiledSchemaValidator('#/components/schemas/ReviewInput');
 * }
 *
 * @packageDocumentation
 */
import type { ValidateFunction } from 'ajv';
import { isPrecompiledSpec } from './engine/bundled.js';
import { schemaValidators } from './engine/validators.gen.js';

let table: Record<string, ValidateFunction> | undefined;

/** Is this document the bundled contract the validators were made from (unchanged)? */
export function isBundledContract(doc: object): boolean {
  return isPrecompiledSpec(doc);
}

/** The precompiled validator of a schema of the bundled contract, by JSON pointer. */
export function precompiledSchemaValidator(pointer: string): ValidateFunction | undefined {
  table ??= schemaValidators();
  return table[pointer];
}

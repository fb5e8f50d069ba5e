// The run-time compiler: Ajv compiling a custom contract's schemas with `new Function`. The
// bundled contract never comes here (its validators are precompiled in validators.gen.ts), so
// this module and Ajv are loaded only for a custom `spec` (validator.ts imports it lazily).
import type { ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  ajvCopy,
  ajvOptions,
  type ParamLocation,
  paramsKey,
  paramsSchema,
  refTo,
  SPEC_ID,
} from './ajv-options.js';
import type { OperationSpec } from './spec.js';
import type { OpenApiDocument } from './types.js';

// ajv and ajv-formats are CommonJS with a `default` property; take whichever the loader gives.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

type AjvInstance = InstanceType<typeof Ajv2020>;

/** Where the validators of a document come from: precompiled, or compiled on first use. */
export interface ValidatorSource {
  /** The validator of an operation's parameters in one location; null when it has none. */
  params(op: OperationSpec, where: ParamLocation): ValidateFunction | null;
  /** The validator of the schema at a pointer of the document (no coercion). */
  schema(pointer: string): ValidateFunction;
}

export type RuntimeCompilerFactory = (doc: OpenApiDocument, onReset: () => void) => ValidatorSource;

function makeAjv(
  doc: OpenApiDocument,
  kind: 'params' | 'schemas',
  discriminator: boolean,
): AjvInstance {
  const ajv = new Ajv2020(ajvOptions(kind, discriminator));
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'example' });
  ajv.addVocabulary(['xml', 'externalDocs']);
  ajv.addSchema(ajvCopy(doc, !discriminator) as unknown as object, SPEC_ID);
  return ajv;
}

/**
 * Compiles each validator on first use. A discriminator Ajv cannot use (a branch without a
 * const tag) switches both instances to plain oneOf validation; `onReset` then tells the caller
 * to drop the validators it kept.
 */
export const createRuntimeCompiler: RuntimeCompilerFactory = (doc, onReset) => {
  let instances: Partial<Record<'params' | 'schemas', AjvInstance>> = {};
  let discriminator = true;
  const cache = new Map<string, ValidateFunction>();
  const ajv = (kind: 'params' | 'schemas') => {
    let a = instances[kind];
    if (!a) {
      a = makeAjv(doc, kind, discriminator);
      instances[kind] = a;
    }
    return a;
  };
  const compile = (kind: 'params' | 'schemas', key: string, schema: object) => {
    const cacheKey = `${kind} ${key}`;
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    let fn: ValidateFunction;
    try {
      fn = ajv(kind).compile(schema);
    } catch (error) {
      if (!String(error).includes('discriminator') || !discriminator) throw error;
      discriminator = false;
      instances = {};
      cache.clear();
      onReset();
      fn = ajv(kind).compile(schema);
    }
    cache.set(cacheKey, fn);
    return fn;
  };
  return {
    params(op, where) {
      const schema = paramsSchema(op, where);
      return schema ? compile('params', paramsKey(op, where), schema) : null;
    },
    schema(pointer) {
      return compile('schemas', pointer, { $ref: refTo(pointer) });
    },
  };
};

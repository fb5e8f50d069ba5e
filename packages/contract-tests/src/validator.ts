import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type OpenApiDocument, type Parameter, resolveSchema, type Schema } from './spec.js';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

const DOC_ID = 'urn:bosv2:contract-tests:openapi';

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

function makeAjv(discriminator: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    discriminator,
    validateSchema: false,
    logger: false,
    validateFormats: true,
  });
  addFormats(ajv);
  // OpenAPI formats that describe rather than constrain.
  for (const f of ['password', 'binary', 'byte', 'int32', 'int64', 'float', 'double']) {
    if (!ajv.formats[f]) ajv.addFormat(f, true);
  }
  for (const keyword of ['example', 'xml', 'externalDocs', 'discriminator']) {
    if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  }
  return ajv;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

/**
 * Validates values against schemas of one OpenAPI document with Ajv (2020-12, formats, the
 * discriminator on; strict off so OpenAPI keywords pass). Schemas are named by JSON pointer.
 */
export class Validator {
  private readonly primary: Ajv2020;
  private fallback: Ajv2020 | undefined;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDocument) {
    this.primary = makeAjv(true);
    this.primary.addSchema({ ...doc, $id: DOC_ID } as never);
  }

  private compile(pointer: string): ValidateFunction {
    const cached = this.cache.get(pointer);
    if (cached) return cached;
    const ref = { $ref: `${DOC_ID}${pointer}` };
    let fn: ValidateFunction;
    try {
      fn = this.primary.compile(ref);
    } catch {
      // Ajv's discriminator refuses some shapes (e.g. `mapping`); validate without it.
      if (!this.fallback) {
        this.fallback = makeAjv(false);
        this.fallback.addSchema({ ...this.doc, $id: DOC_ID } as never);
      }
      fn = this.fallback.compile(ref);
    }
    this.cache.set(pointer, fn);
    return fn;
  }

  /** Validates `value` against the schema at `pointer` (`#/components/schemas/X`). */
  validate(pointer: string, value: unknown): ValidationResult {
    const fn = this.compile(pointer.replace(/^#/, '#'));
    const valid = fn(value) as boolean;
    return { valid, errors: valid ? [] : formatErrors(fn.errors) };
  }

  /** Validates a value with a format the way the validator would (`email`, `date`, ...). */
  formatAccepts(format: string, value: string): boolean {
    return this.validateInline({ type: 'string', format }, value);
  }

  private readonly inline = new Map<string, ValidateFunction>();

  validateInline(schema: Schema, value: unknown): boolean {
    const key = JSON.stringify(schema);
    let fn = this.inline.get(key);
    if (!fn) {
      fn = this.primary.compile(schema as object);
      this.inline.set(key, fn);
    }
    return fn(value) as boolean;
  }
}

/** How a server reads a parameter string: numbers and booleans where the schema says so. */
export function coerceParam(schema: Schema, raw: string): unknown {
  if (typeof schema !== 'object') return raw;
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (
    (types.includes('integer') || types.includes('number')) &&
    /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)
  ) {
    return Number(raw);
  }
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (types.includes('null') && raw === 'null') return null;
  return raw;
}

/** Serializes a parameter value (form style, exploded arrays). */
export function serializeParam(value: unknown): string | string[] {
  if (Array.isArray(value)) return value.map((v) => serializeScalar(v));
  return serializeScalar(value);
}

function serializeScalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Validates a parameter as the server will see it after serialization. */
export function validateParam(
  validator: Validator,
  param: Parameter,
  value: unknown,
): ValidationResult {
  const serialized = serializeParam(value);
  const schema = resolveSchema(validator.doc, param.schema);
  const itemSchema =
    typeof schema === 'object' && schema.items !== undefined
      ? resolveSchema(validator.doc, schema.items as Schema)
      : {};
  const coerced = Array.isArray(serialized)
    ? serialized.map((s) => coerceParam(itemSchema, s))
    : coerceParam(schema, serialized);
  if (param.in === 'path' && typeof coerced === 'string' && coerced.length === 0) {
    return { valid: false, errors: ['empty path parameter'] };
  }
  return validator.validate(param.pointer, coerced);
}

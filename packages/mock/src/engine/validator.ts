import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fieldMessage } from './i18n.js';
import type { FieldError } from './problem.js';
import type { OperationSpec, ParameterSpec } from './spec.js';
import { deref } from './spec.js';
import type { JsonSchema, Lang, OpenApiDocument } from './types.js';

// ajv and ajv-formats are CommonJS with a `default` property; take whichever the loader gives.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

export const SPEC_ID = 'https://bosv2.local/openapi.json';

/** Ajv's copy of the document: `discriminator.mapping` is not supported by Ajv, so it goes. */
function ajvCopy(doc: OpenApiDocument, dropDiscriminator: boolean): OpenApiDocument {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'discriminator' && v && typeof v === 'object' && 'propertyName' in v) {
        if (!dropDiscriminator)
          out[k] = { propertyName: (v as { propertyName: string }).propertyName };
        continue;
      }
      out[k] = walk(v);
    }
    return out;
  };
  const copy = walk(doc) as OpenApiDocument;
  copy.$id = SPEC_ID;
  return copy;
}

export function refTo(pointer: string): string {
  return SPEC_ID + pointer.replace(/[{}]/g, (c) => encodeURIComponent(c));
}

type AjvInstance = InstanceType<typeof Ajv2020>;

function makeAjv(
  doc: OpenApiDocument,
  options: { coerce: boolean; allErrors: boolean; discriminator: boolean },
): AjvInstance {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: options.allErrors,
    coerceTypes: options.coerce ? 'array' : false,
    useDefaults: options.coerce,
    discriminator: options.discriminator,
    validateSchema: false,
    logger: false,
    verbose: options.allErrors,
    unicodeRegExp: true,
    inlineRefs: false,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'example' });
  ajv.addVocabulary(['xml', 'externalDocs']);
  ajv.addSchema(ajvCopy(doc, !options.discriminator) as unknown as object, SPEC_ID);
  return ajv;
}

export interface ParamValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

/**
 * Validates requests and responses against the contract's schemas with Ajv (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses). Each operation's validators compile on first use, so the
 * server answers its first request without compiling the whole contract.
 */
const shared = new WeakMap<object, ContractValidator>();

/** One validator per contract document, shared by every engine and factory that uses it. */
export function validatorFor(doc: OpenApiDocument): ContractValidator {
  let v = shared.get(doc);
  if (!v) {
    v = new ContractValidator(doc);
    shared.set(doc, v);
  }
  return v;
}

export class ContractValidator {
  private instances: Partial<Record<'schemas' | 'params', AjvInstance>> = {};
  private discriminator = true;
  private readonly cache = new Map<string, ValidateFunction>();
  /** Per operation and location: its compiled validator, or null when it has no parameters. */
  private paramFns = new WeakMap<
    OperationSpec,
    Partial<Record<'path' | 'query' | 'header', ValidateFunction | null>>
  >();
  private readonly arrayParams = new WeakMap<ParameterSpec, boolean>();
  /** Validators of `{ $ref }` to a pointer, by kind: no string key built per request. */
  private readonly refFns = {
    request: new Map<string, ValidateFunction>(),
    response: new Map<string, ValidateFunction>(),
  };

  constructor(private readonly doc: OpenApiDocument) {}

  /** Ajv instances are made on first use: the server answers before compiling anything. */
  private ajv(kind: 'schemas' | 'params'): AjvInstance {
    let a = this.instances[kind];
    if (!a) {
      a = makeAjv(this.doc, {
        coerce: kind === 'params',
        allErrors: true,
        discriminator: this.discriminator,
      });
      this.instances[kind] = a;
    }
    return a;
  }

  private compile(
    kind: 'request' | 'params' | 'response',
    key: string,
    schema: object,
  ): ValidateFunction {
    const instance = kind === 'params' ? 'params' : 'schemas';
    const cacheKey = `${instance} ${key}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    let fn: ValidateFunction;
    try {
      fn = this.ajv(instance).compile(schema);
    } catch (error) {
      // A discriminator Ajv cannot use (a branch without a const tag): validate the oneOf plainly.
      if (!String(error).includes('discriminator') || !this.discriminator) throw error;
      this.discriminator = false;
      this.instances = {};
      this.cache.clear();
      this.paramFns = new WeakMap();
      this.refFns.request.clear();
      this.refFns.response.clear();
      fn = this.ajv(instance).compile(schema);
    }
    this.cache.set(cacheKey, fn);
    return fn;
  }

  /** Validates and coerces the parameters of one location (path, query or header). */
  validateParams(
    op: OperationSpec,
    where: 'path' | 'query' | 'header',
    values: Record<string, unknown>,
    lang: Lang,
  ): FieldError[] {
    let fn = this.paramFns.get(op)?.[where];
    if (fn === null) return [];
    const params = op.parameters.filter((p) => p.in === where);
    const key = (p: ParameterSpec) => (where === 'header' ? p.name.toLowerCase() : p.name);
    if (fn === undefined) {
      // Built and compiled once per operation and location; later requests only call it.
      let byWhere = this.paramFns.get(op);
      if (!byWhere) {
        byWhere = {};
        this.paramFns.set(op, byWhere);
      }
      if (params.length === 0) {
        byWhere[where] = null;
        return [];
      }
      const schema = {
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [key(p), { $ref: refTo(p.pointer) }])),
        required: params.filter((p) => p.required).map(key),
      };
      fn = this.compile('params', `${op.operationId} ${where}`, schema);
      byWhere[where] = fn;
    }
    if (fn(values)) return [];
    const names = new Map(params.map((p) => [key(p), p.name]));
    return toFieldErrors(fn.errors ?? [], lang, (path) => {
      const [first, ...rest] = path;
      return [`${where}.${names.get(first ?? '') ?? first}`, ...rest].join('.');
    });
  }

  /** Is the parameter an array (so a query takes every repeated value)? */
  isArrayParam(param: ParameterSpec): boolean {
    const known = this.arrayParams.get(param);
    if (known !== undefined) return known;
    const { value } = deref(this.doc, param.schema, param.pointer);
    const type = (value as { type?: unknown } | undefined)?.type;
    const isArray = type === 'array' || (Array.isArray(type) && type.includes('array'));
    this.arrayParams.set(param, isArray);
    return isArray;
  }

  private refFn(kind: 'request' | 'response', pointer: string): ValidateFunction {
    let fn = this.refFns[kind].get(pointer);
    if (!fn) {
      fn = this.compile(kind, pointer, { $ref: refTo(pointer) });
      this.refFns[kind].set(pointer, fn);
    }
    return fn;
  }

  validateBody(pointer: string, body: unknown, lang: Lang): FieldError[] {
    const fn = this.refFn('request', pointer);
    if (fn(body)) return [];
    return toFieldErrors(fn.errors ?? [], lang, (path) => (path.length ? path.join('.') : 'body'));
  }

  /** Validates a response body; returns the messages of what does not conform. */
  validateResponse(pointer: string, body: unknown): string[] {
    const fn = this.refFn('response', pointer);
    if (fn(body)) return [];
    return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  }

  /** Validates any schema of the document (used by factories and the generic handler). */
  validateSchema(pointer: string, value: unknown): boolean {
    return this.refFn('response', pointer)(value);
  }

  /** Compiles every operation's validators now (the server does this after its first answer). */
  warmUp(ops: OperationSpec[]): void {
    for (const op of ops) {
      for (const pointer of Object.values(op.requestBody?.content ?? {})) {
        if (pointer) this.compile('request', pointer, { $ref: refTo(pointer) });
      }
      for (const res of Object.values(op.responses)) {
        for (const pointer of Object.values(res.content)) {
          if (pointer) this.compile('response', pointer, { $ref: refTo(pointer) });
        }
      }
    }
  }
}

const DESCRIPTION_FIELD =
  /(^|\.)(description|uraian|incident|resolution|problem|solution|summary|chronology|action|outcome|result|notes?)$/i;

function pathOf(error: ErrorObject): string[] {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required')
    parts.push(String((error.params as { missingProperty: string }).missingProperty));
  if (error.keyword === 'additionalProperties')
    parts.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return parts;
}

/** Turns Ajv's errors into the contract's `errors[]`: one per field and code, in the user's language. */
export function toFieldErrors(
  errors: ErrorObject[],
  lang: Lang,
  fieldOf: (path: string[]) => string,
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  // The branch errors under a failed oneOf/anyOf say more than the oneOf itself; keep it only alone.
  const hasDeeper = (e: ErrorObject) =>
    errors.some(
      (o) =>
        o !== e &&
        o.instancePath.startsWith(e.instancePath) &&
        o.keyword !== 'oneOf' &&
        o.keyword !== 'anyOf' &&
        o.keyword !== 'if',
    );
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf') && hasDeeper(e)) continue;
    const path = pathOf(e);
    const field = fieldOf(path);
    const params = e.params as Record<string, unknown>;
    let code = e.keyword;
    const vars: Record<string, string | number> = {};
    if ('limit' in params) vars.limit = Number(params.limit);
    if (e.keyword === 'type') vars.type = String(params.type);
    if (e.keyword === 'format') vars.format = String(params.format);
    if (e.keyword === 'enum') vars.values = (params.allowedValues as unknown[]).join(', ');
    if (e.keyword === 'const') vars.values = String(params.allowedValue);
    if (e.keyword === 'discriminator') vars.values = String(params.tagValue ?? '');
    if (e.keyword === 'minLength' && Number(params.limit) >= 50 && DESCRIPTION_FIELD.test(field)) {
      code = 'description-too-short';
      vars.n = typeof e.data === 'string' ? e.data.length : 0;
    }
    if (e.keyword === 'minItems' && /(^|\.)keywords$/i.test(field)) {
      code = 'too-few-keywords';
      vars.n = Array.isArray(e.data) ? e.data.length : 0;
    }
    const k = `${field} ${code}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ field, code, message: fieldMessage(code, lang, vars) });
    if (out.length >= 50) break;
  }
  return out;
}

export type { JsonSchema };

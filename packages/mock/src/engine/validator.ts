import type { ErrorObject, ValidateFunction } from 'ajv';
import { STATIC_VALIDATORS } from '../preload.js';
import { type ParamLocation, paramKey, paramsKey } from './ajv-options.js';
import type { RuntimeCompilerFactory, ValidatorSource } from './ajv-runtime.js';
import { isPrecompiledSpec } from './bundled.js';
import { fieldMessage } from './i18n.js';
import type { FieldError } from './problem.js';
import type { OperationSpec, ParameterSpec } from './spec.js';
import { deref } from './spec.js';
import type { JsonSchema, Lang, OpenApiDocument } from './types.js';

type Precompiled = typeof import('./validators.gen.js');

export interface ParamValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

type Table = Record<string, ValidateFunction>;

/**
 * The validators of the bundled contract, generated ahead of time (Ajv standalone code in
 * validators.gen.ts): no `new Function` at run time, nothing to compile before an answer.
 */
function precompiledSource(precompiled: Precompiled): ValidatorSource {
  let params: Table | undefined;
  let schemas: Table | undefined;
  return {
    params(op, where) {
      params ??= precompiled.paramValidators() as Table;
      const fn = params[paramsKey(op, where)];
      if (fn) return fn;
      if (!op.parameters.some((p) => p.in === where)) return null;
      throw new Error(`No precompiled validator for the ${where} parameters of ${op.operationId}`);
    },
    schema(pointer) {
      schemas ??= precompiled.schemaValidators() as Table;
      const fn = schemas[pointer];
      if (!fn) throw new Error(`No precompiled validator for ${pointer}`);
      return fn;
    },
  };
}

export { isPrecompiledSpec } from './bundled.js';

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

/**
 * Validates requests and responses against the contract's schemas (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses). The bundled contract's validators are precompiled; a custom document's are
 * compiled by Ajv on first use, after `load()` has brought Ajv in (the engine awaits it before
 * its first request; the factories provide the compiler themselves).
 */
export class ContractValidator {
  private source: ValidatorSource | null = null;
  private loading: Promise<void> | null = null;
  private isPrecompiled: boolean | undefined;
  /** Per operation and location: its validator, or null when it has no parameters. */
  private paramFns = new WeakMap<
    OperationSpec,
    Partial<Record<ParamLocation, ValidateFunction | null>>
  >();
  private readonly arrayParams = new WeakMap<ParameterSpec, boolean>();
  /** Validators by pointer: no string key built per request. */
  private readonly refFns = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument) {
    // The library has the precompiled validators at hand: usable at once, synchronously.
    if (STATIC_VALIDATORS && this.precompiled) this.source = precompiledSource(STATIC_VALIDATORS);
  }

  /** Uses the precompiled validators (the document is the bundled contract)? */
  get precompiled(): boolean {
    this.isPrecompiled ??= isPrecompiledSpec(this.doc);
    return this.isPrecompiled;
  }

  /** Can it validate now (its validators' module loaded)? */
  get ready(): boolean {
    return this.source !== null;
  }

  /**
   * Loads the validators (once): the precompiled module for the bundled contract, else Ajv to
   * compile the custom document's schemas on first use. Neither is loaded before it is needed.
   */
  load(): Promise<void> {
    if (this.source) return Promise.resolve();
    this.loading ??= this.precompiled
      ? import('./validators.gen.js').then((m) => {
          this.source ??= precompiledSource(m);
        })
      : import('./ajv-runtime.js').then((m) => this.useRuntimeCompiler(m.createRuntimeCompiler));
    return this.loading;
  }

  /** Gives a custom document its compiler synchronously (the factories import Ajv statically). */
  useRuntimeCompiler(factory: RuntimeCompilerFactory): void {
    if (this.source) return;
    this.source = factory(this.doc, () => {
      this.paramFns = new WeakMap();
      this.refFns.clear();
    });
  }

  private get src(): ValidatorSource {
    if (!this.source)
      throw new Error('The contract validators are not loaded yet: await validator.load() first.');
    return this.source;
  }

  /** Validates and coerces the parameters of one location (path, query or header). */
  validateParams(
    op: OperationSpec,
    where: ParamLocation,
    values: Record<string, unknown>,
    lang: Lang,
  ): FieldError[] {
    let byWhere = this.paramFns.get(op);
    let fn = byWhere?.[where];
    if (fn === null) return [];
    if (fn === undefined) {
      if (!byWhere) {
        byWhere = {};
        this.paramFns.set(op, byWhere);
      }
      // No parameters there: nothing to load or call, now or later.
      fn = op.parameters.some((p) => p.in === where) ? this.src.params(op, where) : null;
      byWhere[where] = fn;
      if (fn === null) return [];
    }
    if (fn(values)) return [];
    const names = new Map(
      op.parameters.filter((p) => p.in === where).map((p) => [paramKey(p, where), p.name]),
    );
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

  private refFn(pointer: string): ValidateFunction {
    let fn = this.refFns.get(pointer);
    if (!fn) {
      fn = this.src.schema(pointer);
      this.refFns.set(pointer, fn);
    }
    return fn;
  }

  validateBody(pointer: string, body: unknown, lang: Lang): FieldError[] {
    const fn = this.refFn(pointer);
    if (fn(body)) return [];
    return toFieldErrors(fn.errors ?? [], lang, (path) => (path.length ? path.join('.') : 'body'));
  }

  /** Validates a response body; returns the messages of what does not conform. */
  validateResponse(pointer: string, body: unknown): string[] {
    const fn = this.refFn(pointer);
    if (fn(body)) return [];
    return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  }

  /** Validates any schema of the document (used by factories and the generic handler). */
  validateSchema(pointer: string, value: unknown): boolean {
    return this.refFn(pointer)(value);
  }

  /** Makes every operation's validators now, so later first requests do not pay for it. */
  warmUp(ops: OperationSpec[]): void {
    for (const op of ops) {
      for (const where of ['path', 'query', 'header'] as const) this.validateParamsFn(op, where);
      for (const pointer of Object.values(op.requestBody?.content ?? {}))
        if (pointer) this.refFn(pointer);
      for (const res of Object.values(op.responses))
        for (const pointer of Object.values(res.content)) if (pointer) this.refFn(pointer);
    }
  }

  private validateParamsFn(op: OperationSpec, where: ParamLocation): void {
    let byWhere = this.paramFns.get(op);
    if (!byWhere) {
      byWhere = {};
      this.paramFns.set(op, byWhere);
    }
    if (byWhere[where] === undefined) byWhere[where] = this.src.params(op, where);
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

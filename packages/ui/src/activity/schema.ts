/**
 * The activity types' JSON Schemas, read from the bundled contract: resolved for rendering
 * (refs followed, `allOf` merged) and compiled with Ajv for validation, so the client checks
 * exactly what the server checks and a new type in the contract gets a working form.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { formatMessage, hasMessage, type Locale, type MessageKey } from '../i18n/messages.js';
import type { FieldError } from '../problem/problem.js';

// ajv and ajv-formats are CommonJS with a `default` property; take whichever the loader gives.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

/** A JSON Schema object (the parts the forms read are typed; the rest is open). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  [keyword: string]: unknown;
}

/** The part of an OpenAPI document this module reads. */
export interface SchemaDocument {
  components?: { schemas?: Record<string, unknown> };
  [key: string]: unknown;
}

/** One activity type: its `type` value, the schema's name and the resolved schema. */
export interface ActivityVariant {
  type: string;
  schemaName: string;
  schema: JsonSchema;
}

const SPEC_ID = 'https://bosv2.local/ui/openapi.json';
const REF_PREFIX = '#/components/schemas/';

function schemaByRef(doc: SchemaDocument, ref: string): JsonSchema {
  if (!ref.startsWith(REF_PREFIX))
    throw new Error(`Only local schema refs are supported, not ${ref}.`);
  const name = decodeURIComponent(ref.slice(REF_PREFIX.length));
  const found = doc.components?.schemas?.[name];
  if (!found) throw new Error(`The contract has no schema ${name}.`);
  return found as JsonSchema;
}

/** Merges `b` into `a` as `allOf` means it: both sets of constraints hold. */
function mergeInto(a: JsonSchema, b: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === 'properties' && a.properties) {
      const properties: Record<string, JsonSchema> = { ...a.properties };
      for (const [name, schema] of Object.entries(value as Record<string, JsonSchema>)) {
        properties[name] = properties[name] ? mergeInto(properties[name], schema) : schema;
      }
      out.properties = properties;
    } else if (key === 'required' && a.required) {
      out.required = [...new Set([...a.required, ...(value as string[])])];
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * A schema with every `$ref` followed and every `allOf` merged into one object, ready to be
 * walked by a form renderer. `oneOf` with `null` (nullable) keeps the non-null branch.
 *
 * @example
 * ```ts
 * resolveSchema(spec, { $ref: '#/components/schemas/Person' }).properties.name; // { type: 'string', minLength: 2, ... }
 * ```
 */
export function resolveSchema(doc: SchemaDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 40) throw new Error('The schema nests too deeply (a reference cycle?).');
  let current: JsonSchema = schema;
  if (current.$ref) {
    const { $ref, ...rest } = current;
    current = mergeInto(resolveSchema(doc, schemaByRef(doc, $ref), depth + 1), rest);
  }
  if (current.allOf) {
    const { allOf, ...rest } = current;
    let merged: JsonSchema = {};
    for (const part of allOf) merged = mergeInto(merged, resolveSchema(doc, part, depth + 1));
    current = mergeInto(merged, rest);
  }
  if (current.oneOf && current.oneOf.length === 2) {
    const nonNull = current.oneOf.filter((branch) => branch.type !== 'null');
    if (nonNull.length === 1 && nonNull[0]) {
      const { oneOf: _, ...rest } = current;
      current = mergeInto(resolveSchema(doc, nonNull[0], depth + 1), rest);
    }
  }
  const out: JsonSchema = { ...current };
  if (current.properties) {
    out.properties = Object.fromEntries(
      Object.entries(current.properties).map(([name, child]) => [
        name,
        resolveSchema(doc, child, depth + 1),
      ]),
    );
  }
  if (current.items) out.items = resolveSchema(doc, current.items, depth + 1);
  return out;
}

/**
 * The variants of the contract's activity union (`ActivityInput`), in the contract's order,
 * each with its `type` (the const on the variant's `type` property).
 *
 * @example
 * ```ts
 * import spec from '@bosv2/contract/openapi.json';
 * activityVariants(spec).map((v) => v.type); // ['DDS_WARGA', 'DDS_TEMPAT_USAHA', ...]
 * ```
 */
export function activityVariants(
  doc: SchemaDocument,
  unionName = 'ActivityInput',
): ActivityVariant[] {
  const cached = variantCache.get(doc)?.get(unionName);
  if (cached) return cached;
  const union = doc.components?.schemas?.[unionName] as JsonSchema | undefined;
  if (!union?.oneOf) throw new Error(`The contract has no union ${unionName} with oneOf.`);
  const variants = union.oneOf.map((branch) => {
    if (!branch.$ref) throw new Error(`${unionName}: every branch must be a $ref.`);
    const schemaName = decodeURIComponent(branch.$ref.slice(REF_PREFIX.length));
    const schema = resolveSchema(doc, branch);
    const type = schema.properties?.type?.const ?? schema.title;
    if (typeof type !== 'string')
      throw new Error(`${schemaName} has no const on its type property.`);
    return { type, schemaName, schema };
  });
  const perDoc = variantCache.get(doc) ?? new Map<string, ActivityVariant[]>();
  perDoc.set(unionName, variants);
  variantCache.set(doc, perDoc);
  return variants;
}

const variantCache = new WeakMap<SchemaDocument, Map<string, ActivityVariant[]>>();

type AjvInstance = InstanceType<typeof Ajv2020>;
const ajvCache = new WeakMap<
  SchemaDocument,
  { ajv: AjvInstance; compiled: Map<string, ValidateFunction> }
>();

/** Ajv's copy of the document: Ajv does not support `discriminator.mapping`, so it goes. */
function withoutMappings(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutMappings);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'discriminator') continue;
    out[key] = withoutMappings(value);
  }
  return out;
}

/** A source of ready-made validators by JSON pointer (e.g. `@bosv2/mock/validators`). */
export type PrecompiledValidators = (pointer: string) => ValidateFunction | undefined;

const precompiledFor = new WeakMap<SchemaDocument, PrecompiledValidators>();

/**
 * Validates `doc`'s schemas with precompiled validators where `lookup` has one, instead of
 * compiling them with Ajv at run time: faster on a slow phone, and no `'unsafe-eval'` in the
 * page's Content-Security-Policy. Give only validators made from this very document.
 *
 * @example
 * // with isBundledContract and precompiledSchemaValidator of `@bosv2/mock/validators`:
 * if (isBundledContract(spec)) registerPrecompiledValidators(spec, precompiledSchemaValidator);
 */
export function registerPrecompiledValidators(
  doc: SchemaDocument,
  lookup: PrecompiledValidators,
): void {
  precompiledFor.set(doc, lookup);
}

function validatorFor(doc: SchemaDocument, schemaName: string): ValidateFunction {
  const ready = precompiledFor.get(doc)?.(`${REF_PREFIX}${schemaName}`);
  if (ready) return ready;
  let entry = ajvCache.get(doc);
  if (!entry) {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      validateSchema: false,
      logger: false,
      verbose: true,
    });
    addFormats(ajv);
    ajv.addSchema({ ...(withoutMappings(doc) as object), $id: SPEC_ID });
    entry = { ajv, compiled: new Map() };
    ajvCache.set(doc, entry);
  }
  let fn = entry.compiled.get(schemaName);
  if (!fn) {
    fn = entry.ajv.compile({ $ref: `${SPEC_ID}${REF_PREFIX}${encodeURIComponent(schemaName)}` });
    entry.compiled.set(schemaName, fn);
  }
  return fn;
}

const DESCRIPTION_FIELD =
  /(^|\.)(description|uraian|incident|resolution|problem|solution|summary|chronology|action|outcome|result|notes?)$/i;
const PHONE = /\(\\\+62\|0\)8/;
const TIME = /\[01\]\[0-9\]\|2\[0-3\]/;
const RT_RW = /^\^\[0-9\]\{1,3\}\$$/;

function pathOf(error: ErrorObject): string {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required')
    parts.push(String((error.params as { missingProperty: string }).missingProperty));
  if (error.keyword === 'additionalProperties') {
    parts.push(String((error.params as { additionalProperty: string }).additionalProperty));
  }
  return parts.join('.');
}

function messageFor(
  code: string,
  params: Record<string, string | number>,
  locale: Locale,
  detail?: string,
): string {
  const specific = detail ? `error.${code}.${detail}` : '';
  const key = (
    specific && hasMessage(specific)
      ? specific
      : hasMessage(`error.${code}`)
        ? `error.${code}`
        : 'error.invalid'
  ) as MessageKey;
  return formatMessage(locale, key, params);
}

/**
 * Turns Ajv's errors into the contract's field errors (`{ field, code, message }`), with the
 * server's codes (`description-too-short`, `too-few-keywords`) and messages in the locale.
 */
export function toFieldErrors(errors: readonly ErrorObject[], locale: Locale): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  // A failed oneOf/anyOf says less than the errors of its branches; keep it only when alone.
  const hasDeeper = (e: ErrorObject) =>
    errors.some(
      (o) =>
        o !== e &&
        o.instancePath.startsWith(e.instancePath) &&
        !['oneOf', 'anyOf', 'if'].includes(o.keyword),
    );
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf') && hasDeeper(e)) continue;
    const field = pathOf(e) || 'body';
    const raw = e.params as Record<string, unknown>;
    let code = e.keyword;
    let detail: string | undefined;
    const params: Record<string, string | number> = {};
    if ('limit' in raw) params.limit = Number(raw.limit);
    if (e.keyword === 'format') detail = String(raw.format);
    if (e.keyword === 'type' && /integer|number/.test(String(raw.type))) detail = 'number';
    if (e.keyword === 'pattern') {
      const pattern = String(raw.pattern);
      detail = PHONE.test(pattern)
        ? 'phone'
        : TIME.test(pattern)
          ? 'time'
          : RT_RW.test(pattern)
            ? 'rtrw'
            : undefined;
    }
    if (e.keyword === 'minLength' && Number(raw.limit) >= 50 && DESCRIPTION_FIELD.test(field)) {
      code = 'description-too-short';
      params.n = typeof e.data === 'string' ? [...e.data].length : 0;
    }
    if (e.keyword === 'minItems' && /(^|\.)keywords$/i.test(field)) {
      code = 'too-few-keywords';
      params.n = Array.isArray(e.data) ? e.data.length : 0;
    }
    const key = `${field} ${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, code, message: messageFor(code, params, locale, detail), params });
  }
  return out;
}

/**
 * Validates an activity against its type's schema in the contract; `[]` means valid. An
 * unknown type is one error on `type`.
 *
 * @example
 * ```ts
 * validateActivity(spec, { type: 'GIAT_DESA', description: 'pendek' }, 'id');
 * // [{ field: 'date', code: 'required', message: 'Wajib diisi.' }, { field: 'description', code: 'description-too-short', ... }, ...]
 * ```
 */
export function validateActivity(
  doc: SchemaDocument,
  input: unknown,
  locale: Locale = 'id',
): FieldError[] {
  const type = (input as { type?: unknown } | null)?.type;
  const variant = activityVariants(doc).find((v) => v.type === type);
  if (!variant) return [{ field: 'type', code: 'enum', message: messageFor('enum', {}, locale) }];
  return validateSchemaByName(doc, variant.schemaName, input, locale);
}

/** Validates any named schema of the contract (`InformationReportInput`, `ReviewInput`, ...). */
export function validateSchemaByName(
  doc: SchemaDocument,
  schemaName: string,
  input: unknown,
  locale: Locale = 'id',
): FieldError[] {
  const fn = validatorFor(doc, schemaName);
  if (fn(input)) return [];
  return toFieldErrors(fn.errors ?? [], locale);
}

/**
 * Removes what a person left empty (`''`, `{}`, `[]`) from optional places, so a field typed
 * into and cleared does not fail its pattern, and a half-opened optional group does not demand
 * its required fields. Required properties stay, so their own errors show.
 */
export function pruneEmpty(value: unknown, schema: JsonSchema | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => pruneEmpty(item, schema?.items));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const required = new Set(schema?.required ?? []);
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const child = pruneEmpty(raw, schema?.properties?.[key]);
    const empty =
      child === undefined ||
      child === '' ||
      (Array.isArray(child) && child.length === 0) ||
      (child !== null &&
        typeof child === 'object' &&
        !Array.isArray(child) &&
        Object.keys(child).length === 0);
    if (empty && !required.has(key)) continue;
    if (child === '' || child === undefined) continue;
    out[key] = child;
  }
  return out;
}

/**
 * A fresh value for a schema: the `const`s set and the required objects present, so the form
 * can show each nested field's error instead of one "details is required".
 */
export function initialValue(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (child.const !== undefined) out[name] = child.const;
    else if (required.has(name) && isObjectSchema(child)) out[name] = initialValue(child);
  }
  return out;
}

/** Is the schema an object (by type or by having properties)? */
export function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === 'object' || (schema.type === undefined && schema.properties !== undefined);
}

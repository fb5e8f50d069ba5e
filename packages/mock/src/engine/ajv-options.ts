// How the contract's schemas become validators: shared by the run-time compiler (ajv-runtime.ts,
// for a custom spec) and scripts/generate.mjs (the precompiled validators of the bundled
// contract, validators.gen.ts). No imports at run time: the generator loads this file with
// TypeScript's transpileModule, so both paths use the same options and the same keys.
import type { OperationSpec, ParameterSpec } from './spec.js';
import type { OpenApiDocument } from './types.js';

export const SPEC_ID = 'https://bosv2.local/openapi.json';

export type ParamLocation = 'path' | 'query' | 'header';
export const PARAM_LOCATIONS: readonly ParamLocation[] = ['path', 'query', 'header'];

/**
 * Ajv's options (JSON Schema 2020-12). Parameters coerce types ("1" → 1, a single query value →
 * an array) and fill in defaults; bodies and responses are validated as they are. Every error
 * is reported (`allErrors`) with its data (`verbose`), which the field errors read.
 */
export function ajvOptions(kind: 'params' | 'schemas', discriminator: boolean) {
  const coerce = kind === 'params';
  return {
    strict: false,
    allErrors: true,
    coerceTypes: coerce ? ('array' as const) : false,
    useDefaults: coerce,
    discriminator,
    validateSchema: false,
    logger: false as const,
    verbose: true,
    unicodeRegExp: true,
    inlineRefs: false,
  };
}

/** Ajv's copy of the document: `discriminator.mapping` is not supported by Ajv, so it goes. */
export function ajvCopy(doc: OpenApiDocument, dropDiscriminator: boolean): OpenApiDocument {
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

/** The absolute `$ref` of a pointer of the document. */
export function refTo(pointer: string): string {
  return SPEC_ID + pointer.replace(/[{}]/g, (c) => encodeURIComponent(c));
}

/** A parameter's property name in its location's object (headers are lower case). */
export function paramKey(p: ParameterSpec, where: ParamLocation): string {
  return where === 'header' ? p.name.toLowerCase() : p.name;
}

/** The parameters of one location as one object schema; null when there are none. */
export function paramsSchema(op: OperationSpec, where: ParamLocation): object | null {
  const params = op.parameters.filter((p) => p.in === where);
  if (params.length === 0) return null;
  return {
    type: 'object',
    properties: Object.fromEntries(
      params.map((p) => [paramKey(p, where), { $ref: refTo(p.pointer) }]),
    ),
    required: params.filter((p) => p.required).map((p) => paramKey(p, where)),
  };
}

/** The key of an operation's parameter validator for one location. */
export function paramsKey(op: OperationSpec, where: ParamLocation): string {
  return `${op.operationId} ${where}`;
}

/**
 * Every pointer a body or response validator is asked for: the named schemas (factories and
 * seeders), the request bodies and the responses of every operation, and the Problem schema.
 */
export function schemaPointers(doc: OpenApiDocument, ops: OperationSpec[]): string[] {
  const out = new Set<string>();
  for (const name of Object.keys(doc.components?.schemas ?? {}))
    out.add(`#/components/schemas/${name}`);
  for (const op of ops) {
    for (const pointer of Object.values(op.requestBody?.content ?? {}))
      if (pointer) out.add(pointer);
    for (const res of Object.values(op.responses))
      for (const pointer of Object.values(res.content)) if (pointer) out.add(pointer);
  }
  return [...out];
}

/**
 * A fingerprint of a document (its length and two 32-bit hashes of its JSON): the precompiled
 * validators are used only for the exact document they were generated from.
 */
export function specFingerprint(doc: unknown): string {
  const text = JSON.stringify(doc);
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${text.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}

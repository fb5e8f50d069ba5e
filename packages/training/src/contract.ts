/**
 * Lets the simulated server check request bodies against the BOS V2 contract, as a real server
 * would: a body the contract refuses is answered with a `validation-failed` problem+json naming
 * each field (decision 0001), in Bahasa Indonesia or English.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Locale } from './types.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** Checks the body of an operation; returns a problem+json body, or `undefined` when valid. */
export type BodyValidator = (
  operationId: string,
  body: unknown,
  locale: Locale,
) => Record<string, unknown> | undefined;

function stripMappings(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) stripMappings(item);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const discriminator = record.discriminator;
    if (discriminator && typeof discriminator === 'object') {
      delete (discriminator as Record<string, unknown>).mapping;
    }
    for (const value of Object.values(record)) stripMappings(value);
  }
}

function fieldOf(error: ErrorObject): string {
  const base = error.instancePath.split('/').filter(Boolean).join('.');
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty ?? '');
    return base ? `${base}.${missing}` : missing;
  }
  return base;
}

function describe(error: ErrorObject, locale: Locale): { code: string; message: string } {
  const p = error.params as Record<string, unknown>;
  const en = locale === 'en';
  switch (error.keyword) {
    case 'required':
      return {
        code: 'required',
        message: en ? 'This field is required.' : 'Isian ini wajib diisi.',
      };
    case 'minLength':
      if (p.limit === 50) {
        return {
          code: 'description-too-short',
          message: en
            ? 'A description needs at least 50 characters.'
            : 'Uraian minimal 50 karakter.',
        };
      }
      return {
        code: 'minLength',
        message: en ? `At least ${p.limit} characters.` : `Minimal ${p.limit} karakter.`,
      };
    case 'minItems':
      if (p.limit === 5) {
        return {
          code: 'too-few-keywords',
          message: en
            ? 'A problem-solving report needs at least 5 keywords.'
            : 'Laporan problem solving memerlukan minimal 5 kata kunci.',
        };
      }
      return {
        code: 'minItems',
        message: en ? `At least ${p.limit} items.` : `Minimal ${p.limit} isian.`,
      };
    case 'enum':
    case 'const':
      return {
        code: 'enum',
        message: en ? 'Not one of the allowed values.' : 'Pilihan tidak dikenal.',
      };
    case 'pattern':
    case 'format':
      return { code: error.keyword, message: en ? 'Wrong format.' : 'Format tidak sesuai.' };
    case 'additionalProperties':
      return {
        code: 'unknown-field',
        message: en
          ? `Unknown field ${String(p.additionalProperty)}.`
          : `Isian ${String(p.additionalProperty)} tidak dikenal.`,
      };
    default:
      return { code: error.keyword, message: error.message ?? (en ? 'Invalid.' : 'Tidak valid.') };
  }
}

/**
 * Builds a {@link BodyValidator} from the bundled contract (`loadSpec()` of `@bosv2/contract`,
 * or `import spec from '@bosv2/contract/openapi.json'` in a browser). Pass it to
 * `createSession(..., { validate })` and the simulated server refuses what the contract refuses.
 *
 * @example
 * ```ts
 * import { loadSpec } from '@bosv2/contract';
 * const validate = createContractValidator(loadSpec());
 * const session = createSession(scenario, 'practice', { validate });
 * ```
 */
export function createContractValidator(document: unknown): BodyValidator {
  const spec = structuredClone(document) as Record<string, unknown>;
  stripMappings(spec);
  const ajv = new Ajv2020({ strict: false, discriminator: true, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('password', true);
  ajv.addSchema(spec, 'contract');
  const refs = new Map<string, string>();
  const paths = (spec.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths)) {
    for (const value of Object.values(item)) {
      const op = value as {
        operationId?: string;
        requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
      };
      const ref = op?.requestBody?.content
        ? Object.values(op.requestBody.content)[0]?.schema?.$ref
        : undefined;
      if (op?.operationId && ref) refs.set(op.operationId, `contract${ref}`);
    }
  }
  return (operationId, body, locale) => {
    const ref = refs.get(operationId);
    if (!ref || body === undefined) return undefined;
    const validate = ajv.getSchema(ref);
    if (!validate || validate(body)) return undefined;
    const seen = new Set<string>();
    const errors: { field: string; code: string; message: string }[] = [];
    for (const error of validate.errors ?? []) {
      if (['oneOf', 'anyOf', 'allOf', 'if', 'discriminator'].includes(error.keyword)) continue;
      const field = fieldOf(error);
      const { code, message } = describe(error, locale);
      const key = `${field}:${code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push({ field, code, message });
    }
    return {
      type: 'urn:bosv2:problem:validation-failed',
      title: locale === 'en' ? 'Invalid data' : 'Data tidak valid',
      status: 400,
      code: 'validation-failed',
      detail:
        locale === 'en'
          ? `${errors.length} field(s) need fixing.`
          : `${errors.length} isian perlu diperbaiki.`,
      errors,
    };
  };
}

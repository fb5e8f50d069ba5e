import { describe, expect, it } from 'vitest';
import { createMockEngine } from '../create.js';
import { loadContractSpec } from '../node/load-spec.js';
import { createFaker } from '../store/seed.js';
import { PARAM_LOCATIONS, schemaPointers } from './ajv-options.js';
import { createRuntimeCompiler } from './ajv-runtime.js';
import { createSampler } from './sampler.js';
import { compileOperations, resolvePointer } from './spec.js';
import type { OpenApiDocument } from './types.js';
import { ContractValidator, isPrecompiledSpec, validatorFor } from './validator.js';
import { paramValidators, schemaValidators } from './validators.gen.js';

const spec = loadContractSpec();
const ops = compileOperations(spec);

/** Runs `fn` with `new Function` refused, as a page whose CSP lacks 'unsafe-eval' would. */
async function withoutCodeGeneration<T>(fn: () => Promise<T> | T): Promise<T> {
  const original = globalThis.Function;
  globalThis.Function = function refused() {
    throw new Error('code generation at run time');
  } as unknown as FunctionConstructor;
  try {
    return await fn();
  } finally {
    globalThis.Function = original;
  }
}

/** A copy of the contract that differs from the bundled one (so it is compiled at run time). */
function customSpec(change: (doc: OpenApiDocument) => void = () => {}): OpenApiDocument {
  const doc = structuredClone(spec);
  doc.info = { ...doc.info, version: `${doc.info.version}-custom` };
  change(doc);
  return doc;
}

/** A value that breaks most schemas: strings become numbers, numbers strings, arrays shrink. */
function spoil(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return depth % 2 ? 42 : '';
  if (typeof value === 'number') return 'x';
  if (Array.isArray(value)) return value.slice(0, 1).map((v) => spoil(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = { unexpected: true };
    const entries = Object.entries(value);
    for (const [i, [k, v]] of entries.entries()) if (i % 2 === 0) out[k] = spoil(v, depth + 1);
    return out;
  }
  return value;
}

describe('the contract validators', () => {
  it('are precompiled for the bundled contract: nothing is compiled at run time', async () => {
    expect(isPrecompiledSpec(spec)).toBe(true);
    await withoutCodeGeneration(async () => {
      const validator = new ContractValidator(spec);
      expect(validator.precompiled).toBe(true);
      expect(validator.ready).toBe(true);
      validator.warmUp(ops);
      const engine = createMockEngine({ spec, validateResponses: 'strict' });
      const get = (path: string, headers: Record<string, string> = {}) =>
        engine.handle({
          method: 'GET',
          pathname: `/api/v2${path.split('?')[0]}`,
          query: new URLSearchParams(path.split('?')[1] ?? ''),
          headers,
          body: null,
        });
      expect((await get('/regions/63.08.05.1002')).response.status).toBe(200);
      expect((await get('/regions?level=DESA&limit=2')).response.status).toBe(200);
      const bad = await get('/regions?limit=zero', { 'accept-language': 'en' });
      expect(bad.response.status).toBe(400);
      expect(JSON.parse(String(bad.response.body)).errors[0].field).toBe('query.limit');
      expect(engine.violations).toEqual([]);
    });
  });

  it('cover every parameter set, request body and response of the contract', () => {
    const params = paramValidators();
    const schemas = schemaValidators();
    for (const op of ops) {
      for (const where of PARAM_LOCATIONS) {
        const has = op.parameters.some((p) => p.in === where);
        expect(Boolean(params[`${op.operationId} ${where}`]), `${op.operationId} ${where}`).toBe(
          has,
        );
      }
    }
    for (const pointer of schemaPointers(spec, ops))
      expect(typeof schemas[pointer], pointer).toBe('function');
  });

  it('judge values exactly as Ajv compiling the contract at run time does', () => {
    const precompiled = schemaValidators();
    const runtime = createRuntimeCompiler(spec, () => {});
    const sampler = createSampler(spec, createFaker(7));
    let invalid = 0;
    for (const pointer of schemaPointers(spec, ops)) {
      const schema = resolvePointer(spec, pointer);
      const sample = sampler.sample(schema as object, { optionalRate: 0.5 });
      for (const value of [sample, spoil(sample), null, {}]) {
        const a = precompiled[pointer] as NonNullable<(typeof precompiled)[string]>;
        const b = runtime.schema(pointer);
        const okA = a(value);
        const errorsA = a.errors?.map((e) => `${e.instancePath} ${e.keyword} ${e.message}`);
        const okB = b(value);
        const errorsB = b.errors?.map((e) => `${e.instancePath} ${e.keyword} ${e.message}`);
        expect(okA, pointer).toBe(okB);
        expect(errorsA, pointer).toEqual(errorsB);
        if (!okA) invalid++;
      }
    }
    expect(invalid).toBeGreaterThan(100);
  });

  it('coerce parameters and fill in their defaults, as at run time', () => {
    const op = ops.find((o) => o.operationId === 'listRegions');
    if (!op) throw new Error('listRegions is missing from the contract');
    const fn = paramValidators()['listRegions query'];
    const values: Record<string, unknown> = { limit: '5' };
    expect(fn?.(values)).toBe(true);
    expect(values.limit).toBe(5);
    const runtime = createRuntimeCompiler(spec, () => {}).params(op, 'query');
    const again: Record<string, unknown> = { limit: '5' };
    expect(runtime?.(again)).toBe(true);
    expect(again).toEqual(values);
  });

  it('compile a custom contract with Ajv, loaded on first use', async () => {
    const doc = customSpec();
    const validator = validatorFor(doc);
    expect(validator.precompiled).toBe(false);
    expect(validator.ready).toBe(false);
    expect(() => validator.validateSchema('#/components/schemas/Region', {})).toThrow(/load/);
    await validator.load();
    expect(validator.ready).toBe(true);
    expect(validator.validateSchema('#/components/schemas/Region', {})).toBe(false);
    const engine = createMockEngine({ spec: doc, validateResponses: 'strict' });
    const res = await engine.handle({
      method: 'GET',
      pathname: '/api/v2/regions/63.08.05.1002',
      query: new URLSearchParams(),
      headers: {},
      body: null,
    });
    expect(res.response.status).toBe(200);
    expect(engine.violations).toEqual([]);
  });
});

describe('problem titles', () => {
  const notFound = async (doc: OpenApiDocument, lang: string) => {
    const engine = createMockEngine({ spec: doc });
    const res = await engine.handle({
      method: 'GET',
      pathname: '/api/v2/no-such-thing',
      query: new URLSearchParams(),
      headers: { 'accept-language': lang },
      body: null,
    });
    return JSON.parse(String(res.response.body)).title as string;
  };

  it('come from the contract’s x-problem-types', async () => {
    const doc = customSpec((d) => {
      const types = d['x-problem-types'] as Record<string, { title: { id: string; en: string } }>;
      (types['not-found'] as { title: { id: string; en: string } }).title = {
        id: 'Tidak ada di kontrak',
        en: 'Not in the contract',
      };
    });
    expect(await notFound(doc, 'id')).toBe('Tidak ada di kontrak');
    expect(await notFound(doc, 'en')).toBe('Not in the contract');
  });

  it('fall back to the built-in titles for a contract without them', async () => {
    const doc = customSpec((d) => {
      delete d['x-problem-types'];
    });
    expect(await notFound(doc, 'id')).toBe('Tidak ditemukan');
    expect(await notFound(doc, 'en')).toBe('Not found');
  });
});

describe('the factories', () => {
  it('build valid values of a custom contract at once (Ajv at hand)', async () => {
    const { createFactories } = await import('../factories.js');
    const doc = customSpec();
    const make = createFactories({ spec: doc, seed: 3 });
    const region = make.build('Region');
    expect(make.isValid('Region', region)).toBe(true);
    expect(make.isValid('Region', { code: 1 })).toBe(false);
  });
});

// The engine as the CLI builds it: nothing loaded up front (preload.lazy.ts stands in for
// preload.ts there), faker, the store and the validators loaded after the first answer.
import { describe, expect, it, vi } from 'vitest';
import { createMockEngine } from '../create.js';
import { loadContractSpec } from '../node/load-spec.js';
import { fakerLoaded } from '../store/seed.js';
import type { MockRequest } from './types.js';

vi.mock('../preload.js', () => ({ STATIC_FAKER: null, STATIC_VALIDATORS: null }));

const spec = loadContractSpec();
const get = (path: string, headers: Record<string, string> = {}): MockRequest => ({
  method: 'GET',
  pathname: `/api/v2${path}`,
  query: new URLSearchParams(),
  headers,
  body: null,
});

describe('the engine without its modules loaded up front (the CLI)', () => {
  it('answers the health check before loading faker, the store or the validators', async () => {
    const engine = createMockEngine({ spec, validateResponses: 'warn' });
    expect(fakerLoaded()).toBe(false);
    expect(engine.validator.ready).toBe(false);
    const health = await engine.handle(get('/health'));
    expect(health.response.status).toBe(200);
    expect(fakerLoaded()).toBe(false);
    expect(engine.validator.ready).toBe(false);
    // Loading starts once the answer is out; the check of the answer follows.
    await engine.prepare();
    await engine.settled();
    expect(fakerLoaded()).toBe(true);
    expect(engine.validator.ready).toBe(true);
    expect(engine.violations).toEqual([]);
  });

  it('loads what it needs before any other request', async () => {
    const engine = createMockEngine({ spec, validateResponses: 'strict' });
    const region = await engine.handle(get('/regions/63.08.05.1002'));
    expect(region.response.status).toBe(200);
    expect(JSON.parse(String(region.response.body)).name).toBe('Murung Sari');
    const me = await engine.handle(get('/me', { authorization: 'Bearer at_unknown' }));
    expect(me.response.status).toBe(401);
    expect(engine.violations).toEqual([]);
  });

  it('checks answers in warn mode after sending them', async () => {
    const engine = createMockEngine({
      spec,
      validateResponses: 'warn',
      handlers: { getHealth: () => ({ status: 200, body: { status: 'asleep' } }) },
    });
    const res = await engine.handle(get('/health'));
    expect(res.response.status).toBe(200);
    expect(JSON.parse(String(res.response.body))).toEqual({ status: 'asleep' });
    expect(engine.violations).toEqual([]);
    await engine.settled();
    expect(engine.violations).toHaveLength(1);
    expect(engine.violations[0]?.problems.join(' ')).toMatch(/version|status/);
  });
});

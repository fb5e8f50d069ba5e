import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestMock, type TestMock } from '../test-utils.js';
import { FaultInjector, FaultSyntaxError, parseFaults, sampleDist } from './faults.js';
import { createPrng } from './prng.js';

describe('the fault grammar', () => {
  it('reads every fault kind', () => {
    expect(
      parseFaults(
        'latency=300; latency=normal(200,50); latency=100-400; offline@0.25; drop-after-write; 5xx-burst=3/502; 429=10; slow-body=64/100; truncate; 5xx=504',
      ),
    ).toEqual([
      { name: 'latency', dist: { kind: 'fixed', ms: 300 }, p: 1 },
      { name: 'latency', dist: { kind: 'normal', mean: 200, sd: 50 }, p: 1 },
      { name: 'latency', dist: { kind: 'uniform', min: 100, max: 400 }, p: 1 },
      { name: 'offline', p: 0.25 },
      { name: 'drop-after-write', p: 1 },
      { name: '5xx-burst', count: 3, status: 502, p: 1 },
      { name: '429', retryAfter: 10, p: 1 },
      { name: 'slow-body', chunkBytes: 64, intervalMs: 100, p: 1 },
      { name: 'truncate', p: 1 },
      { name: '5xx', status: 504, p: 1 },
    ]);
  });

  it('refuses what it does not know', () => {
    for (const bad of ['earthquake', 'latency=soon', '5xx=418', 'offline@2', '5xx-burst=many']) {
      expect(() => parseFaults(bad), bad).toThrow(FaultSyntaxError);
    }
  });

  it('draws the same faults and delays for the same seed, and others for another seed', () => {
    const run = (seed: number) => {
      const f = new FaultInjector(createPrng(seed));
      return Array.from({ length: 50 }, () => {
        const d = f.decide('GET', '/health', 'latency=normal(200,50); 5xx@0.3');
        return `${d.latencyMs}:${d.status5xx}`;
      });
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
    const delays = Array.from({ length: 2000 }, () =>
      sampleDist({ kind: 'normal', mean: 200, sd: 50 }, createPrng(7)),
    );
    expect(new Set(delays).size).toBe(1);
  });
});

describe('faults over HTTP', () => {
  let t: TestMock;
  beforeAll(async () => {
    t = await startTestMock();
  });
  afterEach(async () => {
    t.expectConformance();
    await fetch(`${t.mock.origin}/__mock/faults`, { method: 'DELETE' });
  });
  afterAll(() => t.close());

  const fault = (value: string) => ({ headers: { 'x-mock-fault': value } });

  it('adds latency', async () => {
    const started = performance.now();
    expect((await t.call('GET', '/health', fault('latency=250'))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('fails like a network error when offline', async () => {
    await expect(t.call('GET', '/health', fault('offline'))).rejects.toThrow();
    expect((await t.call('GET', '/health')).status).toBe(200);
  });

  it('stores the write and then drops the connection (drop-after-write)', async () => {
    const token = await t.login('citizen');
    const body = {
      title: 'Lampu jalan padam',
      category: 'LAINNYA',
      description:
        'Lampu jalan di gang RT 03 padam sejak seminggu dan gang menjadi gelap gulita pada malam hari.',
      location: { desaCode: '63.08.05.1002' },
    };
    const headers = { 'x-mock-fault': 'drop-after-write', 'idempotency-key': 'drop-1' };
    await expect(t.call('POST', '/citizen-reports', { token, body, headers })).rejects.toThrow();
    // The retry with the same key gets the stored answer: nothing was lost, nothing doubled.
    const retry = await t.call('POST', '/citizen-reports', {
      token,
      body,
      headers: { 'idempotency-key': 'drop-1' },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers a burst of 5xx, then recovers', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.call('GET', '/health', fault('5xx-burst=2'))).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it('answers 429 with Retry-After', async () => {
    const res = await t.call('GET', '/health', fault('429=7'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body.code).toBe('rate-limited');
  });

  it('sends a slow body in chunks, and can cut it halfway', async () => {
    const started = performance.now();
    const slow = await t.call('GET', '/regions?limit=5', fault('slow-body=100/30'));
    expect(slow.body.items).toHaveLength(5);
    expect(performance.now() - started).toBeGreaterThan(60);
    await expect(t.call('GET', '/regions?limit=5', fault('truncate'))).rejects.toThrow();
  });

  it('refuses a fault it cannot read with 400 on header.X-Mock-Fault', async () => {
    const res = await t.call('GET', '/health', fault('meteor'));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('header.X-Mock-Fault');
  });

  it('applies server-wide faults from the admin API to matching paths only', async () => {
    const set = await fetch(`${t.mock.origin}/__mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: '5xx=500', pathPrefix: '/regions' }),
    });
    expect(set.status).toBe(200);
    expect((await t.call('GET', '/regions')).status).toBe(500);
    expect((await t.call('GET', '/health')).status).toBe(200);
    await fetch(`${t.mock.origin}/__mock/faults`, { method: 'DELETE' });
    expect((await t.call('GET', '/regions')).status).toBe(200);
  });
});

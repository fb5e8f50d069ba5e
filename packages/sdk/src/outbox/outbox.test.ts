import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem } from '../../fixtures/fake-fetch.js';
import type { operations as ReportTypes } from '../../fixtures/reports.gen.js';
import { operations as reportOps } from '../../fixtures/reports-operations.gen.js';
import { createClientFor } from '../client.js';
import { memoryStorage } from './memory.js';
import { createOutbox, type OnlineSignal, type OutboxSnapshot } from './outbox.js';

const body = (n: number) => ({
  type: 'SAMBANG' as const,
  date: '2026-11-20',
  description: `Sambang ke rumah warga nomor ${n}, membahas keamanan lingkungan RT 03.`,
});

function setup(handler: Parameters<typeof fakeFetch>[0], timeoutMs?: number) {
  const f = fakeFetch(handler);
  const client = createClientFor<typeof reportOps, ReportTypes>(reportOps, {
    baseUrl: 'http://127.0.0.1:4010/api/v2',
    fetch: f.fetch,
    ...(timeoutMs && { timeoutMs }),
  });
  return { ...f, client };
}

function manualOnline(initial: boolean): OnlineSignal & { set(v: boolean): void } {
  let online = initial;
  const listeners = new Set<(v: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(v) {
      online = v;
      for (const l of listeners) l(v);
    },
  };
}

const created = async (req: Request) => json(201, { ...(await req.json()), id: 'srv-1' });

describe('outbox', () => {
  it('returns a stored, queued entry at once, before the network answers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { client } = setup(async (req) => {
      await gate;
      return created(req);
    });
    const storage = memoryStorage();
    const outbox = createOutbox({ client, storage });
    const entry = await outbox.enqueue(client.activities.create, { body: body(1) });
    expect(entry).toMatchObject({ state: 'queued', operationId: 'createActivity', attempts: 0 });
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await storage.load()).map((e) => e.id)).toEqual([entry.id]);
    release();
    await outbox.flush();
    expect(outbox.getSnapshot()).toMatchObject({ pending: 0, failed: 0 });
    outbox.stop();
  });

  it('sends in order with the stored Idempotency-Key and reports every state change', async () => {
    const { client, calls } = setup(created);
    let t = 1000;
    const outbox = createOutbox({ client, now: () => t++ });
    const seen: OutboxSnapshot[] = [];
    outbox.subscribe((s) => seen.push(s));
    const a = await outbox.enqueue(client.activities.create, { body: body(1) });
    const b = await outbox.enqueue('createActivity', { body: body(2) });
    await outbox.flush();
    expect(calls.map((c) => JSON.parse(c.body).description)).toEqual([
      body(1).description,
      body(2).description,
    ]);
    expect(calls.map((c) => c.headers.get('idempotency-key'))).toEqual([
      a.idempotencyKey,
      b.idempotencyKey,
    ]);
    const states = seen.map((s) => s.entries.find((e) => e.id === a.id)?.state);
    expect(states).toContain('sending');
    const last = outbox.getSnapshot();
    expect(last.entries.map((e) => e.state)).toEqual(['sent', 'sent']);
    expect(last.entries[0]?.result).toMatchObject({ id: 'srv-1' });
    expect(last.lastSuccessfulSync).toBeGreaterThan(1000);
    expect(seen[0]).toMatchObject({ pending: 0, lastSuccessfulSync: null });
    outbox.stop();
  });

  it('marks a write the server refuses (4xx) as failed with the reason, and goes on', async () => {
    let n = 0;
    const { client } = setup(async (req) =>
      n++ === 0
        ? problem(422, 'outside-assigned-area', { title: 'Di luar lokasi penugasan' })
        : created(req),
    );
    const outbox = createOutbox({ client });
    const bad = await outbox.enqueue(client.activities.create, { body: body(1) });
    await outbox.enqueue(client.activities.create, { body: body(2) });
    await outbox.flush();
    const [first, second] = outbox.getSnapshot().entries;
    expect(first).toMatchObject({ state: 'failed', error: { name: 'ApiError', status: 422 } });
    expect(first?.error?.problem?.code).toBe('outside-assigned-area');
    expect(second?.state).toBe('sent');
    expect(outbox.getSnapshot()).toMatchObject({ pending: 0, failed: 1 });

    await outbox.retry(bad.id, { body: body(3) });
    await outbox.flush();
    const again = outbox.getSnapshot().entries[0];
    expect(again?.state).toBe('sent');
    expect(again?.idempotencyKey).not.toBe(bad.idempotencyKey);
    await outbox.remove(bad.id);
    expect(outbox.getSnapshot().entries).toHaveLength(1);
    outbox.stop();
  });

  it('keeps a write queued with backoff on 5xx, honouring Retry-After', async () => {
    const { client, calls } = setup(() =>
      json(503, { code: 'service-unavailable' }, { 'retry-after': '30' }),
    );
    const t = 1_000_000;
    const outbox = createOutbox({
      client,
      now: () => t,
      backoff: { baseMs: 1000, random: () => 0.5 },
    });
    await outbox.enqueue(client.activities.create, { body: body(1) });
    await outbox.flush();
    const [entry] = outbox.getSnapshot().entries;
    expect(entry).toMatchObject({ state: 'queued', attempts: 1, error: { status: 503 } });
    expect(entry?.nextAttemptAt).toBe(t + 30_000);
    await outbox.flush();
    expect(calls).toHaveLength(1);
    outbox.stop();
  });

  it('treats a timeout as unknown: queued again, same key, no second report', async () => {
    let n = 0;
    const { client, calls } = setup(
      (req) =>
        n++ === 0
          ? new Promise((_, reject) =>
              req.signal.addEventListener('abort', () => reject(req.signal.reason)),
            )
          : created(req),
      20,
    );
    const outbox = createOutbox({ client, backoff: { baseMs: 0 } });
    await outbox.enqueue(client.activities.create, { body: body(1) });
    await outbox.flush();
    expect(outbox.getSnapshot().entries[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(calls[0]?.headers.get('idempotency-key')).toBe(calls[1]?.headers.get('idempotency-key'));
    outbox.stop();
  });

  it('waits while offline and flushes when the network is back', async () => {
    const { client, calls } = setup(created);
    const online = manualOnline(false);
    const outbox = createOutbox({ client, online });
    await outbox.enqueue(client.activities.create, { body: body(1) });
    await outbox.flush();
    expect(calls).toHaveLength(0);
    expect(outbox.getSnapshot()).toMatchObject({ pending: 1, online: false });
    online.set(true);
    await new Promise((r) => setTimeout(r, 0));
    await outbox.flush();
    expect(calls).toHaveLength(1);
    expect(outbox.getSnapshot()).toMatchObject({ pending: 0, online: true });
    outbox.stop();
  });

  it('resends an entry left in sending by a crash, with its Idempotency-Key', async () => {
    const storage = memoryStorage();
    await storage.put({
      id: 'local-1',
      seq: 1,
      operationId: 'createActivity',
      input: { body: body(1) },
      idempotencyKey: 'key-1',
      state: 'sending',
      attempts: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    const { client, calls } = setup(created);
    const outbox = createOutbox({ client, storage });
    await outbox.start();
    await outbox.flush();
    expect(calls.map((c) => c.headers.get('idempotency-key'))).toEqual(['key-1']);
    expect((await storage.load())[0]).toMatchObject({ state: 'sent', attempts: 2 });
    outbox.stop();
  });

  it('flushes on start what an earlier run left queued', async () => {
    const storage = memoryStorage();
    const first = createOutbox({
      client: setup(created).client,
      storage,
      online: manualOnline(false),
    });
    await first.enqueue('createActivity', { body: body(1) });
    first.stop();
    const { client, calls } = setup(created);
    const second = createOutbox({ client, storage });
    await second.start();
    await second.flush();
    expect(calls).toHaveLength(1);
    second.stop();
  });

  it('keeps only the last retainSent sent entries', async () => {
    const { client } = setup(created);
    const storage = memoryStorage();
    const outbox = createOutbox({ client, storage, retainSent: 2 });
    for (const n of [1, 2, 3, 4]) await outbox.enqueue(client.activities.create, { body: body(n) });
    await outbox.flush();
    const kept = await storage.load();
    expect(kept.map((e) => (e.input.body as { description: string }).description)).toEqual([
      body(3).description,
      body(4).description,
    ]);
    outbox.stop();
  });
});

describe('outbox storage failures', () => {
  it('does not send an entry whose sending state could not be stored, and tries again later', async () => {
    const inner = memoryStorage();
    let failNext = false;
    const storage = {
      ...inner,
      put: async (e: Parameters<typeof inner.put>[0]) => {
        if (failNext && e.state === 'sending') {
          failNext = false;
          throw new Error('QuotaExceededError');
        }
        return inner.put(e);
      },
    };
    const { client, calls } = setup(created);
    const outbox = createOutbox({ client, storage, online: manualOnline(false) });
    await outbox.enqueue(client.activities.create, { body: body(1) });
    failNext = true;
    const online = manualOnline(true);
    const second = createOutbox({ client, storage, online });
    await second.start().catch(() => {});
    await second.flush().catch((e: Error) => expect(e.message).toBe('QuotaExceededError'));
    expect(calls).toHaveLength(0);
    expect(second.getSnapshot().entries[0]?.state).toBe('queued');
    await second.flush();
    expect(calls).toHaveLength(1);
    expect(second.getSnapshot().entries[0]?.state).toBe('sent');
    outbox.stop();
    second.stop();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { operations as ReportTypes } from '../../fixtures/reports.gen.js';
import { operations as reportOps } from '../../fixtures/reports-operations.gen.js';
import { createClientFor } from '../client.js';
import { memoryStorage } from './memory.js';
import { createOutbox, type OutboxStorage } from './outbox.js';

/**
 * What happens to one request on its way:
 * - ok: the server stores it and answers;
 * - dropBefore / dropAfter: the connection drops before / after the server stored the write;
 * - error5xx: the server fails without storing; error5xxAfter: it stores, then fails;
 * - timeoutBefore / timeoutAfter: no answer in time, the write not stored / stored;
 * - crashBefore / crashAfter: the app process dies mid-send, before / after the server stored it.
 */
const FAULTS = [
  'ok',
  'dropBefore',
  'dropAfter',
  'error5xx',
  'error5xxAfter',
  'timeoutBefore',
  'timeoutAfter',
  'crashBefore',
  'crashAfter',
] as const;
type Fault = (typeof FAULTS)[number];

/** A server that honours Idempotency-Key as the contract says: a repeat gets the first answer. */
function fakeServer() {
  const stored = new Map<string, { body: string; id: string }>();
  const reports: { id: string; body: unknown }[] = [];
  return {
    reports,
    store(key: string, body: string): Response {
      let first = stored.get(key);
      if (first && first.body !== body) {
        return Response.json({ code: 'idempotency-key-reused', status: 409 }, { status: 409 });
      }
      if (!first) {
        first = { body, id: `srv-${reports.length + 1}` };
        stored.set(key, first);
        reports.push({ id: first.id, body: JSON.parse(body) });
      }
      return Response.json({ ...JSON.parse(body), id: first.id, status: 'DRAFT' }, { status: 201 });
    },
  };
}

const never = <T>() => new Promise<T>(() => {});

interface Life {
  dead: boolean;
  crashed: () => void;
}

/** Storage as one process sees it: after its crash, its writes never reach the disk. */
function processView(disk: OutboxStorage, life: Life): OutboxStorage {
  return {
    load: () => (life.dead ? never() : disk.load()),
    put: (e) => (life.dead ? never() : disk.put(e)),
    delete: (id) => (life.dead ? never() : disk.delete(id)),
  };
}

const describeReport = (n: number) => `report ${n} `.padEnd(50, '.');

async function run(reportBatches: number[], schedule: Fault[]) {
  const server = fakeServer();
  const disk = memoryStorage();
  const faults = [...schedule];
  // The user enters report n in batch reportBatches[n]; a batch starts when the app starts and
  // each time the outbox has drained.
  let waiting = reportBatches.map((batch, n) => ({ batch, n }));
  let batch = 0;
  const acknowledged = new Set<string>();

  while (true) {
    let onCrash!: () => void;
    const crash = new Promise<'crash'>((resolve) => {
      onCrash = () => resolve('crash');
    });
    const life: Life = { dead: false, crashed: onCrash };
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      if (life.dead) return never();
      const request = input instanceof Request ? input : new Request(input, init);
      const key = request.headers.get('idempotency-key') ?? '';
      const body = await request.text();
      if (life.dead) return never();
      const fault = faults.shift() ?? 'ok';
      const storeIt = () => server.store(key, body);
      // A timeout as fetch reports it with `AbortSignal.timeout()`. (Waiting for ky's real
      // timer costs ~10 ms a time; outbox.test.ts covers the real timer.)
      const hang = () =>
        Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'));
      switch (fault) {
        case 'ok':
          return storeIt();
        case 'dropBefore':
          throw new TypeError('fetch failed');
        case 'dropAfter':
          storeIt();
          throw new TypeError('fetch failed');
        case 'error5xx':
          return Response.json({ code: 'server-error', status: 503 }, { status: 503 });
        case 'error5xxAfter':
          storeIt();
          return Response.json({ code: 'server-error', status: 500 }, { status: 500 });
        case 'timeoutBefore':
          return hang();
        case 'timeoutAfter':
          storeIt();
          return hang();
        case 'crashBefore':
        case 'crashAfter':
          if (fault === 'crashAfter') storeIt();
          life.dead = true;
          life.crashed();
          return never();
      }
    };
    const client = createClientFor<typeof reportOps, ReportTypes>(reportOps, {
      baseUrl: 'http://127.0.0.1:1/api/v2',
      fetch: fetch as typeof globalThis.fetch,
      timeoutMs: 1000,
    });
    const outbox = createOutbox({
      client,
      storage: processView(disk, life),
      backoff: { baseMs: 0 },
      online: { isOnline: () => true, subscribe: () => () => {} },
    });
    const work = (async () => {
      await outbox.start();
      while (true) {
        const now = waiting.filter((r) => r.batch <= batch);
        waiting = waiting.filter((r) => r.batch > batch);
        for (const r of now) {
          await outbox.enqueue(client.activities.create, {
            body: { type: 'SAMBANG', date: '2026-11-20', description: describeReport(r.n) },
          });
          if (!life.dead) acknowledged.add(describeReport(r.n));
        }
        for (let i = 0; outbox.getSnapshot().pending > 0; i++) {
          if (i > 200) throw new Error('the outbox stopped making progress');
          await outbox.flush();
        }
        if (!waiting.length) return 'done' as const;
        batch++;
      }
    })();
    const outcome = await Promise.race([work, crash]);
    if (outcome === 'done') {
      outbox.stop();
      return { server, entries: await disk.load(), acknowledged };
    }
    // The process died. Reports whose enqueue never reached the disk were never confirmed to
    // the user, who enters them again after the restart.
    const onDisk = new Set(
      (await disk.load()).map((e) => (e.input.body as { description: string }).description),
    );
    for (let n = 0; n < reportBatches.length; n++) {
      const d = describeReport(n);
      if (!onDisk.has(d) && !waiting.some((r) => r.n === n)) waiting.push({ batch, n });
    }
    batch++;
  }
}

describe('outbox under faults', () => {
  it('delivers every enqueued report exactly once, whatever the network and the process do', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.constantFrom(...FAULTS), { maxLength: 14 }),
        async (reportLives, schedule) => {
          const { server, entries, acknowledged } = await run(reportLives, schedule);
          const descriptions = server.reports.map(
            (r) => (r.body as { description: string }).description,
          );
          const count = reportLives.length;
          // Every report is on the server, once; nothing is lost and nothing doubled.
          expect(new Set(descriptions).size).toBe(descriptions.length);
          expect(descriptions.sort()).toEqual(reportLives.map((_, n) => describeReport(n)).sort());
          for (const d of acknowledged) expect(descriptions).toContain(d);
          expect(entries).toHaveLength(count);
          for (const e of entries) {
            expect(e.state).toBe('sent');
            expect(server.reports.some((r) => r.id === (e.result as { id: string }).id)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);
});

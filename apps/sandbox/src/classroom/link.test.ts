import { memoryStorage } from '@bosv2/sdk/outbox';
import { buildStatement, getScenario, VERBS, type XapiStatement } from '@bosv2/training';
import { describe, expect, test } from 'vitest';
import type { ClassroomHandoff } from './handoff.js';
import { ClassroomLink, type EventSourceLike } from './link.js';

const scenario = getScenario('dds-warga.clean');
if (!scenario) throw new Error('dds-warga.clean is missing from @bosv2/training');

const handoff: ClassroomHandoff = {
  token: 'trainee-token',
  traineeId: 't-1',
  name: 'Bripka Contoh',
  sessionId: 's-1',
  modules: ['dds-warga'],
  eventsUrl: '/api/classroom/trainee/events',
};

let n = 0;
function statement(): XapiStatement {
  n += 1;
  return buildStatement({
    id: `6f1c1f4e-7a55-4f5e-9d2b-${String(n).padStart(12, '0')}`,
    actor: { objectType: 'Agent', name: 'x', account: { homePage: 'urn:x', name: 'x' } },
    verb: VERBS.progressed,
    scenario: scenario as NonNullable<typeof scenario>,
    mode: 'guided',
    registration: 'reg-1',
    locale: 'id',
    timestamp: Date.parse('2026-11-28T02:00:00Z'),
  });
}

/** The classroom server's events endpoint as far as the link can tell: ids stored once. */
function fakeServer() {
  const stored = new Map<string, unknown>();
  const requests: { url: string; auth: string | null; count: number }[] = [];
  let mode: 'up' | 'down' | 'drop-after-write' = 'up';
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (mode === 'down') throw new TypeError('Failed to fetch');
    const body = (await request.json()) as { events: { id: string }[] };
    requests.push({
      url: request.url,
      auth: request.headers.get('authorization'),
      count: body.events.length,
    });
    let accepted = 0;
    for (const e of body.events) {
      if (!stored.has(e.id)) {
        stored.set(e.id, e);
        accepted += 1;
      }
    }
    if (mode === 'drop-after-write') {
      mode = 'up';
      throw new TypeError('connection reset');
    }
    return Response.json({ accepted, duplicates: body.events.length - accepted });
  }) as typeof fetch;
  return {
    stored,
    requests,
    fetch: fetchFn,
    set: (m: typeof mode) => {
      mode = m;
    },
  };
}

function onlineSignal() {
  let online = true;
  const listeners = new Set<(o: boolean) => void>();
  return {
    isOnline: () => online,
    subscribe(l: (o: boolean) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(value: boolean) {
      online = value;
      for (const l of listeners) l(value);
    },
  };
}

const settle = async (link: ClassroomLink) => {
  for (let i = 0; i < 200 && link.status().pending > 0; i += 1) {
    await link.outbox.flush();
    await new Promise((r) => setTimeout(r, 5));
  }
};

const make = (server: ReturnType<typeof fakeServer>, extra = {}) =>
  new ClassroomLink({
    handoff,
    origin: 'http://127.0.0.1:4010',
    storage: memoryStorage(),
    fetch: server.fetch,
    backoff: { baseMs: 1, maxMs: 2 },
    ...extra,
  });

describe('the classroom link', () => {
  test('posts records with the trainee’s token to the session’s events address', async () => {
    const server = fakeServer();
    const link = make(server);
    await link.start();
    await link.send([statement(), statement()]);
    await settle(link);
    expect(server.stored.size).toBe(2);
    expect(server.requests[0]).toEqual({
      url: 'http://127.0.0.1:4010/api/classroom/trainee/events',
      auth: 'Bearer trainee-token',
      count: 2,
    });
    expect(link.status()).toMatchObject({ pending: 0, failed: 0, name: 'Bripka Contoh' });
    link.stop();
  });

  test('keeps records while offline and delivers each once when the network is back', async () => {
    const server = fakeServer();
    const online = onlineSignal();
    const link = make(server, { online });
    await link.start();
    online.set(false);
    const first = [statement(), statement(), statement()];
    await link.send(first);
    await link.send([...first, statement()]); // the same records again: not queued twice
    expect(link.status().pending).toBe(2);
    expect(server.requests).toHaveLength(0);
    online.set(true);
    await settle(link);
    expect(server.stored.size).toBe(4);
    expect(server.requests.reduce((sum, r) => sum + r.count, 0)).toBe(4);
    link.stop();
  });

  test('a connection dropped after the server stored the records loses and doubles nothing', async () => {
    const server = fakeServer();
    const link = make(server);
    await link.start();
    server.set('drop-after-write');
    await link.send([statement(), statement()]);
    await settle(link);
    expect(server.requests.length).toBeGreaterThanOrEqual(2); // sent again after the drop
    expect(server.stored.size).toBe(2);
    expect(link.status().pending).toBe(0);
    link.stop();
  });

  test('sends large batches in requests of at most 100 records', async () => {
    const server = fakeServer();
    const link = make(server);
    await link.start();
    await link.send(Array.from({ length: 230 }, statement));
    await settle(link);
    expect(server.requests.map((r) => r.count)).toEqual([100, 100, 30]);
    expect(server.stored.size).toBe(230);
    link.stop();
  });

  test('hears the trainer’s drill and the session’s closing from the stream', async () => {
    const server = fakeServer();
    const listeners = new Map<string, (e: { data?: unknown }) => void>();
    let opened = '';
    const stream: EventSourceLike = {
      addEventListener: (type, l) => void listeners.set(type, l),
      close: () => {},
    };
    const link = make(server, {
      openStream: (url: string) => {
        opened = url;
        return stream;
      },
    });
    const drills: string[] = [];
    link.onDrill((d) => drills.push(d));
    await link.start();
    expect(opened).toBe('http://127.0.0.1:4010/api/classroom/trainee/stream');
    const state = listeners.get('state');
    state?.({ data: JSON.stringify({ status: 'OPEN', drill: 'OFFLINE' }) });
    state?.({ data: 'not json' });
    state?.({ data: JSON.stringify({ status: 'CLOSED', drill: 'NONE' }) });
    expect(drills).toEqual(['NONE', 'OFFLINE', 'NONE']);
    expect(link.status()).toMatchObject({ drill: 'NONE', sessionStatus: 'CLOSED' });
    link.stop();
  });
});

// @vitest-environment node
// (happy-dom drops the If-Match header the assigned-area set-up needs.)

import { indexedDbStorage } from '@bosv2/sdk/outbox/indexeddb';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SimulatedNetwork } from './network.js';
import { SandboxRuntime } from './runtime.js';
import { memoryStateStore, type StateStore } from './state-store.js';

const activity = {
  type: 'GIAT_DESA',
  date: '2026-11-20',
  time: '09:30',
  location: { desaCode: '63.08.05.1002', rt: '03', rw: '02' },
  description:
    'Gotong royong membersihkan saluran air di RT 03 bersama 25 warga; disampaikan pesan kamtibmas tentang ronda malam.',
  details: {
    eventName: 'Gotong royong',
    attendance: 25,
    messages: 'Hidupkan lagi ronda malam di RT 03.',
  },
};

/** localStorage stand-in: the session survives the simulated reload, as in the browser. */
function webStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function runtime(
  idb: IDBFactory,
  state: StateStore,
  device: () => boolean = () => true,
  session = webStorage(),
) {
  return new SandboxRuntime({
    sessionStorage: session,
    seed: 7,
    origin: 'http://127.0.0.1:4173',
    outboxStorage: indexedDbStorage({ indexedDB: idb, name: 'outbox' }),
    stateStore: state,
    network: new SimulatedNetwork(device),
  });
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('SandboxRuntime', () => {
  it('delivers a report sent with no signal exactly once, after a reload, when the signal returns', async () => {
    const idb = new IDBFactory();
    const state = memoryStateStore();
    let signal = true;
    const session = webStorage();
    const first = runtime(idb, state, () => signal, session);
    await first.start();
    await first.loginAs('bhabinkamtibmas');
    const before = first.recordIds('activities').length;
    signal = false;
    await first.outbox.enqueue('createActivity', { body: activity });
    await first.outbox.flush();
    expect(first.outbox.getSnapshot().pending).toBe(1);
    expect(first.recordIds('activities')).toHaveLength(before);
    await first.saved();
    first.outbox.stop();

    // The page reloads while still offline: the server's state and the outbox come back.
    const second = runtime(idb, state, () => signal, session);
    await second.start();
    expect(second.outbox.getSnapshot().pending).toBe(1);
    signal = true;
    await second.outbox.flush();
    await until(() => second.outbox.getSnapshot().pending === 0);
    expect(second.outbox.getSnapshot().entries.map((e) => e.state)).toEqual(['sent']);
    expect(second.recordIds('activities')).toHaveLength(before + 1);
    await second.outbox.flush();
    expect(second.recordIds('activities')).toHaveLength(before + 1);
    second.outbox.stop();
  });

  it('saves only the collections in use, and a reload finds the same world', async () => {
    const idb = new IDBFactory();
    const state = memoryStateStore();
    const session = webStorage();
    const first = runtime(idb, state, () => true, session);
    await first.start();
    await first.beginAttempt('bhabinkamtibmas', '63.08.05.1002');
    await first.outbox.enqueue('createActivity', { body: activity });
    await first.outbox.flush();
    await until(() => first.outbox.getSnapshot().pending === 0);
    await first.saved();
    const saved = await state.load();
    first.outbox.stop();
    // Every collection, seeded now on the page that stays open.
    const names = Object.keys(first.mock.engine.snapshot().collections);
    expect(Object.keys(saved?.collections ?? {}).length).toBeLessThan(names.length);
    expect(Object.keys(saved?.collections ?? {})).toContain('activities');

    const second = runtime(idb, state, () => true, session);
    await second.start();
    for (const name of names) expect(second.recordIds(name)).toEqual(first.recordIds(name));
    second.outbox.stop();
  });

  it('starts from the seeded world when the saved state is damaged', async () => {
    const state = memoryStateStore();
    await state.save({ format: 'bosv2-mock-state@1', seed: 7 } as never);
    const app = runtime(new IDBFactory(), state);
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      await app.start();
    } finally {
      console.warn = warn;
    }
    expect(warnings).toHaveLength(1);
    await app.loginAs('bhabinkamtibmas');
    expect(app.recordIds('activities').length).toBeGreaterThan(0);
    app.outbox.stop();
  });

  it('keeps a report in the outbox while the server fails, and delivers it once after', async () => {
    const app = runtime(new IDBFactory(), memoryStateStore());
    await app.start();
    await app.loginAs('bhabinkamtibmas');
    const before = app.recordIds('activities').length;
    app.applyDrill('server-error');
    await app.outbox.enqueue('createActivity', { body: activity });
    await app.outbox.flush();
    const [entry] = app.outbox.getSnapshot().entries;
    expect(entry?.state).not.toBe('sent');
    expect(app.recordIds('activities')).toHaveLength(before);
    app.applyDrill('normal');
    await app.outbox.retry(entry?.id ?? '').catch(() => undefined);
    await app.outbox.flush();
    await until(() => app.outbox.getSnapshot().pending === 0, 15_000);
    expect(app.recordIds('activities')).toHaveLength(before + 1);
    app.outbox.stop();
  }, 20_000);

  it('starts clean after a reset', async () => {
    const state = memoryStateStore();
    const app = runtime(new IDBFactory(), state);
    await app.start();
    await app.loginAs('bhabinkamtibmas');
    const before = app.recordIds('activities').length;
    await app.client.activities.create({ body: activity } as never);
    expect(app.recordIds('activities')).toHaveLength(before + 1);
    await app.reset();
    expect(app.recordIds('activities')).toHaveLength(before);
    expect(await state.load()).toBeUndefined();
    app.outbox.stop();
  });
});

describe('armed faults', () => {
  it('apply to the next write only: a dropped answer is stored once and replayed, not duplicated', async () => {
    const app = runtime(new IDBFactory(), memoryStateStore());
    await app.start();
    await app.loginAs('bhabinkamtibmas');
    const before = app.recordCount();
    app.armFault('drop-after-write');
    await app.outbox.enqueue('createActivity', { body: activity });
    await app.outbox.flush();
    expect(app.recordCount()).toBe(before + 1);
    expect(app.outbox.getSnapshot().entries[0]?.state).not.toBe('sent');
    await app.outbox.retry(app.outbox.getSnapshot().entries[0]?.id ?? '').catch(() => undefined);
    await app.outbox.flush();
    await until(() => app.outbox.getSnapshot().entries[0]?.state === 'sent', 15_000);
    expect(app.recordCount()).toBe(before + 1);
    app.outbox.stop();
  }, 20_000);
});

describe('beginAttempt', () => {
  it('signs in as an officer who may report from the scenario’s desa', async () => {
    const app = runtime(new IDBFactory(), memoryStateStore());
    await app.start();
    const inPolsek = { ...activity, location: { desaCode: '63.08.05.1003' } };
    const elsewhere = { ...activity, location: { desaCode: '63.08.01.2003' } };
    await app.beginAttempt('bhabinkamtibmas');
    await expect(app.client.activities.create({ body: inPolsek } as never)).rejects.toMatchObject({
      status: 422,
    });
    await app.beginAttempt('bhabinkamtibmas', '63.08.05.1003');
    await expect(app.client.activities.create({ body: inPolsek } as never)).resolves.toMatchObject({
      type: 'GIAT_DESA',
    });
    await app.beginAttempt('bhabinkamtibmas', '63.08.01.2003');
    await expect(app.client.activities.create({ body: elsewhere } as never)).resolves.toMatchObject(
      { type: 'GIAT_DESA' },
    );
    app.outbox.stop();
  });

  it('prepares an attempt while a drill is on, and the drill applies again afterwards', async () => {
    // The trainee can switch a drill on before the runtime (started in the background) is up.
    const app = runtime(new IDBFactory(), memoryStateStore());
    app.network.drill = 'server-error';
    await app.start();
    await app.beginAttempt('bhabinkamtibmas', '63.08.05.1003');
    expect(await app.client.session.get()).toBeTruthy();
    const inPolsek = { ...activity, location: { desaCode: '63.08.05.1003' } };
    await expect(app.client.activities.create({ body: inPolsek } as never)).rejects.toMatchObject({
      status: 503,
    });
    app.applyDrill('normal');
    await expect(app.client.activities.create({ body: inPolsek } as never)).resolves.toMatchObject({
      type: 'GIAT_DESA',
    });
    app.outbox.stop();
  });

  it('starts each attempt from the seeded world, but never while reports wait in the outbox', async () => {
    let signal = true;
    const app = runtime(new IDBFactory(), memoryStateStore(), () => signal);
    await app.start();
    await app.beginAttempt('bhabinkamtibmas');
    const seeded = app.recordCount();
    await app.client.activities.create({ body: activity } as never);
    await app.beginAttempt('bhabinkamtibmas');
    expect(app.recordCount()).toBe(seeded);
    signal = false;
    await app.outbox.enqueue('createActivity', { body: activity });
    await app.beginAttempt('bhabinkamtibmas');
    expect(app.outbox.getSnapshot().pending).toBe(1);
    signal = true;
    await app.outbox.flush();
    await until(() => app.outbox.getSnapshot().pending === 0);
    expect(app.recordCount()).toBe(seeded + 1);
    app.outbox.stop();
  });
});

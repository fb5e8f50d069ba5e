import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openProgressDb, requestPersistence } from './db.js';
import { attempt } from './fixtures.js';

describe('progress database', () => {
  it('keeps attempts across a close and reopen, in the order they finished', async () => {
    const factory = new IDBFactory();
    const first = await openProgressDb(factory);
    const late = attempt({ finishedAt: '2026-11-28T05:00:00.000Z' });
    const early = attempt({ finishedAt: '2026-11-28T02:00:00.000Z' });
    await first.addAttempts([late, early]);
    first.close();
    const again = await openProgressDb(factory);
    expect((await again.listAttempts()).map((a) => a.id)).toEqual([early.id, late.id]);
  });

  it('adds an imported attempt only once', async () => {
    const db = await openProgressDb(new IDBFactory());
    const one = attempt();
    expect(await db.addAttempts([one])).toBe(1);
    expect(await db.addAttempts([one, attempt()])).toBe(1);
    expect(await db.listAttempts()).toHaveLength(2);
  });

  it('stores named values and clears attempts without touching them', async () => {
    const db = await openProgressDb(new IDBFactory());
    await db.setValue('traineeName', 'Bripka Test');
    await db.addAttempts([attempt()]);
    await db.clearAttempts();
    expect(await db.listAttempts()).toEqual([]);
    expect(await db.getValue('traineeName')).toBe('Bripka Test');
  });
});

describe('requestPersistence', () => {
  it('reports what the browser granted', async () => {
    const storage = (persisted: boolean, persist: boolean) => ({
      persisted: async () => persisted,
      persist: async () => persist,
    });
    expect(await requestPersistence(storage(true, false))).toBe('granted');
    expect(await requestPersistence(storage(false, true))).toBe('granted');
    expect(await requestPersistence(storage(false, false))).toBe('denied');
    expect(await requestPersistence(undefined)).toBe('unsupported');
  });
});

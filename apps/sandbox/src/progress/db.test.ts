import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openProgressDb, requestPersistence } from './db.js';
import { attempt, statement } from './fixtures.js';

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

describe('learning records', () => {
  it('keeps each statement once, oldest first, and clears them with the attempts', async () => {
    const db = await openProgressDb(new IDBFactory());
    const late = statement({ timestamp: '2026-11-28T05:00:00.000Z' });
    const early = statement({ timestamp: '2026-11-28T01:00:00.000Z' });
    expect(await db.addStatements([late, early])).toBe(2);
    expect(await db.addStatements([late])).toBe(0);
    expect((await db.listStatements()).map((s) => s.id)).toEqual([early.id, late.id]);
    await db.clearAttempts();
    expect(await db.listStatements()).toEqual([]);
  });

  it('moves the statements a version 1 database kept as values into their own store', async () => {
    const factory = new IDBFactory();
    const old = factory.open('latihan-bos-v2', 1);
    old.onupgradeneeded = () => {
      old.result.createObjectStore('attempts', { keyPath: 'id' });
      old.result.createObjectStore('values');
    };
    await new Promise((resolve) => {
      old.onsuccess = resolve;
    });
    const kept = [statement(), statement()];
    const tx = old.result.transaction('values', 'readwrite');
    tx.objectStore('values').put(kept, 'xapi:registration-1');
    tx.objectStore('values').put('Bripka Test', 'traineeName');
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    old.result.close();
    const db = await openProgressDb(factory);
    expect((await db.listStatements()).map((s) => s.id).sort()).toEqual(
      kept.map((s) => s.id).sort(),
    );
    expect(await db.getValue('xapi:registration-1')).toBeUndefined();
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

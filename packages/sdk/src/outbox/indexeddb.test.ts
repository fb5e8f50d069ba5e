import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStorage } from './indexeddb.js';
import type { OutboxEntry } from './outbox.js';

const entry = (id: string, state: OutboxEntry['state'] = 'queued'): OutboxEntry => ({
  id,
  seq: Number(id),
  operationId: 'uploadAttachment',
  input: { body: { kind: 'PHOTO', file: new Blob(['jpeg bytes'], { type: 'image/jpeg' }) } },
  idempotencyKey: `key-${id}`,
  state,
  attempts: 0,
  createdAt: 1,
  updatedAt: 1,
});

describe('indexedDbStorage', () => {
  it('keeps entries, Blobs included, for the next page load', async () => {
    const indexedDB = new IDBFactory();
    const a = indexedDbStorage({ indexedDB });
    await a.put(entry('1'));
    await a.put(entry('2'));
    await a.put({ ...entry('1'), state: 'sent' });
    await a.delete('2');
    const b = indexedDbStorage({ indexedDB });
    const [loaded, ...rest] = await b.load();
    expect(rest).toEqual([]);
    expect(loaded?.state).toBe('sent');
    const file = (loaded?.input.body as { file: Blob } | undefined)?.file;
    expect(await file?.text()).toBe('jpeg bytes');
  });

  it('keeps outboxes with different names apart', async () => {
    const indexedDB = new IDBFactory();
    await indexedDbStorage({ indexedDB, name: 'a' }).put(entry('1'));
    expect(await indexedDbStorage({ indexedDB, name: 'b' }).load()).toEqual([]);
  });
});

import type { OutboxEntry, OutboxStorage } from './outbox.js';

const STORE = 'entries';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Keeps entries in IndexedDB (browsers): survives reloads and crashes, and stores Blobs, so
 * photo uploads can wait in the outbox too. A write resolves when its transaction commits.
 *
 * @example
 * import { indexedDbStorage } from '@bosv2/sdk/outbox/indexeddb';
 * const outbox = createOutbox({ client, storage: indexedDbStorage() });
 */
export function indexedDbStorage(
  options: { name?: string; indexedDB?: IDBFactory } = {},
): OutboxStorage {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  let db: Promise<IDBDatabase> | undefined;

  const open = () => {
    db ??= new Promise((resolve, reject) => {
      const request = factory.open(options.name ?? 'bosv2-outbox', 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return db;
  };

  async function tx(mode: IDBTransactionMode, run: (store: IDBObjectStore) => void) {
    const t = (await open()).transaction(STORE, mode, { durability: 'strict' });
    run(t.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  }

  return {
    async load() {
      const t = (await open()).transaction(STORE, 'readonly');
      return done(t.objectStore(STORE).getAll() as IDBRequest<OutboxEntry[]>);
    },
    put: (entry) => tx('readwrite', (s) => s.put(entry)),
    delete: (id) => tx('readwrite', (s) => s.delete(id)),
  };
}

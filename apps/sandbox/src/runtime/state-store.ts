import type { StoreState } from '@bosv2/mock';

/** Where the simulated server's state is kept between reloads. */
export interface StateStore {
  load(): Promise<StoreState | undefined>;
  save(state: StoreState): Promise<void>;
  clear(): Promise<void>;
}

/** Keeps the state in memory (tests). */
export function memoryStateStore(): StateStore {
  let state: StoreState | undefined;
  return {
    load: async () => (state ? structuredClone(state) : undefined),
    save: async (next) => {
      state = structuredClone(next);
    },
    clear: async () => {
      state = undefined;
    },
  };
}

/** Keeps the state in IndexedDB, so a reload (even offline) finds the same simulated server. */
export function indexedDbStateStore(
  factory: IDBFactory = globalThis.indexedDB,
  name = 'latihan-bos-v2-server',
): StateStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () => {
    db ??= new Promise((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('state');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return db;
  };
  const run = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T>,
  ) => {
    const tx = (await open()).transaction('state', mode);
    const request = work(tx.objectStore('state'));
    return new Promise<T>((resolve, reject) => {
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
  return {
    load: () =>
      run('readonly', (store) => store.get('current') as IDBRequest<StoreState | undefined>),
    save: async (state) => {
      await run('readwrite', (store) => store.put(state, 'current'));
    },
    clear: async () => {
      await run('readwrite', (store) => store.delete('current'));
    },
  };
}

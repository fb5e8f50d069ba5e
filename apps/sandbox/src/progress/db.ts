import type { Attempt, XapiStatement } from './types.js';

// Progress on the device, in IndexedDB (it survives reloads and offline days; localStorage is
// too small and synchronous). Three stores: attempts by id, learning records (xAPI statements)
// by id, and a few named values.

const DB_NAME = 'latihan-bos-v2';
const VERSION = 2;

export interface ProgressDb {
  addAttempts(attempts: Attempt[]): Promise<number>;
  listAttempts(): Promise<Attempt[]>;
  clearAttempts(): Promise<void>;
  addStatements(statements: XapiStatement[]): Promise<number>;
  listStatements(): Promise<XapiStatement[]>;
  getValue<T>(key: string): Promise<T | undefined>;
  setValue(key: string, value: unknown): Promise<void>;
  close(): void;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/**
 * Opens the progress database.
 *
 * @example
 * const db = await openProgressDb();
 * await db.addAttempts([attempt]);
 */
export async function openProgressDb(
  factory: IDBFactory = indexedDB,
  name = DB_NAME,
): Promise<ProgressDb> {
  const open = factory.open(name, VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('attempts'))
      db.createObjectStore('attempts', { keyPath: 'id' });
    const values = db.objectStoreNames.contains('values')
      ? open.transaction?.objectStore('values')
      : db.createObjectStore('values');
    if (!db.objectStoreNames.contains('statements')) {
      const statements = db.createObjectStore('statements', { keyPath: 'id' });
      // Version 1 kept each attempt's statements as a value `xapi:<registration>`.
      const cursor = values?.openCursor();
      if (cursor) {
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          if (String(at.key).startsWith('xapi:') && Array.isArray(at.value)) {
            for (const statement of at.value as XapiStatement[]) statements.put(statement);
            at.delete();
          }
          at.continue();
        };
      }
    }
  };
  const db = await promised(open);
  return {
    /** Adds attempts not stored yet (by id); answers how many were new. */
    async addAttempts(attempts) {
      const tx = db.transaction('attempts', 'readwrite');
      const store = tx.objectStore('attempts');
      let added = 0;
      for (const attempt of attempts) {
        const existing = await promised(store.getKey(attempt.id));
        if (existing === undefined) {
          store.put(attempt);
          added += 1;
        }
      }
      await done(tx);
      return added;
    },
    async listAttempts() {
      const tx = db.transaction('attempts', 'readonly');
      const all = (await promised(tx.objectStore('attempts').getAll())) as Attempt[];
      return all.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
    },
    /** Clears the attempts and their learning records. */
    async clearAttempts() {
      const tx = db.transaction(['attempts', 'statements'], 'readwrite');
      tx.objectStore('attempts').clear();
      tx.objectStore('statements').clear();
      await done(tx);
    },
    /** Adds statements not stored yet (by id); answers how many were new. */
    async addStatements(statements) {
      const tx = db.transaction('statements', 'readwrite');
      const store = tx.objectStore('statements');
      let added = 0;
      for (const statement of statements) {
        if ((await promised(store.getKey(statement.id))) === undefined) {
          store.put(statement);
          added += 1;
        }
      }
      await done(tx);
      return added;
    },
    async listStatements() {
      const tx = db.transaction('statements', 'readonly');
      const all = (await promised(tx.objectStore('statements').getAll())) as XapiStatement[];
      return all.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    },
    async getValue<T>(key: string) {
      const tx = db.transaction('values', 'readonly');
      return (await promised(tx.objectStore('values').get(key))) as T | undefined;
    },
    async setValue(key, value) {
      const tx = db.transaction('values', 'readwrite');
      tx.objectStore('values').put(value, key);
      await done(tx);
    },
    close: () => db.close(),
  };
}

export type PersistState = 'granted' | 'denied' | 'unsupported';

/**
 * Asks the browser not to evict the progress (`navigator.storage.persist()`); when it says no,
 * the progress page offers a file export instead.
 */
export async function requestPersistence(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<PersistState> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

import type { OutboxEntry, OutboxStorage } from './outbox.js';

/**
 * Keeps entries in memory: fast, but gone when the page or process ends. For tests and for
 * writes that may be lost. Entries are copied on the way in and out, like a real store.
 *
 * @example
 * const outbox = createOutbox({ client, storage: memoryStorage() });
 */
export function memoryStorage(): OutboxStorage {
  const data = new Map<string, OutboxEntry>();
  return {
    load: async () => [...data.values()].map((e) => structuredClone(e)),
    put: async (entry) => {
      data.set(entry.id, structuredClone(entry));
    },
    delete: async (id) => {
      data.delete(id);
    },
  };
}

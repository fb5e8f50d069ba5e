import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OutboxEntry, OutboxStorage } from './outbox.js';

/**
 * Keeps entries in one JSON file (Node). Every change rewrites the file atomically: write a
 * temporary file, fsync it, rename it over the old one; a crash leaves the old or the new file,
 * never half of one. Bodies must be JSON (no Blobs; use IndexedDB in browsers for files).
 *
 * @example
 * import { fileStorage } from '@bosv2/sdk/outbox/file';
 * const outbox = createOutbox({ client, storage: fileStorage('./.bosv2/outbox.json') });
 */
export function fileStorage(path: string, options: { fsync?: boolean } = {}): OutboxStorage {
  const fsync = options.fsync ?? true;
  let entries: Map<string, OutboxEntry> | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let n = 0;

  async function read(): Promise<Map<string, OutboxEntry>> {
    if (!entries) {
      let list: OutboxEntry[] = [];
      try {
        list = JSON.parse(await readFile(path, 'utf8')).entries;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      entries = new Map(list.map((e) => [e.id, e]));
    }
    return entries;
  }

  // Writes run one after another, each over the latest state.
  const write = (change: (m: Map<string, OutboxEntry>) => void): Promise<void> => {
    const next = chain.then(async () => {
      const m = await read();
      change(m);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.${++n}.tmp`;
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(JSON.stringify({ version: 1, entries: [...m.values()] }));
        if (fsync) await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
    });
    chain = next.catch(() => {});
    return next;
  };

  return {
    load: async () => {
      await chain;
      return [...(await read()).values()].map((e) => structuredClone(e));
    },
    put: (entry) => write((m) => m.set(entry.id, structuredClone(entry))),
    delete: (id) =>
      write((m) => {
        m.delete(id);
      }),
  };
}

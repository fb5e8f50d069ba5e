import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileStorage } from './file.js';
import type { OutboxEntry } from './outbox.js';

const entry = (id: string, state: OutboxEntry['state'] = 'queued'): OutboxEntry => ({
  id,
  seq: 1,
  operationId: 'createActivity',
  input: { body: { description: `laporan ${id}` } },
  idempotencyKey: `key-${id}`,
  state,
  attempts: 0,
  createdAt: 1,
  updatedAt: 1,
});

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempFile() {
  const dir = await mkdtemp(join(tmpdir(), 'bosv2-outbox-'));
  dirs.push(dir);
  return { dir, path: join(dir, 'nested', 'outbox.json') };
}

describe('fileStorage', () => {
  it('keeps entries across instances, as after a restart', async () => {
    const { path } = await tempFile();
    const a = fileStorage(path);
    await a.put(entry('1'));
    await a.put(entry('2'));
    await a.put({ ...entry('1'), state: 'sending' });
    await a.delete('2');
    const b = fileStorage(path);
    expect(await b.load()).toEqual([{ ...entry('1'), state: 'sending' }]);
  });

  it('starts empty when the file does not exist yet', async () => {
    const { path } = await tempFile();
    expect(await fileStorage(path).load()).toEqual([]);
  });

  it('replaces the file atomically and leaves no temporary files', async () => {
    const { path } = await tempFile();
    const s = fileStorage(path, { fsync: false });
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.put(entry(String(i)))));
    const names = await readdir(join(path, '..'));
    expect(names).toEqual(['outbox.json']);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved.entries).toHaveLength(20);
  });

  it('refuses to start over a corrupt file rather than losing entries', async () => {
    const { path } = await tempFile();
    const s = fileStorage(path);
    await s.put(entry('1'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, '{"entries": [');
    await expect(fileStorage(path).load()).rejects.toThrow(SyntaxError);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Hub } from './hub.js';
import { SqliteRepository } from './store/sqlite.js';
import type { StoredEvent } from './store/types.js';

describe('the board cache', () => {
  let dir: string;
  let repo: SqliteRepository;
  let hub: Hub;
  let n = 0;
  const ev = (receivedAt: string): StoredEvent => ({
    id: `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`,
    sessionId: 's1',
    traineeId: 'a',
    verb: 'answered',
    module: 'dds-warga',
    scenario: null,
    scoreScaled: null,
    success: null,
    completion: null,
    mistakes: ['description'],
    occurredAt: receivedAt,
    receivedAt,
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bosv2-hub-'));
    repo = new SqliteRepository(join(dir, 'x.sqlite'));
    await repo.migrate();
    await repo.createTrainer({
      id: 't',
      username: 'u',
      displayName: 'd',
      passwordHash: 'h',
      createdAt: 'x',
    });
    await repo.createSession({
      id: 's1',
      trainerId: 't',
      kind: 'training',
      name: 'n',
      place: 'p',
      date: '2026-11-28',
      modules: ['dds-warga'],
      joinCode: 'ABCDEF',
      joinCodeExpiresAt: '2099-01-01T00:00:00.000Z',
      createdAt: '2026-11-28T00:00:00.000Z',
    });
    await repo.addTrainee({
      id: 'a',
      sessionId: 's1',
      name: 'Budi',
      tokenHash: 'h',
      joinedAt: '2026-11-28T00:00:00.000Z',
    });
    hub = new Hub(repo, { stuckAfterMinutes: 5, refreshMs: 60_000, debounceMs: 10 });
  });

  afterEach(async () => {
    hub.close();
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the events received since the last read, once each', async () => {
    await repo.ingestEvents([ev('2026-11-28T01:00:00.000Z')]);
    expect((await hub.board('s1'))?.totals.events).toBe(1);
    await repo.ingestEvents([ev('2026-11-28T01:00:05.000Z'), ev('2026-11-28T01:00:06.000Z')]);
    const board = await hub.board('s1');
    expect(board?.totals.events).toBe(3);
    expect(board?.totals.mistakes).toEqual({ description: 3 });
    expect((await hub.board('s1'))?.totals.events).toBe(3);
  });

  it('reads everything again for an export, catching events stamped long before the last read', async () => {
    await repo.ingestEvents([ev('2026-11-28T01:00:00.000Z')]);
    await hub.board('s1');
    await repo.ingestEvents([ev('2026-11-28T00:30:00.000Z')]);
    expect((await hub.board('s1'))?.totals.events).toBe(1);
    expect((await hub.board('s1', { fresh: true }))?.totals.events).toBe(2);
  });
});

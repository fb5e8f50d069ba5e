import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../security.js';
import { TEST_STORES } from '../testing/databases.js';
import { openRepository } from './index.js';
import type { Repository, StoredEvent } from './types.js';

describe.each(TEST_STORES)('the $name store', (store) => {
  let repo: Repository;
  let dispose: () => Promise<void>;
  let currentDataDir: string;
  let currentDatabaseUrl: string | undefined;

  beforeEach(async () => {
    const made = await store.create();
    dispose = made.dispose;
    currentDataDir = made.dataDir;
    currentDatabaseUrl = made.databaseUrl;
    repo = await openRepository({ dataDir: made.dataDir, databaseUrl: made.databaseUrl });
  });

  afterEach(async () => {
    await repo.close();
    await dispose();
  });

  const trainer = () => ({
    id: randomUUID(),
    username: `pelatih-${randomUUID().slice(0, 8)}`,
    displayName: 'Aiptu Rahmat',
    passwordHash: '$argon2id$fake',
    createdAt: '2026-11-28T01:00:00.000Z',
  });

  async function session(trainerId: string, code = 'ABC234') {
    return repo.createSession({
      id: randomUUID(),
      trainerId,
      kind: 'training',
      name: 'Pelatihan BOS V2',
      place: 'Aula Polres HSU',
      date: '2026-11-28',
      modules: ['dds-warga', 'deteksi-dini'],
      joinCode: code,
      joinCodeExpiresAt: '2026-11-28T09:00:00.000Z',
      createdAt: '2026-11-28T01:00:00.000Z',
    });
  }

  const event = (sessionId: string, traineeId: string, over: Partial<StoredEvent> = {}) => ({
    id: randomUUID(),
    sessionId,
    traineeId,
    verb: 'completed',
    module: 'dds-warga',
    scenario: 'dds-warga-1',
    scoreScaled: 0.85,
    success: true,
    completion: true,
    mistakes: ['description'],
    occurredAt: '2026-11-28T02:00:00.000Z',
    receivedAt: '2026-11-28T02:00:01.000Z',
    ...over,
  });

  it('runs its migrations once, and again finds nothing to do', async () => {
    expect(await repo.migrate()).toBe(0);
    expect(await repo.countTrainers()).toBe(0);
  });

  it('keeps usernames unique', async () => {
    const t = trainer();
    expect(await repo.createTrainer(t)).toBe('created');
    expect(await repo.createTrainer({ ...t, id: randomUUID() })).toBe('username-taken');
    expect(await repo.countTrainers()).toBe(1);
    expect((await repo.findTrainerByUsername(t.username))?.passwordHash).toBe(t.passwordHash);
    expect(await repo.findTrainerById(t.id)).toEqual({
      id: t.id,
      username: t.username,
      displayName: t.displayName,
      createdAt: t.createdAt,
    });
  });

  it('finds a login session only before it expires, and not after logout', async () => {
    const t = trainer();
    await repo.createTrainer(t);
    await repo.createAuthSession('hash-1', t.id, '2026-11-28T10:00:00.000Z');
    expect((await repo.findAuthSession('hash-1', '2026-11-28T09:59:59.000Z'))?.id).toBe(t.id);
    expect(await repo.findAuthSession('hash-1', '2026-11-28T10:00:01.000Z')).toBeUndefined();
    await repo.deleteAuthSession('hash-1');
    expect(await repo.findAuthSession('hash-1', '2026-11-28T09:00:00.000Z')).toBeUndefined();
  });

  it('changes a password and ends that trainer’s login sessions', async () => {
    const t = trainer();
    await repo.createTrainer(t);
    await repo.createAuthSession('hash-1', t.id, '2026-11-28T10:00:00.000Z');
    expect(await repo.setPasswordHash(t.username, '$argon2id$new')).toBe(true);
    expect((await repo.findTrainerByUsername(t.username))?.passwordHash).toBe('$argon2id$new');
    expect(await repo.findAuthSession('hash-1', '2026-11-28T09:00:00.000Z')).toBeUndefined();
    expect(await repo.setPasswordHash('nobody', 'x')).toBe(false);
  });

  it('creates a session, finds it by join code, changes drills and closes it', async () => {
    const t = trainer();
    await repo.createTrainer(t);
    const s = await session(t.id);
    expect(s).toMatchObject({
      status: 'OPEN',
      drill: 'NONE',
      date: '2026-11-28',
      modules: ['dds-warga', 'deteksi-dini'],
      joinCode: 'ABC234',
      joinCodeExpiresAt: '2026-11-28T09:00:00.000Z',
    });
    expect((await repo.findSessionByJoinCode('ABC234'))?.id).toBe(s.id);
    expect((await repo.listSessions(t.id)).map((x) => x.id)).toEqual([s.id]);
    expect((await repo.setDrill(s.id, 'OFFLINE', '2026-11-28T03:00:00.000Z'))?.drill).toBe(
      'OFFLINE',
    );
    const renewed = await repo.setJoinCode(s.id, 'XYZ789', '2026-11-28T12:00:00.000Z');
    expect(renewed?.joinCode).toBe('XYZ789');
    expect(await repo.findSessionByJoinCode('ABC234')).toBeUndefined();
    const closed = await repo.closeSession(s.id, '2026-11-28T04:00:00.000Z');
    expect(closed).toMatchObject({
      status: 'CLOSED',
      joinCode: null,
      drill: 'NONE',
      closedAt: '2026-11-28T04:00:00.000Z',
    });
    expect((await repo.setDrill(s.id, 'SLOW', '2026-11-28T05:00:00.000Z'))?.drill).toBe('NONE');
  });

  it('stores each event id once, however often it is delivered', async () => {
    const t = trainer();
    await repo.createTrainer(t);
    const s = await session(t.id);
    await repo.addTrainee({
      id: 'trainee-1',
      sessionId: s.id,
      name: 'Budi',
      tokenHash: 'tok-1',
      joinedAt: '2026-11-28T01:30:00.000Z',
    });
    expect((await repo.findTraineeByToken('tok-1'))?.name).toBe('Budi');
    const first = event(s.id, 'trainee-1');
    const second = event(s.id, 'trainee-1', {
      occurredAt: '2026-11-28T02:05:00.000Z',
      success: null,
      completion: false,
      scoreScaled: null,
      mistakes: [],
      scenario: null,
    });
    expect(await repo.ingestEvents([first, second])).toEqual({ accepted: 2, duplicates: 0 });
    expect(await repo.ingestEvents([first, second, first])).toEqual({
      accepted: 0,
      duplicates: 3,
    });
    expect(await repo.countEvents(s.id)).toBe(2);
    expect(await repo.listEvents(s.id)).toEqual([first, second]);
    const late = event(s.id, 'trainee-1', { receivedAt: '2026-11-28T02:10:00.000Z' });
    await repo.ingestEvents([late]);
    expect(await repo.listEventsReceivedSince(s.id, '2026-11-28T02:10:00.000Z')).toEqual([late]);
    expect(await repo.listEventsReceivedSince(s.id, '2026-11-28T02:10:00.001Z')).toEqual([]);
  });

  it('stores nothing of a batch that fails part-way', async () => {
    const t = trainer();
    await repo.createTrainer(t);
    const s = await session(t.id);
    await repo.addTrainee({
      id: 'trainee-1',
      sessionId: s.id,
      name: 'Budi',
      tokenHash: 'tok-1',
      joinedAt: '2026-11-28T01:30:00.000Z',
    });
    const good = event(s.id, 'trainee-1');
    const orphan = event(s.id, 'no-such-trainee');
    await expect(repo.ingestEvents([good, orphan])).rejects.toThrow();
    expect(await repo.countEvents(s.id)).toBe(0);
  });

  it('keeps batches that arrive together apart: a bad one fails alone', async () => {
    const t = trainer();
    await repo.createTrainer(t);
    const s = await session(t.id);
    await repo.addTrainee({
      id: 'trainee-1',
      sessionId: s.id,
      name: 'Budi',
      tokenHash: 'tok-1',
      joinedAt: '2026-11-28T01:30:00.000Z',
    });
    const a = event(s.id, 'trainee-1');
    const b = event(s.id, 'trainee-1');
    const results = await Promise.allSettled([
      repo.ingestEvents([a]),
      repo.ingestEvents([b, event(s.id, 'no-such-trainee')]),
      repo.ingestEvents([event(s.id, 'trainee-1')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[0] as PromiseFulfilledResult<unknown>).value).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect((results[2] as PromiseFulfilledResult<unknown>).value).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect(await repo.countEvents(s.id)).toBe(2);
  });

  it('lists trainees of one session only', async () => {
    const t = trainer();
    await repo.createTrainer(t);
    const a = await session(t.id, 'AAA222');
    const b = await session(t.id, 'BBB333');
    for (const [id, sessionId] of [
      ['x1', a.id],
      ['x2', a.id],
      ['y1', b.id],
    ] as const) {
      await repo.addTrainee({
        id,
        sessionId,
        name: id,
        tokenHash: `h-${id}`,
        joinedAt: '2026-11-28T01:30:00.000Z',
      });
    }
    expect((await repo.listTrainees(a.id)).map((x) => x.id)).toEqual(['x1', 'x2']);
  });

  it('counts rate-limit hits in windows, per key', async () => {
    const t0 = 1_800_000_000_000;
    expect(await repo.hitRateLimit('join:10.0.0.1', 60_000, t0)).toEqual({
      count: 1,
      resetAt: t0 + 60_000,
    });
    expect(await repo.hitRateLimit('join:10.0.0.1', 60_000, t0 + 1000)).toEqual({
      count: 2,
      resetAt: t0 + 60_000,
    });
    expect((await repo.hitRateLimit('join:10.0.0.2', 60_000, t0 + 1000)).count).toBe(1);
    // A new window once the last one has ended.
    expect(await repo.hitRateLimit('join:10.0.0.1', 60_000, t0 + 60_000)).toEqual({
      count: 1,
      resetAt: t0 + 120_000,
    });
  });

  it('shares one rate-limit count between two connections (two server processes)', async () => {
    const other = await openRepository({
      dataDir: currentDataDir,
      databaseUrl: currentDatabaseUrl,
    });
    try {
      const limiter = (r: Repository) => new RateLimiter(r, 'login-failures', 3, 60_000);
      const t0 = 1_800_000_000_000;
      const waits = [];
      for (let i = 0; i < 4; i += 1) {
        waits.push(await limiter(i % 2 === 0 ? repo : other).hit('10.0.0.9', t0 + i));
      }
      expect(waits).toEqual([0, 0, 0, 60]);
    } finally {
      await other.close();
    }
  });
});

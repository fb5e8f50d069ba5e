import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { readMigrations } from '../paths.js';
import type {
  Drill,
  IngestResult,
  NewSession,
  Repository,
  StoredEvent,
  Trainee,
  Trainer,
  TrainingSession,
} from './types.js';

type Row = Record<string, unknown>;

const bool = (value: unknown): boolean | null => (value === null ? null : Number(value) === 1);
const fromBool = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

function toTrainer(row: Row): Trainer {
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    createdAt: String(row.created_at),
  };
}

function toSession(row: Row): TrainingSession {
  return {
    id: String(row.id),
    trainerId: String(row.trainer_id),
    kind: row.kind as TrainingSession['kind'],
    name: String(row.name),
    place: String(row.place),
    date: String(row.date),
    modules: JSON.parse(String(row.modules)) as string[],
    status: row.status as TrainingSession['status'],
    joinCode: (row.join_code as string | null) ?? null,
    joinCodeExpiresAt: (row.join_code_expires_at as string | null) ?? null,
    drill: row.drill as Drill,
    drillChangedAt: String(row.drill_changed_at),
    createdAt: String(row.created_at),
    closedAt: (row.closed_at as string | null) ?? null,
  };
}

function toTrainee(row: Row): Trainee {
  return {
    id: String(row.id),
    sessionId: String(row.session_id),
    name: String(row.name),
    joinedAt: String(row.joined_at),
  };
}

function toEvent(row: Row): StoredEvent {
  return {
    id: String(row.id),
    sessionId: String(row.session_id),
    traineeId: String(row.trainee_id),
    verb: String(row.verb),
    module: String(row.module),
    scenario: (row.scenario as string | null) ?? null,
    scoreScaled: row.score_scaled === null ? null : Number(row.score_scaled),
    success: bool(row.success),
    completion: bool(row.completion),
    mistakes: JSON.parse(String(row.mistakes)) as string[],
    occurredAt: String(row.occurred_at),
    receivedAt: String(row.received_at),
  };
}

/** The worker's code (CommonJS, evaluated): one connection that only inserts events. */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 10000');
const insert = db.prepare(workerData.sql);
const write = (events) => {
  let accepted = 0;
  for (const e of events) accepted += insert.run(e).changes;
  return { accepted, duplicates: events.length - accepted };
};
parentPort.on('message', ({ id, jobs }) => {
  try {
    const results = db.transaction(() => jobs.map(write))();
    parentPort.postMessage({ id, results: results.map((ok) => ({ ok })) });
  } catch {
    const results = jobs.map((job) => {
      try {
        return { ok: db.transaction(() => write(job))() };
      } catch (error) {
        return { error: String(error && error.message) };
      }
    });
    parentPort.postMessage({ id, results });
  }
});
`;

const INSERT_EVENT = `INSERT INTO events (id, session_id, trainee_id, verb, module, scenario, score_scaled,
  success, completion, mistakes, occurred_at, received_at)
  VALUES (@id, @session_id, @trainee_id, @verb, @module, @scenario, @score_scaled, @success,
  @completion, @mistakes, @occurred_at, @received_at) ON CONFLICT (id) DO NOTHING`;

type EventRow = Record<string, string | number | null>;

function toRow(e: StoredEvent): EventRow {
  return {
    id: e.id,
    session_id: e.sessionId,
    trainee_id: e.traineeId,
    verb: e.verb,
    module: e.module,
    scenario: e.scenario,
    score_scaled: e.scoreScaled,
    success: fromBool(e.success),
    completion: fromBool(e.completion),
    mistakes: JSON.stringify(e.mistakes),
    occurred_at: e.occurredAt,
    received_at: e.receivedAt,
  };
}

interface Job {
  rows: EventRow[];
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

/** Sends the waiting batches to the writer thread, one transaction at a time. */
class EventWriter {
  private readonly worker: Worker;
  private waiting: Job[] = [];
  private inFlight: Job[] | undefined;
  private failed: Error | undefined;

  constructor(file: string) {
    this.worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: {
        file,
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        sql: INSERT_EVENT,
      },
    });
    this.worker.unref();
    this.worker.on(
      'message',
      (message: { results: ({ ok: IngestResult } | { error: string })[] }) => {
        const jobs = this.inFlight ?? [];
        this.inFlight = undefined;
        jobs.forEach((job, i) => {
          const result = message.results[i];
          if (result && 'ok' in result) job.resolve(result.ok);
          else job.reject(new Error(result?.error ?? 'event writer gave no answer'));
        });
        this.send();
      },
    );
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the event writer stopped')));
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const job of [...(this.inFlight ?? []), ...this.waiting]) job.reject(error);
    this.inFlight = undefined;
    this.waiting = [];
  }

  write(events: StoredEvent[]): Promise<IngestResult> {
    if (events.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.waiting.push({ rows: events.map(toRow), resolve, reject });
      this.send();
    });
  }

  private send(): void {
    if (this.inFlight || this.waiting.length === 0) return;
    this.inFlight = this.waiting;
    this.waiting = [];
    this.worker.postMessage({ id: 0, jobs: this.inFlight.map((job) => job.rows) });
  }

  async close(): Promise<void> {
    while (this.inFlight && !this.failed) await new Promise((r) => setTimeout(r, 5));
    this.failed ??= new Error('the store is closed');
    await this.worker.terminate();
  }
}

/** The default store: one SQLite file (WAL, synchronous=FULL, so an acknowledged event survives a kill). */
export class SqliteRepository implements Repository {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(private readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  async migrate(): Promise<number> {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) =>
        Number(r.version),
      ),
    );
    let applied = 0;
    for (const migration of readMigrations('sqlite')) {
      if (done.has(migration.version)) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
      })();
      applied++;
    }
    return applied;
  }

  async close(): Promise<void> {
    await this.writer?.close();
    this.db.close();
  }

  async createTrainer(trainer: Trainer & { passwordHash: string }) {
    const result = this.db
      .prepare(
        'INSERT INTO trainers (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING',
      )
      .run(
        trainer.id,
        trainer.username,
        trainer.displayName,
        trainer.passwordHash,
        trainer.createdAt,
      );
    return result.changes === 1 ? ('created' as const) : ('username-taken' as const);
  }

  async countTrainers(): Promise<number> {
    return Number((this.db.prepare('SELECT count(*) AS n FROM trainers').get() as Row).n);
  }

  async findTrainerByUsername(username: string) {
    const row = this.db.prepare('SELECT * FROM trainers WHERE username = ?').get(username) as
      | Row
      | undefined;
    return row ? { ...toTrainer(row), passwordHash: String(row.password_hash) } : undefined;
  }

  async findTrainerById(id: string) {
    const row = this.db.prepare('SELECT * FROM trainers WHERE id = ?').get(id) as Row | undefined;
    return row ? toTrainer(row) : undefined;
  }

  async setPasswordHash(username: string, passwordHash: string) {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT id FROM trainers WHERE username = ?').get(username) as
        | Row
        | undefined;
      if (!row) return false;
      this.db
        .prepare('UPDATE trainers SET password_hash = ? WHERE id = ?')
        .run(passwordHash, row.id);
      this.db.prepare('DELETE FROM auth_sessions WHERE trainer_id = ?').run(row.id);
      return true;
    })();
  }

  async createAuthSession(tokenHash: string, trainerId: string, expiresAt: string) {
    this.db
      .prepare(
        'INSERT INTO auth_sessions (token_hash, trainer_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      )
      .run(tokenHash, trainerId, new Date().toISOString(), expiresAt);
  }

  async findAuthSession(tokenHash: string, now: string) {
    const row = this.db
      .prepare(
        'SELECT t.* FROM auth_sessions s JOIN trainers t ON t.id = s.trainer_id WHERE s.token_hash = ? AND s.expires_at > ?',
      )
      .get(tokenHash, now) as Row | undefined;
    return row ? toTrainer(row) : undefined;
  }

  async deleteAuthSession(tokenHash: string) {
    this.db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(tokenHash);
  }

  async createSession(s: NewSession): Promise<TrainingSession> {
    this.db
      .prepare(
        `INSERT INTO training_sessions (id, trainer_id, kind, name, place, date, modules, status,
          join_code, join_code_expires_at, drill, drill_changed_at, created_at, closed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 'NONE', ?, ?, NULL)`,
      )
      .run(
        s.id,
        s.trainerId,
        s.kind,
        s.name,
        s.place,
        s.date,
        JSON.stringify(s.modules),
        s.joinCode,
        s.joinCodeExpiresAt,
        s.createdAt,
        s.createdAt,
      );
    return (await this.getSession(s.id)) as TrainingSession;
  }

  async getSession(id: string) {
    const row = this.db.prepare('SELECT * FROM training_sessions WHERE id = ?').get(id) as
      | Row
      | undefined;
    return row ? toSession(row) : undefined;
  }

  async listSessions(trainerId: string) {
    return (
      this.db
        .prepare('SELECT * FROM training_sessions WHERE trainer_id = ? ORDER BY created_at DESC')
        .all(trainerId) as Row[]
    ).map(toSession);
  }

  async findSessionByJoinCode(code: string) {
    const row = this.db.prepare('SELECT * FROM training_sessions WHERE join_code = ?').get(code) as
      | Row
      | undefined;
    return row ? toSession(row) : undefined;
  }

  async setJoinCode(id: string, code: string, expiresAt: string) {
    this.db
      .prepare(
        "UPDATE training_sessions SET join_code = ?, join_code_expires_at = ? WHERE id = ? AND status = 'OPEN'",
      )
      .run(code, expiresAt, id);
    return this.getSession(id);
  }

  async setDrill(id: string, drill: Drill, at: string) {
    this.db
      .prepare(
        "UPDATE training_sessions SET drill = ?, drill_changed_at = ? WHERE id = ? AND status = 'OPEN'",
      )
      .run(drill, at, id);
    return this.getSession(id);
  }

  async closeSession(id: string, at: string) {
    this.db
      .prepare(
        `UPDATE training_sessions SET status = 'CLOSED', closed_at = ?, join_code = NULL,
          join_code_expires_at = NULL, drill = 'NONE', drill_changed_at = ?
         WHERE id = ? AND status = 'OPEN'`,
      )
      .run(at, at, id);
    return this.getSession(id);
  }

  async addTrainee(t: Trainee & { tokenHash: string }) {
    this.db
      .prepare(
        'INSERT INTO trainees (id, session_id, name, token_hash, joined_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(t.id, t.sessionId, t.name, t.tokenHash, t.joinedAt);
  }

  async findTraineeByToken(tokenHash: string) {
    const row = this.db.prepare('SELECT * FROM trainees WHERE token_hash = ?').get(tokenHash) as
      | Row
      | undefined;
    return row ? toTrainee(row) : undefined;
  }

  async listTrainees(sessionId: string) {
    return (
      this.db
        .prepare('SELECT * FROM trainees WHERE session_id = ? ORDER BY joined_at, id')
        .all(sessionId) as Row[]
    ).map(toTrainee);
  }

  private writer: EventWriter | undefined;

  /**
   * Events are written by a worker thread with its own connection: its fsync (synchronous=FULL)
   * does not stop this thread from taking new requests, and the batches that arrive meanwhile
   * are committed together in its next transaction (group commit). A batch is answered only
   * after its transaction is on disk. If a combined transaction fails, each batch is written
   * alone, so one bad batch fails only itself.
   */
  ingestEvents(events: StoredEvent[]): Promise<IngestResult> {
    this.writer ??= new EventWriter(this.file);
    return this.writer.write(events);
  }

  async listEvents(sessionId: string) {
    return (
      this.db
        .prepare('SELECT * FROM events WHERE session_id = ? ORDER BY occurred_at, received_at, id')
        .all(sessionId) as Row[]
    ).map(toEvent);
  }

  async listEventsReceivedSince(sessionId: string, since: string) {
    return (
      this.db
        .prepare('SELECT * FROM events WHERE session_id = ? AND received_at >= ?')
        .all(sessionId, since) as Row[]
    ).map(toEvent);
  }

  async countEvents(sessionId: string) {
    return Number(
      (
        this.db
          .prepare('SELECT count(*) AS n FROM events WHERE session_id = ?')
          .get(sessionId) as Row
      ).n,
    );
  }

  async hitRateLimit(key: string, windowMs: number, now: number) {
    if (Math.random() < 0.01) {
      this.db.prepare('DELETE FROM rate_limits WHERE reset_at <= ?').run(now);
    }
    const row = this.db
      .prepare(
        `INSERT INTO rate_limits (key, count, reset_at) VALUES (?, 1, ?)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN rate_limits.reset_at <= ? THEN 1 ELSE rate_limits.count + 1 END,
           reset_at = CASE WHEN rate_limits.reset_at <= ? THEN excluded.reset_at ELSE rate_limits.reset_at END
         RETURNING count, reset_at`,
      )
      .get(key, now + windowMs, now, now) as Row;
    return { count: Number(row.count), resetAt: Number(row.reset_at) };
  }
}

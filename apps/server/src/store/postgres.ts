import pg from 'pg';
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

const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;

/** Dates stay `YYYY-MM-DD` strings and instants become ISO strings, as in the SQLite store. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

/** Any id for the advisory lock that serialises migrations between server processes. */
const MIGRATION_LOCK = 4_242_0001;

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
    modules: row.modules as string[],
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
    success: (row.success as boolean | null) ?? null,
    completion: (row.completion as boolean | null) ?? null,
    mistakes: row.mistakes as string[],
    occurredAt: String(row.occurred_at),
    receivedAt: String(row.received_at),
  };
}

/** The store for a deployment: PostgreSQL, shared by several server processes. */
export class PostgresRepository implements Repository {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(connectionString: string, options: { max?: number } = {}) {
    this.pool = new pg.Pool({ connectionString, types, max: options.max ?? 10 });
    // An idle client that loses its connection must not crash the process.
    this.pool.on('error', (error) => console.error('postgres pool:', error.message));
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  private async one(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return (await this.rows(sql, params))[0];
  }

  async migrate(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      const done = new Set(
        (await client.query('SELECT version FROM schema_migrations')).rows.map((r) =>
          Number(r.version),
        ),
      );
      let applied = 0;
      for (const migration of readMigrations('postgres')) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())',
            [migration.version, migration.name],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied++;
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async createTrainer(trainer: Trainer & { passwordHash: string }) {
    const result = await this.pool.query(
      'INSERT INTO trainers (id, username, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING',
      [trainer.id, trainer.username, trainer.displayName, trainer.passwordHash, trainer.createdAt],
    );
    return result.rowCount === 1 ? ('created' as const) : ('username-taken' as const);
  }

  async countTrainers() {
    return Number((await this.one('SELECT count(*) AS n FROM trainers'))?.n ?? 0);
  }

  async findTrainerByUsername(username: string) {
    const row = await this.one('SELECT * FROM trainers WHERE username = $1', [username]);
    return row ? { ...toTrainer(row), passwordHash: String(row.password_hash) } : undefined;
  }

  async findTrainerById(id: string) {
    const row = await this.one('SELECT * FROM trainers WHERE id = $1', [id]);
    return row ? toTrainer(row) : undefined;
  }

  async setPasswordHash(username: string, passwordHash: string) {
    const result = await this.pool.query(
      `WITH t AS (UPDATE trainers SET password_hash = $2 WHERE username = $1 RETURNING id),
        d AS (DELETE FROM auth_sessions WHERE trainer_id IN (SELECT id FROM t))
       SELECT id FROM t`,
      [username, passwordHash],
    );
    return result.rowCount === 1;
  }

  async createAuthSession(tokenHash: string, trainerId: string, expiresAt: string) {
    await this.pool.query(
      'INSERT INTO auth_sessions (token_hash, trainer_id, created_at, expires_at) VALUES ($1, $2, now(), $3)',
      [tokenHash, trainerId, expiresAt],
    );
  }

  async findAuthSession(tokenHash: string, now: string) {
    const row = await this.one(
      'SELECT t.* FROM auth_sessions s JOIN trainers t ON t.id = s.trainer_id WHERE s.token_hash = $1 AND s.expires_at > $2',
      [tokenHash, now],
    );
    return row ? toTrainer(row) : undefined;
  }

  async deleteAuthSession(tokenHash: string) {
    await this.pool.query('DELETE FROM auth_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async createSession(s: NewSession): Promise<TrainingSession> {
    const row = await this.one(
      `INSERT INTO training_sessions (id, trainer_id, kind, name, place, date, modules, status,
        join_code, join_code_expires_at, drill, drill_changed_at, created_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'OPEN', $8, $9, 'NONE', $10, $10, NULL) RETURNING *`,
      [
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
      ],
    );
    return toSession(row as Row);
  }

  async getSession(id: string) {
    const row = await this.one('SELECT * FROM training_sessions WHERE id = $1', [id]);
    return row ? toSession(row) : undefined;
  }

  async listSessions(trainerId: string) {
    return (
      await this.rows(
        'SELECT * FROM training_sessions WHERE trainer_id = $1 ORDER BY created_at DESC',
        [trainerId],
      )
    ).map(toSession);
  }

  async findSessionByJoinCode(code: string) {
    const row = await this.one('SELECT * FROM training_sessions WHERE join_code = $1', [code]);
    return row ? toSession(row) : undefined;
  }

  async setJoinCode(id: string, code: string, expiresAt: string) {
    await this.pool.query(
      "UPDATE training_sessions SET join_code = $1, join_code_expires_at = $2 WHERE id = $3 AND status = 'OPEN'",
      [code, expiresAt, id],
    );
    return this.getSession(id);
  }

  async setDrill(id: string, drill: Drill, at: string) {
    await this.pool.query(
      "UPDATE training_sessions SET drill = $1, drill_changed_at = $2 WHERE id = $3 AND status = 'OPEN'",
      [drill, at, id],
    );
    return this.getSession(id);
  }

  async closeSession(id: string, at: string) {
    await this.pool.query(
      `UPDATE training_sessions SET status = 'CLOSED', closed_at = $1, join_code = NULL,
        join_code_expires_at = NULL, drill = 'NONE', drill_changed_at = $1
       WHERE id = $2 AND status = 'OPEN'`,
      [at, id],
    );
    return this.getSession(id);
  }

  async addTrainee(t: Trainee & { tokenHash: string }) {
    await this.pool.query(
      'INSERT INTO trainees (id, session_id, name, token_hash, joined_at) VALUES ($1, $2, $3, $4, $5)',
      [t.id, t.sessionId, t.name, t.tokenHash, t.joinedAt],
    );
  }

  async findTraineeByToken(tokenHash: string) {
    const row = await this.one('SELECT * FROM trainees WHERE token_hash = $1', [tokenHash]);
    return row ? toTrainee(row) : undefined;
  }

  async listTrainees(sessionId: string) {
    return (
      await this.rows('SELECT * FROM trainees WHERE session_id = $1 ORDER BY joined_at, id', [
        sessionId,
      ])
    ).map(toTrainee);
  }

  async ingestEvents(events: StoredEvent[]): Promise<IngestResult> {
    if (events.length === 0) return { accepted: 0, duplicates: 0 };
    // One statement for the whole batch: atomic, and one round trip.
    const result = await this.pool.query(
      `INSERT INTO events (id, session_id, trainee_id, verb, module, scenario, score_scaled, success,
        completion, mistakes, occurred_at, received_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, session_id text, trainee_id text,
         verb text, module text, scenario text, score_scaled double precision, success boolean,
         completion boolean, mistakes jsonb, occurred_at timestamptz, received_at timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [
        JSON.stringify(
          events.map((e) => ({
            id: e.id,
            session_id: e.sessionId,
            trainee_id: e.traineeId,
            verb: e.verb,
            module: e.module,
            scenario: e.scenario,
            score_scaled: e.scoreScaled,
            success: e.success,
            completion: e.completion,
            mistakes: e.mistakes,
            occurred_at: e.occurredAt,
            received_at: e.receivedAt,
          })),
        ),
      ],
    );
    const accepted = result.rowCount ?? 0;
    return { accepted, duplicates: events.length - accepted };
  }

  async listEvents(sessionId: string) {
    return (
      await this.rows(
        'SELECT * FROM events WHERE session_id = $1 ORDER BY occurred_at, received_at, id',
        [sessionId],
      )
    ).map(toEvent);
  }

  async listEventsReceivedSince(sessionId: string, since: string) {
    return (
      await this.rows('SELECT * FROM events WHERE session_id = $1 AND received_at >= $2', [
        sessionId,
        since,
      ])
    ).map(toEvent);
  }

  async countEvents(sessionId: string) {
    return Number(
      (await this.one('SELECT count(*) AS n FROM events WHERE session_id = $1', [sessionId]))?.n ??
        0,
    );
  }

  async hitRateLimit(key: string, windowMs: number, now: number) {
    if (Math.random() < 0.01) {
      await this.rows('DELETE FROM rate_limits WHERE reset_at <= $1', [now]);
    }
    const row = await this.one(
      `INSERT INTO rate_limits (key, count, reset_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.reset_at <= $3 THEN 1 ELSE rate_limits.count + 1 END,
         reset_at = CASE WHEN rate_limits.reset_at <= $3 THEN EXCLUDED.reset_at ELSE rate_limits.reset_at END
       RETURNING count, reset_at`,
      [key, now + windowMs, now],
    );
    return { count: Number(row?.count ?? 1), resetAt: Number(row?.reset_at ?? now + windowMs) };
  }
}

/** What the server stores, and the one interface both stores (SQLite, PostgreSQL) implement. */

export type SessionKind = 'training' | 'outreach';
export type SessionStatus = 'OPEN' | 'CLOSED';
export const DRILLS = ['NONE', 'OFFLINE', 'SERVER_ERROR', 'SLOW'] as const;
export type Drill = (typeof DRILLS)[number];

export interface Trainer {
  id: string;
  username: string;
  displayName: string;
  createdAt: string;
}

export interface TrainingSession {
  id: string;
  trainerId: string;
  kind: SessionKind;
  name: string;
  place: string;
  date: string;
  modules: string[];
  status: SessionStatus;
  joinCode: string | null;
  joinCodeExpiresAt: string | null;
  drill: Drill;
  drillChangedAt: string;
  createdAt: string;
  closedAt: string | null;
}

export interface Trainee {
  id: string;
  sessionId: string;
  name: string;
  joinedAt: string;
}

/** A learning event reduced to what the board and the exports need. */
export interface StoredEvent {
  id: string;
  sessionId: string;
  traineeId: string;
  verb: string;
  module: string;
  scenario: string | null;
  scoreScaled: number | null;
  success: boolean | null;
  completion: boolean | null;
  mistakes: string[];
  occurredAt: string;
  receivedAt: string;
}

export interface NewSession {
  id: string;
  trainerId: string;
  kind: SessionKind;
  name: string;
  place: string;
  date: string;
  modules: string[];
  joinCode: string;
  joinCodeExpiresAt: string;
  createdAt: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

export interface Repository {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<number>;
  close(): Promise<void>;

  createTrainer(trainer: Trainer & { passwordHash: string }): Promise<'created' | 'username-taken'>;
  countTrainers(): Promise<number>;
  findTrainerByUsername(
    username: string,
  ): Promise<(Trainer & { passwordHash: string }) | undefined>;
  findTrainerById(id: string): Promise<Trainer | undefined>;
  /** A new password hash; also ends every login session of that trainer. False: no such user. */
  setPasswordHash(username: string, passwordHash: string): Promise<boolean>;

  createAuthSession(tokenHash: string, trainerId: string, expiresAt: string): Promise<void>;
  findAuthSession(tokenHash: string, now: string): Promise<Trainer | undefined>;
  deleteAuthSession(tokenHash: string): Promise<void>;

  createSession(session: NewSession): Promise<TrainingSession>;
  getSession(id: string): Promise<TrainingSession | undefined>;
  listSessions(trainerId: string): Promise<TrainingSession[]>;
  findSessionByJoinCode(code: string): Promise<TrainingSession | undefined>;
  setJoinCode(id: string, code: string, expiresAt: string): Promise<TrainingSession | undefined>;
  setDrill(id: string, drill: Drill, at: string): Promise<TrainingSession | undefined>;
  closeSession(id: string, at: string): Promise<TrainingSession | undefined>;

  addTrainee(trainee: Trainee & { tokenHash: string }): Promise<void>;
  findTraineeByToken(tokenHash: string): Promise<Trainee | undefined>;
  listTrainees(sessionId: string): Promise<Trainee[]>;

  /** Stores the events whose id is new; the others count as duplicates. All or nothing. */
  ingestEvents(events: StoredEvent[]): Promise<IngestResult>;
  listEvents(sessionId: string): Promise<StoredEvent[]>;
  /** The events received at or after `since` (an ISO instant), in no particular order. */
  listEventsReceivedSince(sessionId: string, since: string): Promise<StoredEvent[]>;
  countEvents(sessionId: string): Promise<number>;

  /**
   * Counts a hit on a fixed-window limit shared by every process on this database: a new
   * window of `windowMs` starts when the last one has ended. Answers the count in the window
   * and when it ends (ms since epoch). Old windows are deleted now and then.
   */
  hitRateLimit(
    key: string,
    windowMs: number,
    now: number,
  ): Promise<{ count: number; resetAt: number }>;
}

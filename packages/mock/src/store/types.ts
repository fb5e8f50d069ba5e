/** The mock's state: plain JSON, so it can be saved to a file and restored. */
export type Role = 'bhabinkamtibmas' | 'supervisor' | 'citizen' | 'trainer' | 'admin';
export type UnitLevel = 'MABES' | 'POLDA' | 'POLRES' | 'POLSEK';

export interface UnitRecord {
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  regionCodes: string[];
  address?: string;
}

export interface AssignmentRecord {
  desaCode: string;
  since: string;
}

export interface UserRecord {
  id: string;
  role: Role;
  name: string;
  /** Synthetic demo passwords, kept in clear: this is a training mock, never a real server. */
  password: string;
  nrp?: string;
  rank?: string;
  position?: string;
  unitId?: string;
  email?: string;
  phone?: string;
  desaCode?: string;
  assignments: AssignmentRecord[];
  /** Bumped on every change of the assignments (their ETag). */
  assignmentsVersion: number;
}

export interface SessionRecord {
  userId: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshExpiresAt: number;
}

/** A stored resource of any collection (activities, citizen reports, ...). */
export interface ResourceRecord {
  id: string;
  version: number;
  /** The user who owns it (the officer or citizen who wrote it). */
  ownerId: string | null;
  /** The unit it belongs to, for supervisors' scoping. */
  unitId: string | null;
  /** The body as the contract shapes it. */
  data: Record<string, unknown>;
  /** Binary content (attachments), base64. */
  blob?: string;
}

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: string | null;
  at: number;
}

export interface LoginFailure {
  count: number;
  firstAt: number;
  lockedUntil: number;
}

export interface StoreState {
  format: 'bosv2-mock-state@1';
  seed: number;
  units: Record<string, UnitRecord>;
  users: Record<string, UserRecord>;
  sessions: Record<string, SessionRecord>;
  /** refresh token → access token */
  refreshTokens: Record<string, string>;
  collections: Record<string, Record<string, ResourceRecord>>;
  loginFailures: Record<string, LoginFailure>;
  /** The newest idempotency records (the current generation). */
  idempotency: Record<string, IdempotencyRecord>;
  /** The generation before it: looked up too, dropped whole when the current one fills. */
  idempotencyPrevious?: Record<string, IdempotencyRecord>;
  /** Sequences (tracking codes). */
  counters?: Record<string, number>;
}

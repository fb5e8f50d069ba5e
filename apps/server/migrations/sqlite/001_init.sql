-- 001: trainers, their login sessions, training sessions, trainees and learning events.
CREATE TABLE trainers (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  trainer_id TEXT NOT NULL REFERENCES trainers (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE TABLE training_sessions (
  id TEXT PRIMARY KEY,
  trainer_id TEXT NOT NULL REFERENCES trainers (id),
  kind TEXT NOT NULL CHECK (kind IN ('training', 'outreach')),
  name TEXT NOT NULL,
  place TEXT NOT NULL,
  date TEXT NOT NULL,
  modules TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  join_code TEXT UNIQUE,
  join_code_expires_at TEXT,
  drill TEXT NOT NULL CHECK (drill IN ('NONE', 'OFFLINE', 'SERVER_ERROR', 'SLOW')),
  drill_changed_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX training_sessions_trainer ON training_sessions (trainer_id, created_at);

CREATE TABLE trainees (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  joined_at TEXT NOT NULL
);
CREATE INDEX trainees_session ON trainees (session_id, joined_at);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
  trainee_id TEXT NOT NULL REFERENCES trainees (id) ON DELETE CASCADE,
  verb TEXT NOT NULL,
  module TEXT NOT NULL,
  scenario TEXT,
  score_scaled REAL,
  success INTEGER,
  completion INTEGER,
  mistakes TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX events_session ON events (session_id, occurred_at);

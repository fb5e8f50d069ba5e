-- 003: rate limits shared by every process on this database (join codes, logins).
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  reset_at BIGINT NOT NULL
);
CREATE INDEX rate_limits_reset ON rate_limits (reset_at);

-- 002: the live board reads only the events received since its last read.
CREATE INDEX events_session_received ON events (session_id, received_at);

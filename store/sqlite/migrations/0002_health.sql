-- One row that Ping writes and reads back: a health check that proves the
-- file can still be written, not just that a connection opens.
CREATE TABLE health (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at INTEGER NOT NULL
);

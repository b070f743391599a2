-- Subscriptions: one per channel, so (guild_id, channel_id) is unique and
-- SaveSubscription upserts on it. Times are Unix milliseconds (UTC).
CREATE TABLE subscriptions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: a nonce derived from a reused ID could collide
    guild_id        TEXT    NOT NULL,
    channel_id      TEXT    NOT NULL,
    hour            INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    minute          INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
    time_zone       TEXT    NOT NULL,
    lang            TEXT    NOT NULL,
    kinds           TEXT    NOT NULL,                  -- comma-separated, canonical order
    week_before     INTEGER NOT NULL DEFAULT 0 CHECK (week_before IN (0, 1)),
    next_if_empty   INTEGER NOT NULL DEFAULT 0 CHECK (next_if_empty IN (0, 1)),
    created_by      TEXT    NOT NULL DEFAULT '',
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    disabled_reason TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (guild_id, channel_id)
);

-- Deliveries: the primary key is what makes a post happen once. A claim is
-- an INSERT ... ON CONFLICT DO UPDATE ... WHERE the old claim is pending and
-- its lease has run out, so of concurrent claims exactly one writes a row.
CREATE TABLE deliveries (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    local_date      TEXT    NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    nonce           TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    message_id      TEXT    NOT NULL DEFAULT '',
    error           TEXT    NOT NULL DEFAULT '',
    claimed_by      TEXT    NOT NULL,
    lease_until     INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 1,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (subscription_id, local_date)
) WITHOUT ROWID;

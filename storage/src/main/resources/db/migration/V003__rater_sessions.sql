-- V003: blind human rating. A researcher builds a session of items; raters score them 1..5 on the paper's three
-- statements per task. Which model wrote which side is stored here and never shown to raters.
-- Shipped migrations are never edited: add V004__<what it adds>.sql instead.

CREATE TABLE rater_sessions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    pin_hash    TEXT NOT NULL, -- PBKDF2 of the researcher's PIN, needed to leave rater mode
    config_json TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL
);

CREATE TABLE rating_items (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id   INTEGER NOT NULL REFERENCES rater_sessions (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL, -- order shown to raters (shuffled when the session is built)
    task         TEXT    NOT NULL,
    input_json   TEXT    NOT NULL, -- entity, interpolation or CAV shift the outputs describe
    left_text    TEXT    NOT NULL,
    right_text   TEXT,             -- NULL for single-output items
    left_model   TEXT    NOT NULL, -- hidden from raters: e.g. 'elm' or 'baseline'
    right_model  TEXT,
    UNIQUE (session_id, position)
);

CREATE TABLE ratings (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id    INTEGER NOT NULL REFERENCES rating_items (id) ON DELETE CASCADE,
    rater_id   TEXT    NOT NULL,
    side       TEXT    NOT NULL CHECK (side IN ('left', 'right')),
    statement  INTEGER NOT NULL CHECK (statement BETWEEN 1 AND 3), -- consistent / coherent / task quality
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),     -- strongly disagree .. strongly agree
    comment    TEXT,
    created_at TEXT    NOT NULL,
    UNIQUE (item_id, rater_id, side, statement)                    -- a changed answer replaces the old one
);

CREATE INDEX ratings_by_item ON ratings (item_id);

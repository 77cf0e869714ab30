-- V001: runs, their metrics and checkpoints, and the base models they start from.
-- Shipped migrations are never edited: add V002__<what it adds>.sql instead.
-- Timestamps are ISO-8601 UTC text (Instant.toString), readable in the sqlite3 shell.

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL CHECK (kind IN ('pretrain', 'elm')),
    name        TEXT    NOT NULL,
    config_json TEXT    NOT NULL DEFAULT '{}',
    status      TEXT    NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'cancelled', 'interrupted')),
    stage       INTEGER CHECK (stage IS NULL OR stage IN (1, 2)), -- ELM training stage; NULL for pretraining
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE INDEX runs_by_status ON runs (status);

CREATE TABLE metrics (
    run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step   INTEGER NOT NULL,
    name   TEXT    NOT NULL,
    value  REAL    NOT NULL
);

-- Charts read one series (run, name) in step order.
CREATE INDEX metrics_by_run_name_step ON metrics (run_id, name, step);

CREATE TABLE checkpoints (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    stage      INTEGER CHECK (stage IS NULL OR stage IN (1, 2)),
    step       INTEGER NOT NULL,
    path       TEXT    NOT NULL, -- relative to the workspace folder when inside it, so a workspace can move
    size_bytes INTEGER NOT NULL,
    sha256     TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);

CREATE INDEX checkpoints_by_run_step ON checkpoints (run_id, step);

CREATE TABLE base_models (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    path        TEXT NOT NULL, -- folder with config.json, model.safetensors, tokenizer.json
    config_json TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL
);

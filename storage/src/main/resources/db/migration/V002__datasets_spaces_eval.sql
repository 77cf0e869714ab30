-- V002: imported datasets and their embedding spaces, evaluation runs with per-item results, and saved generations.
-- Shipped migrations are never edited: add V003__<what it adds>.sql instead.

CREATE TABLE datasets (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('movielens', 'demo')),
    path       TEXT NOT NULL, -- folder written by DatasetFiles, relative to the workspace when inside it
    stats_json TEXT NOT NULL DEFAULT '{}', -- counts shown in the app (movies, users, ratings, tasks)
    created_at TEXT NOT NULL
);

CREATE TABLE embedding_spaces (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('behavioral', 'semantic', 'imported')),
    dim        INTEGER NOT NULL CHECK (dim >= 1),
    count      INTEGER NOT NULL CHECK (count >= 0), -- entities with a vector
    path       TEXT    NOT NULL, -- .npy vectors (ids beside them)
    created_at TEXT    NOT NULL,
    UNIQUE (dataset_id, name)
);

CREATE TABLE eval_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id      INTEGER REFERENCES runs (id) ON DELETE SET NULL, -- the training run evaluated; NULL for a model folder
    name        TEXT NOT NULL,
    config_json TEXT NOT NULL DEFAULT '{}',
    status      TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'cancelled', 'interrupted')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE eval_results (
    eval_id     INTEGER NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,
    task        TEXT    NOT NULL,
    item        TEXT    NOT NULL, -- entity id or pair, as text
    metric      TEXT    NOT NULL,
    value       REAL    NOT NULL,
    output_text TEXT -- what the model generated for the item, when the metric scores text
);

-- Reports read one evaluation grouped by task and metric.
CREATE INDEX eval_results_by_eval_task ON eval_results (eval_id, task, metric);

CREATE TABLE generations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id        INTEGER REFERENCES runs (id) ON DELETE SET NULL,
    checkpoint_id INTEGER REFERENCES checkpoints (id) ON DELETE SET NULL,
    input_json    TEXT NOT NULL, -- what the prompt's slots received: entity, interpolation, CAV shift
    text          TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE INDEX generations_by_run ON generations (run_id, id);

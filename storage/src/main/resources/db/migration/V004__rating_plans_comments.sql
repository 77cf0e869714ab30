-- V004: what blind rating needs beyond V003. Each rater sees the session's items in an order of their own (shuffled
-- with a seed stored here, so a returning rater resumes the same order) and with Text A / Text B swapped per item at
-- random; and each text gets a free comment, saved whether or not any score was given yet.
-- Shipped migrations are never edited: add V005__<what it adds>.sql instead.

CREATE TABLE raters (
    session_id INTEGER NOT NULL REFERENCES rater_sessions (id) ON DELETE CASCADE,
    rater_id   TEXT    NOT NULL,
    seed       INTEGER NOT NULL, -- the shuffle that produced this rater's order and swaps
    started_at TEXT    NOT NULL,
    PRIMARY KEY (session_id, rater_id)
);

CREATE TABLE rater_item_order (
    session_id INTEGER NOT NULL,
    rater_id   TEXT    NOT NULL,
    rank       INTEGER NOT NULL, -- 0-based: the rater's k-th item
    item_id    INTEGER NOT NULL REFERENCES rating_items (id) ON DELETE CASCADE,
    swapped    INTEGER NOT NULL CHECK (swapped IN (0, 1)), -- 1: Text A shows the item's right text
    PRIMARY KEY (session_id, rater_id, rank),
    UNIQUE (session_id, rater_id, item_id),
    FOREIGN KEY (session_id, rater_id) REFERENCES raters (session_id, rater_id) ON DELETE CASCADE
);

CREATE TABLE rating_comments (
    item_id    INTEGER NOT NULL REFERENCES rating_items (id) ON DELETE CASCADE,
    rater_id   TEXT    NOT NULL,
    side       TEXT    NOT NULL CHECK (side IN ('left', 'right')),
    comment    TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (item_id, rater_id, side) -- an edited comment replaces the old one
);

-- This or that: a run of five pairs of options for one pair. Each partner picks privately; the picks are revealed
-- to both (in the transaction of the last pick) only once both have picked all five. At most one open run per pair.
CREATE TABLE this_or_that_runs (
    run_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id     INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    status      TEXT    NOT NULL CHECK (status IN ('open', 'revealed')),
    started_at  INTEGER NOT NULL,
    revealed_at INTEGER NULL
);
CREATE UNIQUE INDEX ux_this_or_that_runs_one_open ON this_or_that_runs (pair_id) WHERE status = 'open';

-- The five pairs of a run, with their text as it was served (the deck may change; a reveal must not).
CREATE TABLE this_or_that_items (
    run_id    INTEGER NOT NULL REFERENCES this_or_that_runs (run_id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
    deck_id   TEXT    NOT NULL,
    option_a  TEXT    NOT NULL,
    option_b  TEXT    NOT NULL,
    follow_up TEXT    NOT NULL,
    PRIMARY KEY (run_id, position)
);
-- "Which pairs has this couple seen, and when last": the draw avoids repeats until the suitable pool is used up.
CREATE INDEX ix_this_or_that_items_deck ON this_or_that_items (deck_id);

-- One pick per person and item; a pick is final (the card moves on at once).
CREATE TABLE this_or_that_picks (
    run_id    INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    choice    TEXT    NOT NULL CHECK (choice IN ('a', 'b')),
    picked_at INTEGER NOT NULL,
    PRIMARY KEY (run_id, position, user_id),
    FOREIGN KEY (run_id, position) REFERENCES this_or_that_items (run_id, position) ON DELETE CASCADE
);
CREATE INDEX ix_this_or_that_picks_user ON this_or_that_picks (user_id);

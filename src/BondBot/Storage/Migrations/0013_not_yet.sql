-- bondbot: foreign-keys-off
-- "Not yet": either partner can set a round aside without judgement. Its answers stay (hidden); it comes back no
-- sooner than return_after, at most twice (set_aside_times), and is retired after a third "Not yet".
-- Rebuilt to widen the status check; every column and index is kept.
CREATE TABLE rounds_rebuilt (
    round_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id         INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    question_key    TEXT    NOT NULL,
    question_text   TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    depth           INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
    status          TEXT    NOT NULL CHECK (status IN ('open', 'revealed', 'replaced', 'set-aside', 'retired')),
    opened_at       INTEGER NOT NULL,
    revealed_at     INTEGER NULL,
    channel_id      INTEGER NULL,
    message_id      INTEGER NULL,
    nudged_at       INTEGER NULL,
    asked_category  TEXT    NULL,
    asked_depth     INTEGER NULL,
    swapped_by      INTEGER NULL,
    set_aside_by    INTEGER NULL,
    set_aside_at    INTEGER NULL,
    set_aside_times INTEGER NOT NULL DEFAULT 0,
    return_after    INTEGER NULL
);
INSERT INTO rounds_rebuilt (round_id, pair_id, question_key, question_text, category, depth, status, opened_at, revealed_at,
                            channel_id, message_id, nudged_at, asked_category, asked_depth, swapped_by)
SELECT round_id, pair_id, question_key, question_text, category, depth, status, opened_at, revealed_at,
       channel_id, message_id, nudged_at, asked_category, asked_depth, swapped_by FROM rounds;
DROP TABLE rounds;
ALTER TABLE rounds_rebuilt RENAME TO rounds;
CREATE UNIQUE INDEX ux_rounds_one_open_per_pair ON rounds (pair_id) WHERE status = 'open';
CREATE INDEX ix_rounds_pair_question ON rounds (pair_id, question_key);
CREATE INDEX ix_rounds_open ON rounds (status) WHERE status = 'open' AND nudged_at IS NULL;
CREATE INDEX ix_rounds_set_aside ON rounds (pair_id, return_after) WHERE status = 'set-aside';

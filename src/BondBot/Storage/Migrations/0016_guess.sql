-- "Guess my answer": one partner answers a question about themselves, the other guesses. Both texts stay hidden
-- until both are in; then the round is revealed and only the answerer may mark the guess (spot on, close, not quite).
-- Deliberately no score column: the only tally is the count of revealed rounds per pair.
CREATE TABLE guess_rounds (
    guess_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id       INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    prompt_id     TEXT    NOT NULL,
    ask_text      TEXT    NOT NULL,
    guess_text    TEXT    NOT NULL,
    answerer_id   INTEGER NOT NULL,
    guesser_id    INTEGER NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('open', 'revealed')),
    answer        TEXT    NULL,
    answered_at   INTEGER NULL,
    guess         TEXT    NULL,
    guessed_at    INTEGER NULL,
    mark          TEXT    NULL CHECK (mark IN ('spot-on', 'close', 'not-quite')),
    marked_at     INTEGER NULL,
    opened_at     INTEGER NOT NULL,
    revealed_at   INTEGER NULL
);
CREATE UNIQUE INDEX ux_guess_rounds_one_open_per_pair ON guess_rounds (pair_id) WHERE status = 'open';
CREATE INDEX ix_guess_rounds_pair_prompt ON guess_rounds (pair_id, prompt_id);
CREATE INDEX ix_guess_rounds_answerer ON guess_rounds (answerer_id);
CREATE INDEX ix_guess_rounds_guesser ON guess_rounds (guesser_id);

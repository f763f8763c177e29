-- Notes between partners: 'later' ones are delivered at the recipient's next local morning (deliver_at), 'sealed' ones
-- arrive now as an envelope whose text shows only when the recipient presses Open (opened_at). Kept per pairing.
CREATE TABLE notes (
    note_id    INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id    INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    from_user  INTEGER NOT NULL,
    to_user    INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('later', 'sealed')),
    label      TEXT    NULL,
    text       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    deliver_at INTEGER NOT NULL,
    opened_at  INTEGER NULL
);
CREATE INDEX ix_notes_from ON notes (from_user);
CREATE INDEX ix_notes_to ON notes (to_user);

-- One row per "thinking of you" sent: the daily cap counts them by the sender's local date.
CREATE TABLE thinking_of_you (
    thought_id INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id    INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    from_user  INTEGER NOT NULL,
    to_user    INTEGER NOT NULL,
    local_date TEXT    NOT NULL,
    sent_at    INTEGER NOT NULL,
    deliver_at INTEGER NOT NULL
);
CREATE INDEX ix_thinking_of_you_day ON thinking_of_you (from_user, local_date);
CREATE INDEX ix_thinking_of_you_to ON thinking_of_you (to_user);

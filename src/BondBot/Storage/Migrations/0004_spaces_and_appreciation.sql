-- A pair's private channel in one guild (at most one per pair).
CREATE TABLE spaces (
    pair_id    INTEGER PRIMARY KEY REFERENCES pairs (pair_id) ON DELETE CASCADE,
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- Per-guild settings chosen by its moderators.
CREATE TABLE guild_settings (
    guild_id          INTEGER PRIMARY KEY,
    space_category_id INTEGER NULL
);

-- Gratitude notes, kept for both partners; a thank-you closes the loop with one click.
CREATE TABLE appreciations (
    appreciation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id         INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    from_user       INTEGER NOT NULL,
    to_user         INTEGER NOT NULL,
    text            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    thanked_at      INTEGER NULL
);
CREATE INDEX ix_appreciations_pair ON appreciations (pair_id, created_at);

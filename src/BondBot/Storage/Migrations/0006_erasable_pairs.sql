-- bondbot: foreign-keys-off
-- Erasing a person now sets their side of a pair to NULL instead of a 0 tombstone, so both partners can erase, in
-- either order (two 0s broke CHECK (user_a <> user_b)). NULL never equals anything, so the check still holds for
-- the living. SQLite cannot drop NOT NULL in place: the table is rebuilt with foreign keys off (the migrator checks
-- every reference before it commits).
CREATE TABLE pairs_rebuilt (
    pair_id    INTEGER PRIMARY KEY AUTOINCREMENT,
    user_a     INTEGER NULL,
    user_b     INTEGER NULL,
    guild_id   INTEGER NULL,
    created_at INTEGER NOT NULL,
    ended_at   INTEGER NULL,
    CHECK (user_a <> user_b)
);
INSERT INTO pairs_rebuilt (pair_id, user_a, user_b, guild_id, created_at, ended_at)
SELECT pair_id, NULLIF(user_a, 0), NULLIF(user_b, 0), guild_id, created_at, ended_at FROM pairs;
DROP TABLE pairs;
ALTER TABLE pairs_rebuilt RENAME TO pairs;

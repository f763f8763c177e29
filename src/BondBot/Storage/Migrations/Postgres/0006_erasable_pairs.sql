-- Erasing a person now sets their side of a pair to NULL instead of a 0 tombstone, so both partners can erase, in
-- either order (two 0s broke CHECK (user_a <> user_b)). NULL never equals anything, so the check still holds for
-- the living. PostgreSQL drops NOT NULL in place (SQLite rebuilt the table).
ALTER TABLE pairs ALTER COLUMN user_a DROP NOT NULL;
ALTER TABLE pairs ALTER COLUMN user_b DROP NOT NULL;
UPDATE pairs SET user_a = NULLIF(user_a, 0), user_b = NULLIF(user_b, 0) WHERE user_a = 0 OR user_b = 0;

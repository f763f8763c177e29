-- The monthly closeness pulse: six 1–5 self-ratings, one per Emotional Intimacy Scale dimension, per person and month.
-- A rating is NULL until given; the pulse counts as answered when all six are set.
CREATE TABLE pulses (
    user_id         INTEGER NOT NULL,
    month           TEXT    NOT NULL,
    pair_id         INTEGER NULL REFERENCES pairs (pair_id) ON DELETE SET NULL,
    trust           INTEGER NULL CHECK (trust BETWEEN 1 AND 5),
    knowledge       INTEGER NULL CHECK (knowledge BETWEEN 1 AND 5),
    mutuality       INTEGER NULL CHECK (mutuality BETWEEN 1 AND 5),
    commitment      INTEGER NULL CHECK (commitment BETWEEN 1 AND 5),
    caring          INTEGER NULL CHECK (caring BETWEEN 1 AND 5),
    interdependence INTEGER NULL CHECK (interdependence BETWEEN 1 AND 5),
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (user_id, month)
);

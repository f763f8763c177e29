-- The monthly closeness pulse: six 1–5 self-ratings, one per Emotional Intimacy Scale dimension, per person and month.
-- A rating is NULL until given; the pulse counts as answered when all six are set.
CREATE TABLE pulses (
    user_id         BIGINT  NOT NULL,
    month           TEXT    NOT NULL,
    pair_id         BIGINT  NULL REFERENCES pairs (pair_id) ON DELETE SET NULL,
    trust           BIGINT  NULL CHECK (trust BETWEEN 1 AND 5),
    knowledge       BIGINT  NULL CHECK (knowledge BETWEEN 1 AND 5),
    mutuality       BIGINT  NULL CHECK (mutuality BETWEEN 1 AND 5),
    commitment      BIGINT  NULL CHECK (commitment BETWEEN 1 AND 5),
    caring          BIGINT  NULL CHECK (caring BETWEEN 1 AND 5),
    interdependence BIGINT  NULL CHECK (interdependence BETWEEN 1 AND 5),
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (user_id, month)
);

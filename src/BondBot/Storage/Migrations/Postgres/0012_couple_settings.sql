-- What a pair chose about itself, shown to both: apart or together (long-distance questions and rituals follow it;
-- until chosen it is guessed from their time zones), whether they are a new couple (until chosen: by pairing date),
-- and the days on which questions should stay lighter.
CREATE TABLE couple_settings (
    pair_id    BIGINT  PRIMARY KEY REFERENCES pairs (pair_id) ON DELETE CASCADE,
    distance   TEXT NULL CHECK (distance IN ('apart', 'together', 'sometimes')),
    stage      TEXT NULL CHECK (stage IN ('new', 'established')),
    busy_days  TEXT NULL CHECK (busy_days IN ('none', 'weekdays', 'weekends')),
    updated_at BIGINT  NOT NULL
);

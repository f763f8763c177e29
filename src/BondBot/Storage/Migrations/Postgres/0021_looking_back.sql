-- On this day: now and then the daily prompt brings back a question the pair revealed months ago, with both old
-- answers. A pair can turn it off (/couple looking_back:off; NULL = never chosen = on).
ALTER TABLE couple_settings ADD COLUMN looking_back TEXT NULL CHECK (looking_back IN ('on', 'off'));

-- Each question brought back to a pair, once ever. The first partner's prompt picks it (first_id, on their local date
-- first_on) and the week counts from shown_at; the other partner's prompt that week shows the same one (second_on).
-- The dates let a resend of that day's prompt show it again without showing it on another day.
CREATE TABLE looking_back (
    pair_id   BIGINT  NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    round_id  BIGINT  NOT NULL REFERENCES rounds (round_id) ON DELETE CASCADE,
    shown_at  BIGINT  NOT NULL,
    first_id  BIGINT  NOT NULL,
    first_on  TEXT    NOT NULL,
    second_on TEXT    NULL,
    PRIMARY KEY (pair_id, round_id)
);
CREATE INDEX ix_looking_back_latest ON looking_back (pair_id, shown_at);

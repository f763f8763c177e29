-- A round's question card can be posted in several places (a guild channel, each partner's DMs); every copy is
-- remembered so its answered/waiting status can be updated everywhere.
CREATE TABLE round_cards (
    round_id   INTEGER NOT NULL REFERENCES rounds (round_id) ON DELETE CASCADE,
    channel_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (round_id, message_id)
);

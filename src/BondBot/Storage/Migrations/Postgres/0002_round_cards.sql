-- A round's question card can be posted in several places (a guild channel, each partner's DMs); every copy is
-- remembered so its answered/waiting status can be updated everywhere.
CREATE TABLE round_cards (
    round_id   BIGINT  NOT NULL REFERENCES rounds (round_id) ON DELETE CASCADE,
    channel_id BIGINT  NOT NULL,
    message_id BIGINT  NOT NULL,
    PRIMARY KEY (round_id, message_id)
);

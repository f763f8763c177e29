-- The durable outbox: everything a partner must see is a row here, written in the same transaction as the change
-- that causes it, and sent by one worker with a deterministic nonce until it is delivered.
--   route 'dm'             by DM to the recipient;
--         'pair'           in the pair's space mentioning the recipient, else by DM;
--         'pair-shared'    rows with the same share_key become one post in the pair's space, else one DM each;
--         'delete-channel' delete channel_id (a space that must not outlive its pair).
--   delivery_key           at most one row per key: enqueueing the same key again replaces the payload and, once
--                          sent, edits the message that was sent (a check-in changed later the same day).
--   status 'held'          the recipient's DMs are closed; released when they next use BondBot.
CREATE TABLE outbox (
    delivery_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient_id INTEGER NULL,
    pair_id      INTEGER NULL,
    kind         TEXT    NOT NULL,
    route        TEXT    NOT NULL CHECK (route IN ('dm', 'pair', 'pair-shared', 'delete-channel')),
    delivery_key TEXT    NULL,
    share_key    TEXT    NULL,
    payload      TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'held', 'sent', 'failed', 'cancelled')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    not_before   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    channel_id   INTEGER NULL,
    message_id   INTEGER NULL,
    last_error   TEXT    NULL,
    CHECK (route = 'delete-channel' OR recipient_id IS NOT NULL)
);
CREATE UNIQUE INDEX ux_outbox_key ON outbox (delivery_key) WHERE delivery_key IS NOT NULL;
CREATE INDEX ix_outbox_due ON outbox (not_before) WHERE status = 'pending';
CREATE INDEX ix_outbox_recipient ON outbox (recipient_id, status);
CREATE INDEX ix_outbox_pair ON outbox (pair_id) WHERE status IN ('pending', 'held');

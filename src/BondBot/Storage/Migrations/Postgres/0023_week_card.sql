-- Files that travel with a delivery (the weekly card's picture). Kept beside the outbox row, in the same transaction,
-- so a picture is as durable as the text; dropped once the row is delivered, given up or cancelled (the outbox keeps
-- no copy of what it sent), and with the row when it is erased.
CREATE TABLE outbox_files (
    delivery_id  BIGINT  NOT NULL REFERENCES outbox (delivery_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    description  TEXT    NULL,
    content      BYTEA   NOT NULL,
    PRIMARY KEY (delivery_id, position)
);

-- "Your week together": a picture of the pair's week on the ritual day. Either partner can turn it off
-- (/couple week_card:off; NULL = never chosen = on).
ALTER TABLE couple_settings ADD COLUMN week_card TEXT NULL CHECK (week_card IN ('on', 'off'));

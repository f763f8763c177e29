-- The repair kit (/repair): what a person wrote after a disagreement. A row is a private draft until they press
-- Send (sent_at), and nobody else ever sees a draft. Unsent drafts are deleted after a day, or at once on
-- "Keep it to myself"; sent ones stay, like appreciation notes, so the partner can say thank you and both can export
-- them. kind: 'startup' (I feel … about … and I need …), 'attempt' (a repair card or one's own words), 'pause'
-- (a short break with its return time; text is empty).
CREATE TABLE repair_messages (
    draft_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id    INTEGER NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    from_user  INTEGER NOT NULL,
    to_user    INTEGER NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('startup', 'attempt', 'pause')),
    text       TEXT    NOT NULL,
    parts      TEXT    NULL,
    return_at  INTEGER NULL,
    created_at INTEGER NOT NULL,
    sent_at    INTEGER NULL,
    thanked_at INTEGER NULL
);
CREATE INDEX ix_repair_messages_from ON repair_messages (from_user, created_at);
CREATE INDEX ix_repair_messages_to ON repair_messages (to_user);
CREATE INDEX ix_repair_messages_unsent ON repair_messages (created_at) WHERE sent_at IS NULL;

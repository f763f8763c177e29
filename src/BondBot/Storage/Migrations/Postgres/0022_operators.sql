-- What a server's admins switched off with /admin feature. A row exists only once a switch was changed; no row
-- means the feature's default (on). No person is named: the switch belongs to the server.
CREATE TABLE server_features (
    guild_id   BIGINT  NOT NULL,
    feature    TEXT    NOT NULL CHECK (feature IN ('questions-in-channels', 'spaces', 'weekly-card', 'nudges')),
    is_on      INTEGER NOT NULL CHECK (is_on IN (0, 1)),
    changed_at BIGINT  NOT NULL,
    PRIMARY KEY (guild_id, feature)
);

-- The correlation id of the work that wrote a delivery (an interaction, a scheduler pass), so the worker's log lines
-- about sending it can be found next to the lines about the work that caused it. An opaque token, never content.
ALTER TABLE outbox ADD COLUMN correlation_id TEXT NULL;

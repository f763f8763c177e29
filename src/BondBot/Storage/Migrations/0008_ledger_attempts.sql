-- The prompt ledger learns how each attempt ended, so a prompt whose send never reached Discord (network error,
-- 5xx, 429) is retried for the whole catch-up window, and only a send cut off mid-flight (a crash) is treated as
-- unknown once Discord no longer de-duplicates its nonce.
--   claimed  chosen for this pass, not attempted yet    sending  a request is in flight (attempted_at)
--   retry    the last attempt did not reach Discord      sent / skipped / failed  final
CREATE TABLE prompt_ledger_rebuilt (
    user_id      INTEGER NOT NULL,
    local_date   TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    due_at       INTEGER NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('claimed', 'sending', 'retry', 'sent', 'skipped', 'failed')),
    nonce        TEXT    NOT NULL,
    message_id   INTEGER NULL,
    updated_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    attempted_at INTEGER NULL,
    last_error   TEXT    NULL,
    PRIMARY KEY (user_id, local_date, kind)
);
INSERT INTO prompt_ledger_rebuilt (user_id, local_date, kind, due_at, status, nonce, message_id, updated_at)
SELECT user_id, local_date, kind, due_at, status, nonce, message_id, updated_at FROM prompt_ledger;
DROP TABLE prompt_ledger;
ALTER TABLE prompt_ledger_rebuilt RENAME TO prompt_ledger;
CREATE INDEX ix_prompt_ledger_unfinished ON prompt_ledger (status) WHERE status IN ('claimed', 'sending', 'retry');
CREATE INDEX ix_prompt_ledger_user_kind ON prompt_ledger (user_id, kind);

-- The prompt ledger learns how each attempt ended, so a prompt whose send never reached Discord (network error,
-- 5xx, 429) is retried for the whole catch-up window, and only a send cut off mid-flight (a crash) is treated as
-- unknown once Discord no longer de-duplicates its nonce.
--   claimed  chosen for this pass, not attempted yet    sending  a request is in flight (attempted_at)
--   retry    the last attempt did not reach Discord      sent / skipped / failed  final
-- PostgreSQL widens the check and adds the columns in place (SQLite rebuilt the table).
ALTER TABLE prompt_ledger DROP CONSTRAINT prompt_ledger_status_check;
ALTER TABLE prompt_ledger ADD CONSTRAINT prompt_ledger_status_check
    CHECK (status IN ('claimed', 'sending', 'retry', 'sent', 'skipped', 'failed'));
ALTER TABLE prompt_ledger ADD COLUMN attempts     BIGINT NOT NULL DEFAULT 0;
ALTER TABLE prompt_ledger ADD COLUMN attempted_at BIGINT NULL;
ALTER TABLE prompt_ledger ADD COLUMN last_error   TEXT   NULL;
DROP INDEX ix_prompt_ledger_claimed;
CREATE INDEX ix_prompt_ledger_unfinished ON prompt_ledger (status) WHERE status IN ('claimed', 'sending', 'retry');
CREATE INDEX ix_prompt_ledger_user_kind ON prompt_ledger (user_id, kind);

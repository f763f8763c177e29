-- "Not yet": either partner can set a round aside without judgement. Its answers stay (hidden); it comes back no
-- sooner than return_after, at most twice (set_aside_times), and is retired after a third "Not yet".
-- PostgreSQL widens the status check and adds the columns in place (SQLite rebuilt the table); every index is kept.
ALTER TABLE rounds DROP CONSTRAINT rounds_status_check;
ALTER TABLE rounds ADD CONSTRAINT rounds_status_check
    CHECK (status IN ('open', 'revealed', 'replaced', 'set-aside', 'retired'));
ALTER TABLE rounds ADD COLUMN set_aside_by    BIGINT NULL;
ALTER TABLE rounds ADD COLUMN set_aside_at    BIGINT NULL;
ALTER TABLE rounds ADD COLUMN set_aside_times BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN return_after    BIGINT NULL;
CREATE INDEX ix_rounds_set_aside ON rounds (pair_id, return_after) WHERE status = 'set-aside';

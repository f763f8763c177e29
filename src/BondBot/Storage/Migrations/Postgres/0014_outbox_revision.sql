-- A delivery changed while it was being sent (a check-in redone seconds after the first save) must not be marked
-- sent with the older text: each re-enqueue bumps the revision, and only the revision that was sent is marked sent.
ALTER TABLE outbox ADD COLUMN revision BIGINT  NOT NULL DEFAULT 0;

-- A check-in is shared with the partner once a day; redoing it edits that card instead of sending another.
ALTER TABLE checkins ADD COLUMN shared_channel_id BIGINT  NULL;
ALTER TABLE checkins ADD COLUMN shared_message_id BIGINT  NULL;

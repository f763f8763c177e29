-- "💛 I'm here" on a partner's check-in card: when the partner answered it (once per shared check-in).
ALTER TABLE checkins ADD COLUMN partner_here_at BIGINT  NULL;

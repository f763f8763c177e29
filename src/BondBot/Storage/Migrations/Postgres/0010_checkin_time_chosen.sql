-- Setting only a time zone no longer switches on a 20:00 check-in by itself: the check-in starts once the person
-- has chosen (or confirmed) a time. Everyone who already had a zone keeps the check-ins they were getting.
ALTER TABLE users ADD COLUMN checkin_time_chosen BIGINT  NOT NULL DEFAULT 0;
UPDATE users SET checkin_time_chosen = 1 WHERE time_zone IS NOT NULL;

-- What a round was asked for (a category, a depth), so "New question" keeps to it, and who swapped it in.
ALTER TABLE rounds ADD COLUMN asked_category TEXT NULL;
ALTER TABLE rounds ADD COLUMN asked_depth BIGINT  NULL;
ALTER TABLE rounds ADD COLUMN swapped_by BIGINT  NULL;

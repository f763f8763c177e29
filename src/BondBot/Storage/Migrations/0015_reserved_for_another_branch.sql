-- Placeholder: version 15 belongs to another branch of issue 13 (migrations are numbered without gaps). Drop this
-- file when that branch's 0015 is merged.
SELECT 1;

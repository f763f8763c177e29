-- Visits (/visit): the next time a pair sees each other, and the ones they had. Dates are calendar dates as the setter
-- typed them in their zone (the day you meet is the same day for both of you); start_time, when given, is local to
-- `zone` and gives the Discord timestamp. ends_on is the last day together (starts_on when no `until` was given).
-- A visit whose ends_on has passed is history (for /insights); setting a new one replaces only the one not yet over.
CREATE TABLE visits (
    visit_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id    INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    setter_id  INTEGER NOT NULL,
    zone       TEXT    NOT NULL,
    starts_on  TEXT    NOT NULL,
    start_time TEXT    NULL,
    ends_on    TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX ix_visits_pair ON visits (pair_id, ends_on);
CREATE INDEX ix_visits_setter ON visits (setter_id);

-- BondBot schema, version 1.
-- Conventions: Discord ids are INTEGER (the 64 bits of the snowflake, read back unsigned by the app);
-- instants are INTEGER Unix milliseconds; local dates are ISO TEXT; local times are 'HH:mm' TEXT;
-- time zones are IANA ids.

-- Everyone BondBot has met, with their own schedule (each partner has their own zone and time).
CREATE TABLE users (
    user_id              INTEGER PRIMARY KEY,
    time_zone            TEXT    NULL,
    checkin_time         TEXT    NOT NULL DEFAULT '20:00',
    checkin_days         TEXT    NOT NULL DEFAULT 'every' CHECK (checkin_days IN ('every', 'weekdays', 'weekends')),
    paused_until         INTEGER NULL,
    dm_channel_id        INTEGER NULL,
    dm_unreachable_since INTEGER NULL,
    next_checkin_at      INTEGER NULL,
    created_at           INTEGER NOT NULL
);
-- The scheduler asks "who is due by now?"; a partial index keeps that independent of everyone not scheduled.
CREATE INDEX ix_users_next_checkin_at ON users (next_checkin_at) WHERE next_checkin_at IS NOT NULL;

-- An invitation to pair; nothing is linked until the invitee accepts.
CREATE TABLE pair_invites (
    invite_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    inviter_id  INTEGER NOT NULL,
    invitee_id  INTEGER NOT NULL,
    guild_id    INTEGER NULL,
    channel_id  INTEGER NULL,
    status      TEXT    NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'expired', 'replaced', 'cancelled')),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    answered_at INTEGER NULL,
    CHECK (inviter_id <> invitee_id)
);
-- A new invite replaces the inviter's pending one: at most one pending invite per inviter.
CREATE UNIQUE INDEX ux_pair_invites_pending ON pair_invites (inviter_id) WHERE status = 'pending';
CREATE INDEX ix_pair_invites_invitee ON pair_invites (invitee_id, status);

CREATE TABLE pairs (
    pair_id    INTEGER PRIMARY KEY AUTOINCREMENT,
    user_a     INTEGER NOT NULL,
    user_b     INTEGER NOT NULL,
    guild_id   INTEGER NULL,
    created_at INTEGER NOT NULL,
    ended_at   INTEGER NULL,
    CHECK (user_a <> user_b)
);

-- Membership rows let the database itself enforce "one active pair per person", so two accepts racing
-- cannot both succeed.
CREATE TABLE pair_members (
    pair_id INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    PRIMARY KEY (pair_id, user_id)
);
CREATE UNIQUE INDEX ux_pair_members_one_active ON pair_members (user_id) WHERE active = 1;

-- Questions a guild's moderators added to the draw for rounds opened in that guild.
CREATE TABLE custom_questions (
    question_id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    text        TEXT    NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
    category    TEXT    NOT NULL,
    depth       INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    removed_at  INTEGER NULL
);
CREATE INDEX ix_custom_questions_guild ON custom_questions (guild_id) WHERE removed_at IS NULL;

-- A round is one question put to one pair; answers stay locked until both partners answered.
CREATE TABLE rounds (
    round_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    pair_id       INTEGER NOT NULL REFERENCES pairs (pair_id) ON DELETE CASCADE,
    question_key  TEXT    NOT NULL,
    question_text TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    depth         INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
    status        TEXT    NOT NULL CHECK (status IN ('open', 'revealed', 'replaced')),
    opened_at     INTEGER NOT NULL,
    revealed_at   INTEGER NULL,
    channel_id    INTEGER NULL,
    message_id    INTEGER NULL
);
CREATE UNIQUE INDEX ux_rounds_one_open_per_pair ON rounds (pair_id) WHERE status = 'open';
CREATE INDEX ix_rounds_pair_question ON rounds (pair_id, question_key);

CREATE TABLE answers (
    round_id    INTEGER NOT NULL REFERENCES rounds (round_id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    answered_at INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (round_id, user_id)
);

-- One check-in per person per local day; doing it again the same day updates the row.
CREATE TABLE checkins (
    user_id    INTEGER NOT NULL,
    local_date TEXT    NOT NULL,
    pair_id    INTEGER NULL REFERENCES pairs (pair_id) ON DELETE SET NULL,
    mood       INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
    good_thing TEXT    NULL,
    stress     TEXT    NULL,
    need       TEXT    NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, local_date)
);

-- The scheduler's exactly-once ledger: one row per person, local date and prompt kind, claimed before the
-- send and marked after it; the nonce makes a retried send idempotent on Discord's side.
CREATE TABLE prompt_ledger (
    user_id    INTEGER NOT NULL,
    local_date TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    due_at     INTEGER NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed')),
    nonce      TEXT    NOT NULL,
    message_id INTEGER NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, local_date, kind)
);
CREATE INDEX ix_prompt_ledger_claimed ON prompt_ledger (status) WHERE status = 'claimed';

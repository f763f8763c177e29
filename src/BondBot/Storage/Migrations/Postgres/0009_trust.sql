-- Nudges: one per round (not one a day forever), found without touching rounds already nudged.
ALTER TABLE rounds ADD COLUMN nudged_at BIGINT  NULL;
CREATE INDEX ix_rounds_open ON rounds (status) WHERE status = 'open' AND nudged_at IS NULL;

-- The pair a check-in was shared with: a partner only ever sees check-ins shared with their own pair.
ALTER TABLE checkins ADD COLUMN shared_pair_id BIGINT  NULL;

-- "Don't invite me again": an invitee can refuse further invites from one person for good.
CREATE TABLE invite_blocks (
    invitee_id BIGINT  NOT NULL,
    inviter_id BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL,
    PRIMARY KEY (invitee_id, inviter_id)
);
-- When an invite was posted in a channel because the invitee's DMs are closed (at most once a day per invitee).
ALTER TABLE pair_invites ADD COLUMN posted_in_channel_at BIGINT  NULL;

-- A space is opened only after the partner agreed: the request waits here.
CREATE TABLE space_requests (
    pair_id      BIGINT  PRIMARY KEY REFERENCES pairs (pair_id) ON DELETE CASCADE,
    guild_id     BIGINT  NOT NULL,
    requested_by BIGINT  NOT NULL,
    created_at   BIGINT  NOT NULL
);

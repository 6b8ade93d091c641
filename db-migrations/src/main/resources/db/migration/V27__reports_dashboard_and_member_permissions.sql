-- Members of shared Jump Groups get two permissions beside their role: pin (install a Jump Client into the
-- group from an attended session) and deploy (make installers for the group without being an administrator).
ALTER TABLE jump_group_member
    ADD COLUMN may_pin    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN may_deploy BOOLEAN NOT NULL DEFAULT FALSE;

-- A jump started through the API waits for its representative to open it in the console: WAITING, without a
-- token until then (the agent's token is made when the representative opens it).
ALTER TABLE support_session DROP CONSTRAINT support_session_state_known;
ALTER TABLE support_session ADD CONSTRAINT support_session_state_known
    CHECK (state IN ('WAITING', 'REQUESTED', 'ACTIVE', 'ENDED'));
ALTER TABLE support_session ALTER COLUMN token_hash DROP NOT NULL;
ALTER TABLE support_session ADD CONSTRAINT support_session_token_once_requested
    CHECK (state = 'WAITING' OR token_hash IS NOT NULL);

-- Session reports list sessions newest first, by time, representative or outcome.
CREATE INDEX support_session_requested_idx ON support_session (requested_at DESC, id);
CREATE INDEX support_session_representative_idx ON support_session (representative, requested_at DESC);

-- The dashboard's history, one row per time bucket. Each node writes what it alone knows (the agents
-- connected to it) under its own name; the site-wide counts of Jump Client states once per bucket. Every
-- node tries every bucket: the first insert wins (ON CONFLICT DO NOTHING), so nodes never double count.
CREATE TABLE connected_clients_sample (
    bucket    TIMESTAMPTZ  NOT NULL,
    node      VARCHAR(100) NOT NULL,
    connected INTEGER      NOT NULL CHECK (connected >= 0),
    PRIMARY KEY (bucket, node)
);

CREATE TABLE client_state_sample (
    bucket      TIMESTAMPTZ PRIMARY KEY,
    pinned      INTEGER NOT NULL,
    active      INTEGER NOT NULL,
    passive     INTEGER NOT NULL,
    uninstalled INTEGER NOT NULL
);

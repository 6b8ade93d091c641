-- Support sessions: one row per jump, from the representative's request to its end. The agent proves it
-- serves the session with a one-time token, of which only the SHA-256 is kept.
CREATE TABLE support_session (
    id                UUID PRIMARY KEY,
    client_id         UUID         NOT NULL REFERENCES jump_client (id),
    representative    VARCHAR(100) NOT NULL,
    token_hash        CHAR(64)     NOT NULL,
    state             VARCHAR(10)  NOT NULL CONSTRAINT support_session_state_known
                                   CHECK (state IN ('REQUESTED', 'ACTIVE', 'ENDED')),
    requested_at      TIMESTAMPTZ  NOT NULL,
    started_at        TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ,
    outcome           VARCHAR(40),
    bytes_to_agent    BIGINT       NOT NULL DEFAULT 0,
    bytes_from_agent  BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX support_session_client_idx ON support_session (client_id, requested_at DESC);
-- Jumps being set up (for the SERVER_BUSY limit) are found without reading ended sessions.
CREATE INDEX support_session_setting_up_idx ON support_session (requested_at) WHERE state = 'REQUESTED';

-- The terminal stream with its timing, in asciicast v2 event form: seconds since the start, 'o' for output
-- and 'i' for input, the text. Appended in batches by the node relaying the session.
CREATE TABLE session_recording_event (
    session_id UUID             NOT NULL REFERENCES support_session (id),
    seq        INTEGER          NOT NULL,
    at_seconds DOUBLE PRECISION NOT NULL,
    kind       CHAR(1)          NOT NULL CONSTRAINT session_recording_kind_known CHECK (kind IN ('o', 'i', 'r')),
    data       TEXT             NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- Files moved in support sessions: the largest file a representative may download or upload (a client
-- setting, in MB), and one row per transfer for the session's record (the audit trail has a row too).
ALTER TABLE client_settings
    ADD COLUMN max_file_transfer_megabytes INTEGER NOT NULL DEFAULT 1024
        CONSTRAINT client_settings_max_file_transfer_positive CHECK (max_file_transfer_megabytes >= 1);

CREATE TABLE session_file_transfer (
    id             BIGSERIAL PRIMARY KEY,
    session_id     UUID         NOT NULL REFERENCES support_session (id),
    direction      VARCHAR(8)   NOT NULL CONSTRAINT session_file_transfer_direction_known
                                CHECK (direction IN ('DOWNLOAD', 'UPLOAD')),
    path           TEXT         NOT NULL,
    bytes          BIGINT       NOT NULL CHECK (bytes >= 0),
    -- OK, or the file status that stopped it (NOT_FOUND, PERMISSION_DENIED, TOO_LARGE, FAILED, ...)
    outcome        VARCHAR(40)  NOT NULL,
    transferred_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX session_file_transfer_session_idx ON session_file_transfer (session_id, id);

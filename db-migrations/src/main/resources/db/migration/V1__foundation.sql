-- Foundation schema: console users, Jump Clients and the audit trail.

CREATE TABLE console_user (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    administrator BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT console_user_username_unique UNIQUE (username)
);

CREATE TABLE jump_client (
    id               UUID         PRIMARY KEY,
    hostname         VARCHAR(255) NOT NULL,
    operating_system VARCHAR(255) NOT NULL,
    agent_version    VARCHAR(64)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    last_contact_at  TIMESTAMPTZ  NOT NULL,
    row_version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT jump_client_state_known CHECK (state IN ('PINNED', 'ACTIVE', 'PASSIVE', 'UNINSTALLED'))
);

CREATE INDEX jump_client_hostname_idx ON jump_client (hostname);

CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(128) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR(128),
    outcome     VARCHAR(64)  NOT NULL,
    detail      TEXT
);

CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_target_idx ON audit_event (target);

-- Attended sessions: a representative gives a customer a one-time session key; the customer's temporary
-- client presents it and waits in that representative's queue until accepted.

-- How attended sessions behave site-wide (one row). Kept apart from the client settings, which are about
-- installed Jump Clients.
CREATE TABLE session_policy (
    id                           SMALLINT PRIMARY KEY CONSTRAINT session_policy_single_row CHECK (id = 1),
    session_key_validity_minutes INTEGER  NOT NULL CHECK (session_key_validity_minutes BETWEEN 1 AND 1440),
    row_version                  BIGINT   NOT NULL DEFAULT 0
);
INSERT INTO session_policy (id, session_key_validity_minutes) VALUES (1, 15);

-- Only the key's SHA-256 is kept: the code exists on the representative's screen and with the customer.
CREATE TABLE session_key (
    id             UUID         PRIMARY KEY,
    code_hash      CHAR(64)     NOT NULL CONSTRAINT session_key_code_unique UNIQUE,
    representative VARCHAR(100) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL,
    used_at        TIMESTAMPTZ
);

-- A customer who presented a key: waiting in the representative's queue, then in a session, then gone.
CREATE TABLE attended_customer (
    id               UUID         PRIMARY KEY,
    session_key_id   UUID         NOT NULL CONSTRAINT attended_customer_key_once UNIQUE REFERENCES session_key (id),
    representative   VARCHAR(100) NOT NULL,
    hostname         VARCHAR(255) NOT NULL,
    operating_system VARCHAR(255) NOT NULL,
    os_user          VARCHAR(255) NOT NULL,
    state            VARCHAR(10)  NOT NULL CONSTRAINT attended_customer_state_known
                                  CHECK (state IN ('WAITING', 'ACCEPTED', 'LEFT')),
    arrived_at       TIMESTAMPTZ  NOT NULL,
    left_at          TIMESTAMPTZ
);
CREATE INDEX attended_customer_queue_idx ON attended_customer (representative, arrived_at) WHERE state <> 'LEFT';

-- A support session serves either an installed Jump Client (a jump) or an attended customer.
ALTER TABLE support_session
    ALTER COLUMN client_id DROP NOT NULL,
    ADD COLUMN customer_id UUID REFERENCES attended_customer (id),
    ADD CONSTRAINT support_session_serves_one CHECK ((client_id IS NULL) <> (customer_id IS NULL));

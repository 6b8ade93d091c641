-- Session pinning ("Pin as Jump Client"): a representative in an attended session asks the customer's
-- temporary client to install itself as a Jump Client. The client registers through a one-time installer,
-- so it takes the same path and quota checks as any installer.

-- Whether the customer is asked before a pin installs: site-wide, and per Jump Group (NULL: the site's).
ALTER TABLE session_policy
    ADD COLUMN pin_prompt VARCHAR(6) NOT NULL DEFAULT 'ALWAYS'
        CONSTRAINT session_policy_pin_prompt_known CHECK (pin_prompt IN ('ALWAYS', 'NEVER'));
ALTER TABLE jump_group
    ADD COLUMN pin_prompt VARCHAR(6)
        CONSTRAINT jump_group_pin_prompt_known CHECK (pin_prompt IN ('ALWAYS', 'NEVER'));

-- An installer may be limited in uses: a pin's installer registers exactly one machine.
ALTER TABLE installer
    ADD COLUMN max_uses INTEGER CONSTRAINT installer_max_uses_positive CHECK (max_uses > 0);

-- Where a customer's temporary client is connected (the node and its run), NULL when it is not: every node
-- reads presence here. A customer whose connection dropped during a session is DISCONNECTED; one who ended
-- or left the queue is LEFT.
ALTER TABLE attended_customer
    ADD COLUMN node_id VARCHAR(100),
    ADD COLUMN boot_id UUID,
    ALTER COLUMN state TYPE VARCHAR(12),
    DROP CONSTRAINT attended_customer_state_known,
    ADD CONSTRAINT attended_customer_state_known CHECK (state IN ('WAITING', 'ACCEPTED', 'DISCONNECTED', 'LEFT'));
DROP INDEX attended_customer_queue_idx;
CREATE INDEX attended_customer_queue_idx ON attended_customer (representative, arrived_at)
    WHERE state IN ('WAITING', 'ACCEPTED');

-- One row per pin request. REQUESTED: sent, waiting for the customer's answer (or the client's taking it);
-- INSTALLING: allowed, the client installs itself; then DENIED, PINNED (client_id set) or FAILED.
CREATE TABLE session_pin (
    id             UUID          PRIMARY KEY,
    customer_id    UUID          NOT NULL REFERENCES attended_customer (id),
    session_id     UUID          REFERENCES support_session (id),
    representative VARCHAR(100)  NOT NULL,
    jump_group_id  BIGINT        NOT NULL REFERENCES jump_group (id),
    tag            VARCHAR(64),
    comments       VARCHAR(1024),
    installer_id   UUID          NOT NULL CONSTRAINT session_pin_installer_once UNIQUE REFERENCES installer (id),
    asked          BOOLEAN       NOT NULL,
    state          VARCHAR(10)   NOT NULL CONSTRAINT session_pin_state_known
                                 CHECK (state IN ('REQUESTED', 'INSTALLING', 'DENIED', 'PINNED', 'FAILED')),
    failure        VARCHAR(1024),
    client_id      UUID          REFERENCES jump_client (id),
    requested_at   TIMESTAMPTZ   NOT NULL,
    answered_at    TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    CONSTRAINT session_pin_pinned_has_client CHECK ((state = 'PINNED') = (client_id IS NOT NULL))
);
-- At most one pending pin per customer: of two consoles pinning at once, exactly one gets the row.
CREATE UNIQUE INDEX session_pin_one_pending ON session_pin (customer_id) WHERE state IN ('REQUESTED', 'INSTALLING');
-- A customer's machine is pinned once.
CREATE UNIQUE INDEX session_pin_one_pinned ON session_pin (customer_id) WHERE state = 'PINNED';
CREATE INDEX session_pin_customer_idx ON session_pin (customer_id, requested_at DESC);

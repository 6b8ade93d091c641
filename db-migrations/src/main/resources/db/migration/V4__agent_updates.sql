-- The site's Ed25519 key that signs agent releases. One row, made by the first node that needs it; every
-- node signs with the same key, so agents keep one key whichever node they reach.
CREATE TABLE site_signing_key (
    id          SMALLINT PRIMARY KEY CONSTRAINT site_signing_key_single_row CHECK (id = 1),
    public_key  VARCHAR(200) NOT NULL,
    private_key VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);

-- Agents told to update and not yet back with the new version. Rows older than the upgrade window no
-- longer count against client_settings.max_concurrent_upgrades (the agent failed or went away).
CREATE TABLE agent_upgrade (
    client_id    UUID PRIMARY KEY REFERENCES jump_client (id) ON DELETE CASCADE,
    from_version VARCHAR(64) NOT NULL,
    to_version   VARCHAR(64) NOT NULL,
    offered_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX agent_upgrade_offered_idx ON agent_upgrade (offered_at);

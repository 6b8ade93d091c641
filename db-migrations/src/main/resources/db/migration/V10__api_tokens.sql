-- API tokens: bearer credentials for the REST API. Each acts as the console user who owns it; only the
-- SHA-256 of the token is stored. Scope READ allows GET only; WRITE allows every method.
CREATE TABLE api_token (
    id           UUID         PRIMARY KEY,
    token_hash   CHAR(64)     NOT NULL CONSTRAINT api_token_hash_unique UNIQUE,
    name         VARCHAR(80)  NOT NULL,
    owner_id     BIGINT       NOT NULL REFERENCES console_user (id) ON DELETE CASCADE,
    scope        VARCHAR(8)   NOT NULL CONSTRAINT api_token_scope_known CHECK (scope IN ('READ', 'WRITE')),
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    -- Written at most once a minute per token, so authenticating a request rarely writes at all.
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   VARCHAR(64)
);
CREATE INDEX api_token_owner_idx ON api_token (owner_id);

-- The representative console: failed-login throttling shared by every node, and indexes for the Jump
-- interface's search (substring search through trigrams, sorting, tags per group).

-- Failed logins per account and per source address. A subject with 5 failures within 5 minutes is locked
-- for 5 minutes; a successful login clears its account's and its address's rows. One row per subject,
-- changed with INSERT ... ON CONFLICT, so concurrent logins on several nodes count exactly.
CREATE TABLE login_throttle (
    subject_kind     VARCHAR(8)   NOT NULL CONSTRAINT login_throttle_kind_known CHECK (subject_kind IN ('ACCOUNT', 'ADDRESS')),
    subject          VARCHAR(255) NOT NULL,
    failures         INTEGER      NOT NULL,
    first_failure_at TIMESTAMPTZ  NOT NULL,
    locked_until     TIMESTAMPTZ,
    PRIMARY KEY (subject_kind, subject)
);

-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner without superuser rights may create it,
-- as the application's user does here on the embedded server and on a site's own PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX jump_client_name_trgm ON jump_client USING gin (name gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_comments_trgm ON jump_client USING gin (comments gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_tag_trgm ON jump_client USING gin (tag gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_console_user_trgm ON jump_client USING gin (console_user gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_private_ips_trgm ON jump_client USING gin (private_ips gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_public_ip_trgm ON jump_client USING gin (public_ip gin_trgm_ops) WHERE deleted_at IS NULL;

-- Sorting the first page and the group/tag tree of the left pane.
CREATE INDEX jump_client_name_sort ON jump_client (lower(name), id) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_group_tag ON jump_client (jump_group_id, tag) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_last_jumped ON jump_client (last_jumped_at, id) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_last_jumped_desc ON jump_client (last_jumped_at DESC NULLS LAST, id DESC) WHERE deleted_at IS NULL;

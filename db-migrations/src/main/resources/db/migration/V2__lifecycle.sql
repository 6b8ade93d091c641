-- Jump Client lifecycle: Jump Groups and roles, teams, installers, the site license with its usage
-- counters, client settings, the full Jump Client record, and a tamper-evident audit trail.

-- Console users ---------------------------------------------------------------------------------------
ALTER TABLE console_user
    ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE,
    -- Whose personal Jump Groups this user may see besides their own: nobody, their team mates, everybody.
    ADD COLUMN personal_group_visibility VARCHAR(8) NOT NULL DEFAULT 'NONE'
        CONSTRAINT console_user_visibility_known CHECK (personal_group_visibility IN ('NONE', 'TEAM', 'ALL'));

CREATE TABLE team (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(64) NOT NULL CONSTRAINT team_name_unique UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE team_member (
    team_id BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES console_user (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_member_user_idx ON team_member (user_id);

-- Jump Groups: shared (members with roles) or personal ('user:<username>', owned by that user) -----------
CREATE TABLE jump_group (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(80) NOT NULL CONSTRAINT jump_group_name_unique UNIQUE,
    owner_id   BIGINT REFERENCES console_user (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT jump_group_personal_named_for_owner CHECK ((owner_id IS NOT NULL) = (name LIKE 'user:%'))
);
CREATE UNIQUE INDEX jump_group_one_personal_per_user ON jump_group (owner_id) WHERE owner_id IS NOT NULL;

CREATE TABLE jump_group_member (
    group_id BIGINT     NOT NULL REFERENCES jump_group (id) ON DELETE CASCADE,
    user_id  BIGINT     NOT NULL REFERENCES console_user (id) ON DELETE CASCADE,
    role     VARCHAR(8) NOT NULL CONSTRAINT jump_group_member_role_known CHECK (role IN ('VIEW', 'JUMP', 'MANAGE')),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX jump_group_member_user_idx ON jump_group_member (user_id);

INSERT INTO jump_group (name) VALUES ('Default');

-- Installers: a key many machines may use while it is valid and not revoked -----------------------------
CREATE TABLE installer (
    id                       UUID         PRIMARY KEY,
    key_hash                 CHAR(64)     NOT NULL CONSTRAINT installer_key_unique UNIQUE,
    jump_group_id            BIGINT       NOT NULL REFERENCES jump_group (id),
    tag                      VARCHAR(64),
    comments                 VARCHAR(1024),
    mode                     VARCHAR(8)   NOT NULL CONSTRAINT installer_mode_known CHECK (mode IN ('ACTIVE', 'PASSIVE')),
    install_mode             VARCHAR(8)   NOT NULL CONSTRAINT installer_install_mode_known CHECK (install_mode IN ('SERVICE', 'USER')),
    override_jump_group      BOOLEAN      NOT NULL DEFAULT FALSE,
    override_tag             BOOLEAN      NOT NULL DEFAULT FALSE,
    override_comments        BOOLEAN      NOT NULL DEFAULT FALSE,
    valid_until              TIMESTAMPTZ  NOT NULL,
    revoked_at               TIMESTAMPTZ,
    uses                     INTEGER      NOT NULL DEFAULT 0,
    created_by               VARCHAR(64)  NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    row_version              BIGINT       NOT NULL DEFAULT 0
);

-- The Jump Client record ------------------------------------------------------------------------------
ALTER TABLE jump_client
    ADD COLUMN name                VARCHAR(255),
    ADD COLUMN mode                VARCHAR(8)    NOT NULL DEFAULT 'ACTIVE'
        CONSTRAINT jump_client_mode_known CHECK (mode IN ('ACTIVE', 'PASSIVE')),
    ADD COLUMN install_mode        VARCHAR(8)    NOT NULL DEFAULT 'SERVICE'
        CONSTRAINT jump_client_install_mode_known CHECK (install_mode IN ('SERVICE', 'USER')),
    ADD COLUMN jump_group_id       BIGINT        REFERENCES jump_group (id),
    ADD COLUMN tag                 VARCHAR(64),
    ADD COLUMN comments            VARCHAR(1024),
    ADD COLUMN console_user        VARCHAR(255),
    ADD COLUMN private_ips         VARCHAR(1024),
    ADD COLUMN public_ip           VARCHAR(64),
    ADD COLUMN uptime_seconds      BIGINT,
    ADD COLUMN cpu_load            DOUBLE PRECISION,
    ADD COLUMN memory_used_bytes   BIGINT,
    ADD COLUMN memory_total_bytes  BIGINT,
    ADD COLUMN disk_used_bytes     BIGINT,
    ADD COLUMN disk_total_bytes    BIGINT,
    ADD COLUMN statistics_at       TIMESTAMPTZ,
    ADD COLUMN installer_id        UUID          REFERENCES installer (id),
    ADD COLUMN created_by          VARCHAR(128),
    ADD COLUMN last_jumped_by      VARCHAR(64),
    ADD COLUMN last_jumped_at      TIMESTAMPTZ,
    ADD COLUMN offline_limit_days  INTEGER       CONSTRAINT jump_client_offline_limit_positive CHECK (offline_limit_days > 0),
    ADD COLUMN uninstalled_at      TIMESTAMPTZ,
    ADD COLUMN deleted_at          TIMESTAMPTZ,
    ADD COLUMN deleted_by          VARCHAR(128);

UPDATE jump_client SET name = hostname, created_by = 'agent',
    jump_group_id = (SELECT id FROM jump_group WHERE name = 'Default');
ALTER TABLE jump_client
    ALTER COLUMN name SET NOT NULL,
    ALTER COLUMN created_by SET NOT NULL,
    ALTER COLUMN jump_group_id SET NOT NULL;

CREATE INDEX jump_client_group_idx ON jump_client (jump_group_id) WHERE deleted_at IS NULL;
CREATE INDEX jump_client_last_contact_idx ON jump_client (last_contact_at) WHERE deleted_at IS NULL;

-- The license and its usage, one row. Quotas are checked and counted under this row's lock. --------------
CREATE TABLE site_license (
    id             SMALLINT PRIMARY KEY CONSTRAINT site_license_single_row CHECK (id = 1),
    packs          INTEGER NOT NULL CONSTRAINT site_license_packs_not_negative CHECK (packs >= 0),
    active_limit   INTEGER NOT NULL CONSTRAINT site_license_active_not_negative CHECK (active_limit >= 0),
    deployed_count INTEGER NOT NULL CONSTRAINT site_license_deployed_not_negative CHECK (deployed_count >= 0),
    active_count   INTEGER NOT NULL CONSTRAINT site_license_active_count_not_negative CHECK (active_count >= 0)
);
INSERT INTO site_license (id, packs, active_limit, deployed_count, active_count)
SELECT 1, 4, 100,
       (SELECT count(*) FROM jump_client WHERE deleted_at IS NULL AND state <> 'UNINSTALLED'),
       (SELECT count(*) FROM jump_client WHERE deleted_at IS NULL AND state = 'ACTIVE');

-- Client settings, one row ----------------------------------------------------------------------------
CREATE TABLE client_settings (
    id                            SMALLINT PRIMARY KEY CONSTRAINT client_settings_single_row CHECK (id = 1),
    -- WildFly closes a WebSocket idle for 90 s: heartbeats must come well before that.
    heartbeat_seconds             INTEGER NOT NULL CHECK (heartbeat_seconds BETWEEN 1 AND 60),
    statistics_seconds            INTEGER NOT NULL CHECK (statistics_seconds BETWEEN 1 AND 86400),
    passive_check_in_seconds      INTEGER NOT NULL CHECK (passive_check_in_seconds BETWEEN 1 AND 86400),
    offline_limit_days            INTEGER NOT NULL CHECK (offline_limit_days BETWEEN 1 AND 3650),
    max_concurrent_jumps          INTEGER NOT NULL CHECK (max_concurrent_jumps >= 1),
    connect_timeout_seconds       INTEGER NOT NULL CHECK (connect_timeout_seconds BETWEEN 1 AND 600),
    reconnects_per_second         INTEGER NOT NULL CHECK (reconnects_per_second >= 1),
    max_concurrent_upgrades       INTEGER NOT NULL CHECK (max_concurrent_upgrades >= 1),
    session_idle_timeout_minutes  INTEGER NOT NULL CHECK (session_idle_timeout_minutes >= 1),
    row_version                   BIGINT  NOT NULL DEFAULT 0
);
INSERT INTO client_settings VALUES (1, 30, 300, 60, 180, 20, 30, 1000, 500, 30, 0);

-- Audit trail: append-only and hash-chained ----------------------------------------------------------
-- chain_seq is the row's place in the chain: commit order under the chain lock, which can differ from id
-- order when transactions overlap.
ALTER TABLE audit_event
    ADD COLUMN chain_seq     BIGINT,
    ADD COLUMN previous_hash CHAR(64),
    ADD COLUMN hash          CHAR(64);

-- The digest of one row given its predecessor's. Used by the insert trigger and by verification alike, so
-- both always agree on what was hashed.
CREATE FUNCTION audit_event_digest(previous_hash TEXT, id BIGINT, occurred_at TIMESTAMPTZ, actor TEXT,
                                   action TEXT, target TEXT, outcome TEXT, detail TEXT)
    RETURNS CHAR(64) LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
        coalesce(previous_hash, ''), id::text, extract(epoch FROM occurred_at)::numeric::text,
        actor, action, coalesce(target, ''), outcome, coalesce(detail, '')), 'UTF8')), 'hex')
$$;

-- Chains every new row to the row inserted before it. The advisory lock (held to the end of the
-- transaction) keeps the chain a single line when transactions insert concurrently.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    predecessor      CHAR(64);
    predecessor_seq  BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(4242001);
    SELECT hash, chain_seq INTO predecessor, predecessor_seq FROM audit_event ORDER BY chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(predecessor_seq, 0) + 1;
    NEW.previous_hash := predecessor;
    NEW.hash := audit_event_digest(predecessor, NEW.id, NEW.occurred_at, NEW.actor, NEW.action, NEW.target,
                                   NEW.outcome, NEW.detail);
    RETURN NEW;
END
$$;

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Rows written before the chain existed are chained now, in order.
DO $$
DECLARE
    row RECORD;
    predecessor CHAR(64);
    seq BIGINT := 0;
BEGIN
    FOR row IN SELECT * FROM audit_event ORDER BY id LOOP
        seq := seq + 1;
        UPDATE audit_event SET chain_seq = seq, previous_hash = predecessor,
               hash = audit_event_digest(predecessor, row.id, row.occurred_at, row.actor, row.action, row.target,
                                         row.outcome, row.detail)
         WHERE id = row.id RETURNING hash INTO predecessor;
    END LOOP;
END
$$;

ALTER TABLE audit_event
    ALTER COLUMN hash SET NOT NULL,
    ALTER COLUMN chain_seq SET NOT NULL,
    ADD CONSTRAINT audit_event_chain_seq_unique UNIQUE (chain_seq);

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

CREATE INDEX audit_event_actor_idx ON audit_event (actor);
CREATE INDEX audit_event_action_idx ON audit_event (action);

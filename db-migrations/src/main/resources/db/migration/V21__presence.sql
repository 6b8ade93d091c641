-- Presence in the database, shared by every node: which agent is connected to which node now, and when it
-- was last heard from. Heartbeats stay in memory; a node writes its agents' last-heard times here in one
-- statement every 30 seconds.

-- One row per running node (JUMPDESK_NODE_ID), refreshed by its housekeeping timer. A new boot_id at every
-- start tells this start's connections from those a crashed or stopped run of the same node left behind.
CREATE TABLE site_node (
    node_id    VARCHAR(128) PRIMARY KEY,
    boot_id    UUID         NOT NULL,
    started_at TIMESTAMPTZ  NOT NULL,
    seen_at    TIMESTAMPTZ  NOT NULL
);

-- One row per client whose authenticated agent connection is open, on the node that holds it. Narrow and
-- with room on each page (fillfactor 50) so the last-heard flush is heap-only updates: no index on the
-- time, and node_id, boot_id and connection_id never change for a row. A disconnect deletes the row and
-- carries the last-heard time over to jump_client.last_contact_at.
CREATE TABLE agent_connection (
    client_id     UUID         PRIMARY KEY REFERENCES jump_client (id),
    node_id       VARCHAR(128) NOT NULL,
    boot_id       UUID         NOT NULL,
    connection_id UUID         NOT NULL,
    connected_at  TIMESTAMPTZ  NOT NULL,
    last_heard_at TIMESTAMPTZ  NOT NULL,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE
) WITH (fillfactor = 50);
CREATE INDEX agent_connection_node ON agent_connection (node_id, boot_id);

-- jump_client.online mirrors "has an agent_connection row", kept by the trigger below so it cannot drift.
-- It exists for the console's search: partial indexes over the few connected clients serve status:online
-- (and its count) without visiting the million that are not. The hello and the disconnect write the
-- client's row anyway (its last contact).
ALTER TABLE jump_client ADD COLUMN online BOOLEAN NOT NULL DEFAULT FALSE;

CREATE FUNCTION agent_connection_mirror() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE jump_client SET online = TRUE WHERE id = NEW.client_id AND NOT online;
    ELSE
        UPDATE jump_client SET online = FALSE WHERE id = OLD.client_id AND online;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER agent_connection_mirror AFTER INSERT OR DELETE ON agent_connection
    FOR EACH ROW EXECUTE FUNCTION agent_connection_mirror();

CREATE INDEX jump_client_online_name ON jump_client (lower(name), id) WHERE online AND deleted_at IS NULL;
CREATE INDEX jump_client_online_group ON jump_client (jump_group_id, state) WHERE online AND deleted_at IS NULL;

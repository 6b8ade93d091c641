-- Audit rows are written unsealed in the transaction of their change and linked into the hash chain
-- afterwards by audit_event_seal(), which a timer on one node at a time calls several times a second.
-- Before this, every audited transaction held the chain's advisory lock from its audit insert to its
-- commit, so audited changes committed one at a time.

DROP TRIGGER audit_event_chain ON audit_event;
DROP FUNCTION audit_event_chain();
DROP TRIGGER audit_event_append_only ON audit_event;

ALTER TABLE audit_event
    ALTER COLUMN chain_seq DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL;

-- What the sealer looks for; stays small, as rows leave it within a second.
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE chain_seq IS NULL;

-- A row always starts unsealed: only the sealer links rows, in the order it seals them.
CREATE FUNCTION audit_event_unsealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.chain_seq := NULL;
    NEW.previous_hash := NULL;
    NEW.hash := NULL;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_unsealed BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_unsealed();

-- The one change an audit row accepts: being sealed once, its content untouched. Everything else, and
-- every delete, is refused as before.
CREATE FUNCTION audit_event_refuse_all_but_sealing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL AND NEW.hash IS NOT NULL
       AND (NEW.id, NEW.occurred_at, NEW.actor, NEW.action, NEW.target, NEW.outcome, NEW.detail)
           IS NOT DISTINCT FROM (OLD.id, OLD.occurred_at, OLD.actor, OLD.action, OLD.target, OLD.outcome, OLD.detail)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_all_but_sealing();

-- Links up to max_rows committed unsealed rows to the end of the chain, oldest id first, and returns how
-- many it sealed. The lock is the chain's, held to the end of the transaction: without wait_for_lock the
-- function returns 0 at once when another transaction is sealing (the timers of other nodes), with it it
-- waits for that one to commit (a verification that must see every committed row sealed). Each statement of a PL/pgSQL function sees what committed before it ran, so the
-- chain's end read after taking the lock includes the previous sealer's rows.
CREATE FUNCTION audit_event_seal(max_rows INTEGER, wait_for_lock BOOLEAN) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    head_hash CHAR(64);
    head_seq  BIGINT;
    linked    CHAR(64);
    row       RECORD;
    sealed    INTEGER := 0;
BEGIN
    IF wait_for_lock THEN
        PERFORM pg_advisory_xact_lock(4242001);
    ELSIF NOT pg_try_advisory_xact_lock(4242001) THEN
        RETURN 0;
    END IF;
    SELECT hash, chain_seq INTO head_hash, head_seq
      FROM audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
    FOR row IN SELECT id, occurred_at, actor, action, target, outcome, detail
                 FROM audit_event WHERE chain_seq IS NULL ORDER BY id LIMIT max_rows LOOP
        head_seq := coalesce(head_seq, 0) + 1;
        linked := audit_event_digest(head_hash, row.id, row.occurred_at, row.actor, row.action, row.target,
                                     row.outcome, row.detail);
        UPDATE audit_event SET chain_seq = head_seq, previous_hash = head_hash, hash = linked WHERE id = row.id;
        head_hash := linked;
        sealed := sealed + 1;
    END LOOP;
    RETURN sealed;
END
$$;

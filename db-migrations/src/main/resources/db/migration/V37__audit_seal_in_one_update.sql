-- Sealing writes a batch with one UPDATE instead of one per row: the chain is still computed row by row
-- in id order under the chain's lock (each hash needs its predecessor's), into arrays, and the rows then
-- get their chain columns in one statement. The same chain, hashes and triggers as V29; what a sealed
-- row holds does not change, only how many statements the database runs to write it.
CREATE OR REPLACE FUNCTION audit_event_seal(max_rows INTEGER, wait_for_lock BOOLEAN) RETURNS INTEGER
    LANGUAGE plpgsql AS $$
DECLARE
    head_hash CHAR(64);
    head_seq  BIGINT;
    ids       BIGINT[] := '{}';
    previous  TEXT[] := '{}';
    hashes    TEXT[] := '{}';
    row       RECORD;
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
        ids := array_append(ids, row.id);
        previous := array_append(previous, head_hash::TEXT);
        head_hash := audit_event_digest(head_hash, row.id, row.occurred_at, row.actor, row.action, row.target,
                                        row.outcome, row.detail);
        hashes := array_append(hashes, head_hash::TEXT);
    END LOOP;
    UPDATE audit_event e
       SET chain_seq = coalesce(head_seq, 0) + link.place, previous_hash = link.previous_hash, hash = link.hash
      FROM unnest(ids, previous, hashes) WITH ORDINALITY AS link (id, previous_hash, hash, place)
     WHERE e.id = link.id;
    RETURN cardinality(ids);
END
$$;

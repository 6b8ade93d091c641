-- The Jump interface's search at a million clients (issue #6). Two columns the database computes from the
-- client's own fields, so every write path keeps them current (the agent's statistics rewrite the addresses,
-- the console's Properties the tag and comments) and this statement fills them for the existing rows.

-- The client's addresses for the typed filter ip:, one element per address (the public one, and each of the
-- comma-separated private ones), lower case, plus each address's prefixes up to a '.' or ':' written as the
-- glob that matches them: 10.1.2.3 gives '10.1.2.3', '10.*', '10.1.*', '10.1.2.*'. A GIN index over them
-- serves ip:10.1.2.3 and ip:10.1.* as array containment, which a trigram index cannot (pg_trgm keeps only
-- letters and digits: '10.1.' is the trigrams of '10' and '1', which every address has).
CREATE FUNCTION jump_client_address_globs(public_ip TEXT, private_ips TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(array_agg(DISTINCT glob ORDER BY glob), '{}')
  FROM (SELECT lower(public_ip)
        UNION ALL
        SELECT lower(item) FROM unnest(string_to_array(private_ips, ',')) AS item) AS addresses (address),
       LATERAL (SELECT address
                UNION ALL
                SELECT left(address, cut) || '*'
                  FROM generate_series(1, length(address)) AS cut
                 WHERE substr(address, cut, 1) IN ('.', ':')) AS globs (glob)
 WHERE address <> ''
$$;

-- search_text: the six text fields a word is searched in when the magnifier chooses them all, lower case,
-- one per line. One trigram index and one LIKE per row instead of six ILIKEs, each of which lower-cases its
-- field again for every row tested. A word with a line feed is searched field by field, so a match never
-- spans two fields.
ALTER TABLE jump_client
    ADD COLUMN search_text TEXT GENERATED ALWAYS AS (lower(
        coalesce(name, '') || E'\n' || coalesce(comments, '') || E'\n' || coalesce(tag, '') || E'\n'
        || coalesce(console_user, '') || E'\n' || coalesce(private_ips, '') || E'\n' || coalesce(public_ip, ''))) STORED,
    ADD COLUMN address_globs TEXT[] GENERATED ALWAYS AS (jump_client_address_globs(public_ip, private_ips)) STORED;

-- Not partial, unlike the search's other indexes: PostgreSQL never ANDs the bitmaps of two indexes whose
-- predicates are the same clause, so with WHERE deleted_at IS NULL here tag:x ip:10.1.* read every client
-- with the tag (13,500 heap pages at a million clients) instead of those that also have the address (900).
-- Deleted clients are few.
CREATE INDEX jump_client_search_text_trgm ON jump_client USING gin (search_text gin_trgm_ops);
CREATE INDEX jump_client_address_globs ON jump_client USING gin (address_globs);

-- Statistics of lower(tag) for tag:x (jump_client_tag_lower is partial, and PostgreSQL keeps no statistics
-- for the expressions of partial indexes): without them the planner guessed 0.5 % of the rows instead of
-- one tag in 37, and did not use the address index with the tag's.
CREATE STATISTICS jump_client_lower_tag ON (lower(tag)) FROM jump_client;
ANALYZE jump_client;

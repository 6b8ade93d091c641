-- The Jump interface's typed filter tag:<value> without wildcards is a case-insensitive equality: this
-- index serves it (with the visible groups) instead of the tag's trigram index, whose bitmap visits every
-- row of the tag's pages. Presence's own search indexes are in V21.
CREATE INDEX jump_client_tag_lower ON jump_client (lower(tag), jump_group_id) WHERE deleted_at IS NULL;

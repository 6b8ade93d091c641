-- Room on each page of jump_client (fillfactor 75) so that updates which change no indexed column are
-- heap-only: an agent's statistics report (every few minutes per agent, and at every connection) and its
-- contact when only the time changes. On full pages every one of them wrote a new entry into each of the
-- table's 19 indexes, 8 of them GIN: 1.7 ms of PostgreSQL time per report, the largest part of an idle
-- site's database load with 19,000 agents (2026-11-30, pg_stat_user_tables: 3,541 updates, 0 heap-only).
-- Pages written from now on keep the room; existing rows move to such pages as they are updated.
ALTER TABLE jump_client SET (fillfactor = 75);

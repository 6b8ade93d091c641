package org.jumpdesk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jumpdesk.jumpclients.control.ConnectionSql;

/**
 * The last-seen flush of issue #10: one node writes when its connected agents were last heard from, in one
 * statement ({@link ConnectionSql#RECORD_LAST_HEARD}, the very one {@code AgentConnections.recordLastHeard}
 * runs) over the {@code agent_connection} rows of a database of the given size. Target: ≤ 500 ms for 19,000.
 */
final class LastSeenFlush {

    static final String HEADER = "| clients | connected (flushed) | flush p50 ms | max ms | WAL records | WAL bytes |\n"
            + "| ---: | ---: | ---: | ---: | ---: | ---: |";

    private static final int RUNS = 7;

    private LastSeenFlush() {}

    /** Flushes every connection of the node {@code RUNS} times, a second apart in "heard" time; one table row. */
    static String measure(Connection connection, int size, String node, UUID boot) throws SQLException {
        Map<UUID, Instant> heard = new HashMap<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT client_id FROM agent_connection WHERE node_id = '" + node + "'")) {
            while (rows.next()) {
                heard.put(rows.getObject(1, UUID.class), null);
            }
        }
        long[] nanos = new long[RUNS];
        long walBefore = wal(connection, "wal_records");
        long walBytesBefore = wal(connection, "wal_bytes");
        Instant at = Instant.now();
        for (int run = 0; run < RUNS; run++) {
            Instant now = at.plusSeconds(run + 1L);
            heard.replaceAll((id, time) -> now);
            long start = System.nanoTime();
            ConnectionSql.recordLastHeard(connection, heard, node, boot);
            nanos[run] = System.nanoTime() - start;
        }
        long walRecords = (wal(connection, "wal_records") - walBefore) / RUNS;
        long walBytes = (wal(connection, "wal_bytes") - walBytesBefore) / RUNS;
        Arrays.sort(nanos);
        return String.format(
                Locale.ROOT,
                "| %,d | %,d | %.1f | %.1f | %,d | %,d |",
                size,
                heard.size(),
                nanos[RUNS / 2] / 1e6,
                nanos[RUNS - 1] / 1e6,
                walRecords,
                walBytes);
    }

    /** PostgreSQL 14's cluster-wide WAL counters ({@code pg_stat_wal}). */
    private static long wal(Connection connection, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
                var row = statement.executeQuery("SELECT " + column + " FROM pg_stat_wal")) {
            row.next();
            return row.getLong(1);
        }
    }
}

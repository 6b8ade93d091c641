package org.jumpdesk.jumpclients.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jumpdesk.jumpclients.entity.MachineStatistics;

/**
 * Writes agents' statistics reports, any number of clients in one statement. The rows are locked first in
 * the order of their ids, so that two writers (two nodes during a handover, a console's change of several
 * clients) wait for each other instead of deadlocking.
 */
public final class StatisticsSql {

    private static final String WRITABLE = " c.deleted_at IS NULL AND c.state <> 'UNINSTALLED'";

    private static final String LOCK =
            "SELECT c.id FROM jump_client c WHERE c.id = ANY(?) AND" + WRITABLE + " ORDER BY c.id FOR UPDATE";

    private static final String WRITE = "UPDATE jump_client c SET console_user = r.console_user,"
            + " private_ips = r.private_ips, public_ip = r.public_ip, uptime_seconds = r.uptime_seconds,"
            + " cpu_load = r.cpu_load, memory_used_bytes = r.memory_used_bytes,"
            + " memory_total_bytes = r.memory_total_bytes, disk_used_bytes = r.disk_used_bytes,"
            + " disk_total_bytes = r.disk_total_bytes, statistics_at = r.statistics_at,"
            + " row_version = c.row_version + 1"
            + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS r (id, console_user, private_ips, public_ip,"
            + " uptime_seconds, cpu_load, memory_used_bytes, memory_total_bytes, disk_used_bytes,"
            + " disk_total_bytes, statistics_at)"
            + " WHERE c.id = r.id AND" + WRITABLE + " RETURNING c.id";

    private StatisticsSql() {}

    /** Writes the reports; returns the clients written (not those unknown, removed or uninstalled). */
    public static Set<UUID> write(Connection connection, Map<UUID, MachineStatistics> reports) throws SQLException {
        UUID[] ids = reports.keySet().toArray(UUID[]::new);
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setArray(1, connection.createArrayOf("uuid", ids));
            lock.executeQuery().close();
        }
        Set<UUID> written = new HashSet<>();
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            write.setArray(1, connection.createArrayOf("uuid", ids));
            Column<MachineStatistics> column = new Column<>(connection, ids, reports);
            write.setArray(2, column.of("text", String[]::new, MachineStatistics::consoleUser));
            write.setArray(3, column.of("text", String[]::new, MachineStatistics::privateIps));
            write.setArray(4, column.of("text", String[]::new, MachineStatistics::publicIp));
            write.setArray(5, column.of("int8", Long[]::new, MachineStatistics::uptimeSeconds));
            write.setArray(6, column.of("float8", Double[]::new, MachineStatistics::cpuLoad));
            write.setArray(7, column.of("int8", Long[]::new, MachineStatistics::memoryUsedBytes));
            write.setArray(8, column.of("int8", Long[]::new, MachineStatistics::memoryTotalBytes));
            write.setArray(9, column.of("int8", Long[]::new, MachineStatistics::diskUsedBytes));
            write.setArray(10, column.of("int8", Long[]::new, MachineStatistics::diskTotalBytes));
            // As text with its offset (ISO 8601, UTC), which timestamptz reads whatever the JVM's time zone.
            write.setArray(
                    11,
                    column.of(
                            "timestamptz",
                            String[]::new,
                            statistics -> statistics.reportedAt() == null
                                    ? null
                                    : statistics.reportedAt().toString()));
            try (ResultSet rows = write.executeQuery()) {
                while (rows.next()) {
                    written.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return written;
    }

    /** One value of each report, in the order of the ids, as a typed SQL array. */
    private record Column<T>(Connection connection, UUID[] ids, Map<UUID, T> reports) {

        <V> Array of(String type, IntFunction<V[]> newArray, Function<T, V> value) throws SQLException {
            V[] values = newArray.apply(ids.length);
            for (int i = 0; i < ids.length; i++) {
                values[i] = value.apply(reports.get(ids[i]));
            }
            return connection.createArrayOf(type, values);
        }
    }
}

package org.jumpdesk.jumpclients.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jumpdesk.jumpclients.boundary.Presence;

/**
 * The statements over {@code agent_connection}, the presence every node shares. A connection's row goes
 * away with its connection, and its last-heard time is then carried over to
 * {@code jump_client.last_contact_at}, which keeps the time of the last contact of clients that are offline.
 */
public final class ConnectionSql {

    /**
     * The last-heard flush of one node: one statement for every agent it holds. Heap-only updates of the
     * narrow {@code agent_connection} rows (no index on the time); a time never moves backwards.
     * Parameters: client ids, times, node id, boot id.
     */
    public static final String RECORD_LAST_HEARD =
            "UPDATE agent_connection a SET last_heard_at = heard.at FROM unnest(?::uuid[], ?::timestamptz[]) AS heard(id, at)"
                    + " WHERE a.client_id = heard.id AND heard.at > a.last_heard_at AND a.node_id = ? AND a.boot_id = ?";

    /**
     * Authenticated connections of this node: each client's row says which connection it is on now (a
     * connection it had before, on any node, is replaced). Parameters: node id, boot id, connected at (also
     * the first last-heard time), client ids, connection ids.
     */
    private static final String CONNECTED =
            "INSERT INTO agent_connection (client_id, node_id, boot_id, connection_id, connected_at, last_heard_at)"
                    + " SELECT hello.client_id, ?, ?, hello.connection_id, ?, ?"
                    + " FROM unnest(?::uuid[], ?::uuid[]) AS hello(client_id, connection_id)"
                    + " ON CONFLICT (client_id) DO UPDATE SET node_id = excluded.node_id, boot_id = excluded.boot_id,"
                    + " connection_id = excluded.connection_id, connected_at = excluded.connected_at,"
                    + " last_heard_at = excluded.last_heard_at, disabled = FALSE";

    /**
     * Removes the connection rows a condition selects and keeps their last-heard time as the clients' last
     * contact. {@code %s} is the condition over {@code agent_connection a}.
     */
    private static final String RELEASE = "WITH gone AS (DELETE FROM agent_connection a WHERE %s"
            + " RETURNING a.client_id, a.last_heard_at)"
            + " UPDATE jump_client c SET last_contact_at = gone.last_heard_at FROM gone"
            + " WHERE c.id = gone.client_id AND gone.last_heard_at > c.last_contact_at";

    /** One connection closed; parameters: client id, connection id. */
    public static final String RELEASE_CONNECTION = RELEASE.formatted("a.client_id = ? AND a.connection_id = ?");

    /**
     * The connections no running node answers for: of a node not seen within the silence bound (crashed,
     * hung, cut off or stopped), or of an earlier run of a node that started again longer ago than the
     * restart grace. Within the grace a returning agent takes its row over with its hello, which then leaves
     * the client's row alone ({@code online} stays set). Parameters: the bound and the grace in seconds.
     */
    public static final String RELEASE_ABANDONED = RELEASE.formatted("NOT EXISTS (SELECT 1 FROM site_node n"
            + " WHERE n.node_id = a.node_id AND n.seen_at > now() - make_interval(secs => ?)"
            + " AND (n.boot_id = a.boot_id OR n.started_at > now() - make_interval(secs => ?)))");

    private ConnectionSql() {}

    /** The presence of the given clients; those offline are absent from the map. */
    public static Map<UUID, Presence> presenceOf(Connection connection, Collection<UUID> clientIds)
            throws SQLException {
        Map<UUID, Presence> online = new HashMap<>();
        if (clientIds.isEmpty()) {
            return online;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT client_id, disabled, last_heard_at FROM agent_connection WHERE client_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", clientIds.toArray(UUID[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    online.put(
                            rows.getObject(1, UUID.class),
                            new Presence(
                                    true,
                                    rows.getBoolean(2),
                                    rows.getTimestamp(3).toInstant()));
                }
            }
        }
        return online;
    }

    /**
     * Records connections authenticated now on this node, in one statement.
     *
     * @param connections the connection of each client, at most one per client
     */
    public static void connected(
            Connection connection, Map<UUID, UUID> connections, String nodeId, UUID bootId, Instant now)
            throws SQLException {
        UUID[] clientIds = connections.keySet().toArray(UUID[]::new);
        UUID[] connectionIds = Arrays.stream(clientIds).map(connections::get).toArray(UUID[]::new);
        try (PreparedStatement insert = connection.prepareStatement(CONNECTED)) {
            insert.setString(1, nodeId);
            insert.setObject(2, bootId);
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setArray(5, connection.createArrayOf("uuid", clientIds));
            insert.setArray(6, connection.createArrayOf("uuid", connectionIds));
            insert.executeUpdate();
        }
    }

    /** Runs {@link #RECORD_LAST_HEARD}; returns the rows updated. */
    public static int recordLastHeard(Connection connection, Map<UUID, Instant> lastHeard, String nodeId, UUID bootId)
            throws SQLException {
        UUID[] ids = lastHeard.keySet().toArray(UUID[]::new);
        Timestamp[] times =
                Arrays.stream(ids).map(id -> Timestamp.from(lastHeard.get(id))).toArray(Timestamp[]::new);
        try (PreparedStatement update = connection.prepareStatement(RECORD_LAST_HEARD)) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            update.setArray(2, connection.createArrayOf("timestamptz", times));
            update.setString(3, nodeId);
            update.setObject(4, bootId);
            return update.executeUpdate();
        }
    }
}

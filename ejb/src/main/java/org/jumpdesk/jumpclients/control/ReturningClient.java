package org.jumpdesk.jumpclients.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.platform.Statements;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.entity.ClientSettings;

/**
 * What a hello needs of its client's row, read with the row locked (as the use cases lock it), without
 * building the whole entity and its group: an agent coming back after a restart is the hot path of a
 * reconnect storm.
 *
 * @param state the client's state; only {@code ACTIVE} and {@code PASSIVE} clients {@link #returns()}
 * @param offlineLimitDays the client's own offline limit, or null for the site's
 * @param upgrading an {@code agent_upgrade} row names the client (it was offered an update)
 * @param settings the site's settings, read in the same statement: through the {@code Settings} bean each
 *     hello also paid an EJB call and an EclipseLink query, 13 % of the server's samples in a reconnect
 *     storm (2026-11-30)
 */
public record ReturningClient(
        UUID id,
        String publicKey,
        JumpClientState state,
        JumpClientMode mode,
        boolean removed,
        boolean online,
        String hostname,
        String operatingSystem,
        String agentVersion,
        Integer offlineLimitDays,
        boolean upgrading,
        ClientSettingsValues settings) {

    private static final String SELECT = "SELECT c.id, c.public_key, c.state, c.mode, c.deleted_at IS NOT NULL,"
            + " c.online, c.hostname, c.operating_system, c.agent_version, c.offline_limit_days,"
            + " EXISTS (SELECT 1 FROM agent_upgrade u WHERE u.client_id = c.id),"
            + " s.heartbeat_seconds, s.statistics_seconds, s.passive_check_in_seconds, s.offline_limit_days,"
            + " s.max_concurrent_jumps, s.connect_timeout_seconds, s.reconnects_per_second,"
            + " s.max_concurrent_upgrades, s.session_idle_timeout_minutes, s.max_file_transfer_megabytes"
            + " FROM jump_client c CROSS JOIN client_settings s WHERE s.id = ? AND ";

    /**
     * The client's row locked {@code FOR UPDATE} for the rest of the transaction, with the site's settings,
     * or null if there is no such client.
     */
    public static ReturningClient locked(Connection connection, UUID clientId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + "c.id = ? FOR UPDATE OF c")) {
            select.setShort(1, ClientSettings.ID);
            select.setObject(2, clientId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? of(row) : null;
            }
        }
    }

    /**
     * The rows of those clients that exist, locked as {@link #locked} locks one, in the order of their ids
     * (as every statement locking several client rows does, so that two of them never wait for each other).
     */
    public static Map<UUID, ReturningClient> lockedAll(Connection connection, Collection<UUID> clientIds)
            throws SQLException {
        Map<UUID, ReturningClient> clients = new HashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement(SELECT + "c.id = ANY(?) ORDER BY c.id FOR UPDATE OF c")) {
            select.setShort(1, ClientSettings.ID);
            select.setArray(2, connection.createArrayOf("uuid", clientIds.toArray(UUID[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ReturningClient client = of(rows);
                    clients.put(client.id(), client);
                }
            }
        }
        return clients;
    }

    private static ReturningClient of(ResultSet row) throws SQLException {
        return new ReturningClient(
                row.getObject(1, UUID.class),
                row.getString(2),
                JumpClientState.valueOf(row.getString(3)),
                JumpClientMode.valueOf(row.getString(4)),
                row.getBoolean(5),
                row.getBoolean(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getObject(10, Integer.class),
                row.getBoolean(11),
                new ClientSettingsValues(
                        row.getInt(12),
                        row.getInt(13),
                        row.getInt(14),
                        row.getInt(15),
                        row.getInt(16),
                        row.getInt(17),
                        row.getInt(18),
                        row.getInt(19),
                        row.getInt(20),
                        row.getInt(21)));
    }

    /** Connected before and still in use: a hello changes no state, so neither the license nor the audit. */
    public boolean returns() {
        return !removed && publicKey != null && (state == JumpClientState.ACTIVE || state == JumpClientState.PASSIVE);
    }

    /** Whether the row already holds what the agent reports about itself. */
    public boolean describedAs(AgentDescription description) {
        return Objects.equals(hostname, description.hostname())
                && Objects.equals(operatingSystem, description.operatingSystem())
                && Objects.equals(agentVersion, description.agentVersion());
    }

    /**
     * Records the contact in one row version: the description, the last contact and {@code online}, which
     * the presence row about to be inserted would otherwise set in a second version (the V21 trigger only
     * writes when it is not set yet). The row version counts it as the entity's updates do.
     */
    public void contact(Connection connection, AgentDescription description, Instant now) throws SQLException {
        Statements.update(
                connection,
                "UPDATE jump_client SET online = TRUE, last_contact_at = ?, hostname = ?, operating_system = ?,"
                        + " agent_version = ?, row_version = row_version + 1 WHERE id = ?",
                Timestamp.from(now),
                description.hostname(),
                description.operatingSystem(),
                description.agentVersion(),
                id);
    }
}

package org.jumpdesk.jumpclients.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jumpdesk.jumpclients.control.ConnectionSql;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClient;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.jumpclients.entity.MachineStatistics;

/**
 * A Jump Client as lists and the statistics pane show it; a detached copy, safe to hand to pages.
 *
 * @param online its agent's connection is open on some node now (presence is the cluster's, in the database)
 * @param disabledByUser the machine's user has disabled sessions (known while online)
 * @param lastContactAt when the agent was last heard from: while online, as its node last wrote it
 */
public record JumpClientSummary(
        UUID id,
        String name,
        String hostname,
        String operatingSystem,
        String agentVersion,
        JumpClientState state,
        JumpClientMode mode,
        InstallMode installMode,
        String jumpGroup,
        String tag,
        String comments,
        String createdBy,
        Instant createdAt,
        Instant lastContactAt,
        String lastJumpedBy,
        Instant lastJumpedAt,
        Instant removalDue,
        MachineStatistics statistics,
        boolean online,
        boolean disabledByUser) {

    /** The status the console shows: online, offline, passive, pinned or uninstalled. */
    public String status() {
        return state.status(online);
    }

    /** Summaries of the clients with their presence, read for all of them in one query. */
    static List<JumpClientSummary> of(List<JumpClient> clients, DataSource dataSource, int siteOfflineLimitDays) {
        Map<UUID, Presence> online;
        try (Connection connection = dataSource.getConnection()) {
            online = ConnectionSql.presenceOf(
                    connection, clients.stream().map(JumpClient::id).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the presence of Jump Clients: " + e.getMessage(), e);
        }
        return clients.stream()
                .map(c -> of(c, online.getOrDefault(c.id(), Presence.OFFLINE), siteOfflineLimitDays))
                .toList();
    }

    private static JumpClientSummary of(JumpClient client, Presence presence, int siteOfflineLimitDays) {
        Instant lastContact =
                presence.lastHeardAt() != null && presence.lastHeardAt().isAfter(client.lastContactAt())
                        ? presence.lastHeardAt()
                        : client.lastContactAt();
        return new JumpClientSummary(
                client.id(),
                client.name(),
                client.hostname(),
                client.operatingSystem(),
                client.agentVersion(),
                client.state(),
                client.mode(),
                client.installMode(),
                client.jumpGroup().name(),
                client.tag(),
                client.comments(),
                client.createdBy(),
                client.createdAt(),
                lastContact,
                client.lastJumpedBy(),
                client.lastJumpedAt(),
                lastContact.plus(client.offlineLimit(siteOfflineLimitDays)),
                client.statistics(),
                presence.online(),
                presence.disabledByUser());
    }
}

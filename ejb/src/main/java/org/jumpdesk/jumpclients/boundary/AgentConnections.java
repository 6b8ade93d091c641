package org.jumpdesk.jumpclients.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jumpdesk.agentsoftware.boundary.AgentRelease;
import org.jumpdesk.agentsoftware.boundary.AgentUpdates;
import org.jumpdesk.jumpclients.control.ConnectionSql;
import org.jumpdesk.jumpclients.control.ReturningClient;
import org.jumpdesk.jumpclients.control.ThisNode;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.platform.DatabaseMigrations;
import org.jumpdesk.platform.Statements;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.boundary.Settings;

/**
 * Presence shared by every node: the agent connections open now, one {@code agent_connection} row per
 * client, written when an agent's connection is authenticated and removed when it closes. Heartbeats never
 * write; the node writes when its agents were last heard from in one statement ({@link #recordLastHeard}).
 * Each method is one transaction; {@link #connect} is the hello's own.
 */
@Stateless
public class AgentConnections {

    @EJB
    private JumpClients jumpClients;

    @EJB
    private ThisNode thisNode;

    @EJB
    private Settings settings;

    @EJB
    private AgentUpdates agentUpdates;

    @EJB
    private AgentRelease agentRelease;

    @Inject
    private Clock clock;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    /**
     * An agent said hello on a connection of this node, in one transaction: the client's contact, its
     * presence (a connection the client had before, on any node, is replaced), the settings it runs with and
     * the update offered to it ({@link AgentUpdates#offerFor}, only when it runs another version or was
     * updating).
     *
     * <p>A returning agent (its client {@code ACTIVE} or {@code PASSIVE}, its proof good) costs a locking
     * read, one update of the client row, which its presence changes anyway ({@code online}, mirrored by
     * the trigger of V21, here in the same row version as the last contact), and the presence row; the row
     * is not rewritten at all when the client was online already and reports the same description: each
     * version of it goes into every index of {@code jump_client}. A first contact and every refusal take
     * {@link JumpClients#agentConnected}, the use case with the state machine and the audit.
     *
     * @param connectionId this connection, so that closing an older one does not take the client offline
     * @throws org.jumpdesk.shared.JumpDeskException as {@link JumpClients#agentConnected}
     */
    public AgentWelcome connect(
            UUID connectionId,
            UUID clientId,
            @NotNull @Valid AgentProof proof,
            @NotNull @Valid AgentDescription description) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            ReturningClient client = ReturningClient.locked(connection, clientId);
            AgentWelcome welcome;
            if (client != null && client.returns() && proof.verifies(client.publicKey(), clientId.toString())) {
                welcome = returned(connection, client, description, now);
            } else {
                JumpClientSummary first = jumpClients.agentConnected(clientId, proof, description);
                now = first.lastContactAt();
                ClientSettingsValues current = client == null ? settings.current() : client.settings();
                int offlineLimitDays = (int) Duration.between(first.lastContactAt(), first.removalDue())
                        .toDays();
                welcome = welcome(
                        clientId,
                        first.mode(),
                        offlineLimitDays,
                        current,
                        description,
                        client != null && client.upgrading());
            }
            ConnectionSql.connected(connection, Map.of(clientId, connectionId), thisNode.id(), thisNode.bootId(), now);
            return welcome;
        } catch (SQLException e) {
            throw new IllegalStateException("agent connection: " + e.getMessage(), e);
        }
    }

    /**
     * The hellos of agents returning to clients that are in use, in one transaction for all (after a
     * restart thousands come back together, and each transaction of its own cost the node and the database
     * more than the hello's work): as {@link #connect} welcomes a returning agent. The others (a first
     * contact, a refusal, a client named twice in the list) are left out of the answer, untouched, for
     * {@link #connect} one by one.
     *
     * @return the welcome of each returning agent, by connection id
     */
    public Map<UUID, AgentWelcome> connectReturning(@NotNull @Valid List<ConnectingAgent> agents) {
        Instant now = clock.instant();
        Map<UUID, ConnectingAgent> byClient = new HashMap<>();
        agents.forEach(agent -> byClient.putIfAbsent(agent.clientId(), agent));
        Map<UUID, AgentWelcome> welcomes = new HashMap<>();
        Map<UUID, UUID> connections = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (ReturningClient client :
                    ReturningClient.lockedAll(connection, byClient.keySet()).values()) {
                ConnectingAgent agent = byClient.get(client.id());
                if (client.returns()
                        && agent.proof()
                                .verifies(client.publicKey(), client.id().toString())) {
                    welcomes.put(agent.connectionId(), returned(connection, client, agent.description(), now));
                    connections.put(client.id(), agent.connectionId());
                }
            }
            if (!connections.isEmpty()) {
                ConnectionSql.connected(connection, connections, thisNode.id(), thisNode.bootId(), now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("agent connections: " + e.getMessage(), e);
        }
        return welcomes;
    }

    /** A returning agent's client, locked: its contact, and what the agent is told. */
    private AgentWelcome returned(
            Connection connection, ReturningClient client, AgentDescription description, Instant now)
            throws SQLException {
        if (!client.online() || !client.describedAs(description)) {
            client.contact(connection, description, now);
        }
        ClientSettingsValues current = client.settings();
        int offlineLimitDays =
                client.offlineLimitDays() == null ? current.offlineLimitDays() : client.offlineLimitDays();
        return welcome(client.id(), client.mode(), offlineLimitDays, current, description, client.upgrading());
    }

    /**
     * What the agent is told, with whether it runs the release. Nothing to offer or to finish for an agent on
     * the release that was not updating.
     */
    private AgentWelcome welcome(
            UUID clientId,
            JumpClientMode mode,
            int offlineLimitDays,
            ClientSettingsValues settings,
            AgentDescription description,
            boolean upgrading) {
        boolean onRelease = agentRelease.isCurrent(description.agentVersion());
        Optional<AgentUpdates.Offer> offer = upgrading || !onRelease
                ? agentUpdates.offerFor(clientId, description.agentVersion())
                : Optional.empty();
        return new AgentWelcome(clientId, mode, offlineLimitDays, settings, onRelease, offer);
    }

    /**
     * The connection closed: the client is offline unless a newer connection replaced this one; the time
     * it was last heard from becomes its last contact.
     *
     * @param lastHeard when this node last heard from the agent, or null if it does not know
     */
    public void disconnected(UUID clientId, UUID connectionId, Instant lastHeard) {
        if (lastHeard != null) {
            update(
                    "UPDATE agent_connection SET last_heard_at = ? WHERE client_id = ? AND connection_id = ?"
                            + " AND last_heard_at < ?",
                    Timestamp.from(lastHeard),
                    clientId,
                    connectionId,
                    Timestamp.from(lastHeard));
        }
        update(ConnectionSql.RELEASE_CONNECTION, clientId, connectionId);
    }

    /** The machine's user disabled or enabled sessions (reported by the agent when it changes). */
    public void availabilityChanged(UUID clientId, UUID connectionId, boolean disabled) {
        update(
                "UPDATE agent_connection SET disabled = ? WHERE client_id = ? AND connection_id = ?",
                disabled,
                clientId,
                connectionId);
    }

    /**
     * Writes when this node's agents were last heard from: one statement for all of them, every 30 seconds
     * (the only write their heartbeats cause).
     *
     * @return how many connections were updated
     */
    public int recordLastHeard(@NotNull Map<UUID, Instant> lastHeard) {
        if (lastHeard.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            return ConnectionSql.recordLastHeard(connection, lastHeard, thisNode.id(), thisNode.bootId());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write when " + lastHeard.size() + " agents were last heard", e);
        }
    }

    /** The presence of the given clients; those offline are absent from the map. */
    public Map<UUID, Presence> of(@NotNull Collection<UUID> clientIds) {
        try (Connection connection = dataSource.getConnection()) {
            return ConnectionSql.presenceOf(connection, clientIds);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the presence of " + clientIds.size() + " clients", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            Statements.update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("agent connection: " + e.getMessage(), e);
        }
    }
}

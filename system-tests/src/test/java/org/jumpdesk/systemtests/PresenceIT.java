package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.Fixtures.awaitTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.installers.control.InstallerKeys;
import org.jumpdesk.jumpclients.boundary.AgentConnections;
import org.jumpdesk.jumpclients.boundary.AgentProof;
import org.jumpdesk.jumpclients.boundary.AgentWelcome;
import org.jumpdesk.jumpclients.boundary.ConnectingAgent;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.control.ThisNode;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Presence is the cluster's, in the database: the connections other nodes hold count as online here, and
 * the connections of a node that went silent (or of an earlier run of this node, once its agents had the
 * restart grace to come back) are released by this node's housekeeping, keeping when their agents were last
 * heard from as the clients' last contact.
 */
@ExtendWith(ArquillianExtension.class)
class PresenceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(PresenceIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private ThisNode thisNode;

    @EJB
    private AgentConnections agentConnections;

    private Actor manager;
    private String key;

    @BeforeEach
    void aManagedGroup() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        manager = managed.manager();
        key = fixtures.installer(managed.group(), JumpClientMode.ACTIVE);
    }

    @Test
    void theConnectionsOfASilentNodeAreReleasedAndTheirLastHeardTimesKept() throws Exception {
        UUID onCrashedNode = fixtures.connected(key);
        UUID onLiveNode = fixtures.connected(key);
        Instant heard = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        for (UUID client : new UUID[] {onCrashedNode, onLiveNode}) {
            fixtures.execute("UPDATE jump_client SET last_contact_at = now() - interval '1 hour' WHERE id = ?", client);
        }
        UUID crashedBoot = node("crashed-" + UUID.randomUUID(), Duration.ofMinutes(10), onCrashedNode, heard);
        node("live-" + UUID.randomUUID(), Duration.ZERO, onLiveNode, heard);

        JumpClientSummary before = jumpClients.details(manager, onCrashedNode);
        assertThat(before.online())
                .as("connected to another node: online here too")
                .isTrue();
        assertThat(before.status()).isEqualTo("online");
        assertThat(before.lastContactAt()).isEqualTo(heard);

        awaitTrue(() -> !jumpClients.details(manager, onCrashedNode).online(), "the silent node's agent offline");

        JumpClientSummary after = jumpClients.details(manager, onCrashedNode);
        assertThat(after.status()).isEqualTo("offline");
        assertThat(after.lastContactAt())
                .as("its last-heard time is its last contact")
                .isEqualTo(heard);
        assertThat(fixtures.count("SELECT COUNT(*) FROM jump_client WHERE id = ? AND NOT online", onCrashedNode))
                .isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM site_node WHERE boot_id = ?", crashedBoot))
                .isZero();
        assertThat(jumpClients.details(manager, onLiveNode).online())
                .as("a node seen within the bound keeps its agents online")
                .isTrue();
        fixtures.execute("DELETE FROM agent_connection WHERE client_id = ?", onLiveNode);
    }

    @Test
    void theConnectionsAnEarlierRunOfThisNodeLeftAreKeptForTheRestartGraceThenReleased() throws Exception {
        UUID client = fixtures.connected(key);
        fixtures.execute("UPDATE jump_client SET last_contact_at = now() - interval '1 hour' WHERE id = ?", client);
        Instant heard = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        try {
            // First, or the housekeeping timer could release the row before the test looks.
            startedSecondsAgo(10);
            earlierRunOfThisNode(client, heard);
            thisNode.keepAlive();
            assertThat(jumpClients.details(manager, client).online())
                    .as("kept for its agent to take over within the grace")
                    .isTrue();

            startedSecondsAgo(ThisNode.RESTART_GRACE.toSeconds() + 1);
            thisNode.keepAlive();
            JumpClientSummary released = jumpClients.details(manager, client);
            assertThat(released.online()).as("released once the grace is over").isFalse();
            assertThat(released.lastContactAt())
                    .as("its last-heard time is its last contact")
                    .isEqualTo(heard);
        } finally {
            startedSecondsAgo(ThisNode.RESTART_GRACE.toSeconds() + 1);
        }
    }

    @Test
    void anAgentBackWithinTheGraceTakesItsConnectionOverWithoutWritingItsClient() throws Exception {
        UUID client = fixtures.connected(key);
        try {
            startedSecondsAgo(10);
            earlierRunOfThisNode(client, Instant.now());
            long version = fixtures.count("SELECT xmin::text::bigint FROM jump_client WHERE id = ?", client);

            agentConnections.connect(
                    UUID.randomUUID(),
                    client,
                    fixtures.proofFor(client),
                    new AgentDescription("host-" + client, "Linux 6.1", fixtures.releaseVersion()));

            assertThat(fixtures.count(
                            "SELECT COUNT(*) FROM agent_connection WHERE client_id = ? AND boot_id = ?",
                            client,
                            thisNode.bootId()))
                    .as("the connection is this run's now")
                    .isEqualTo(1);
            assertThat(fixtures.count("SELECT xmin::text::bigint FROM jump_client WHERE id = ?", client))
                    .as("the client's row, online all along with the same description, is not written")
                    .isEqualTo(version);
            assertThat(jumpClients.details(manager, client).online()).isTrue();
        } finally {
            startedSecondsAgo(ThisNode.RESTART_GRACE.toSeconds() + 1);
            fixtures.execute("DELETE FROM agent_connection WHERE client_id = ?", client);
        }
    }

    @Test
    void returningAgentsAreWelcomedTogetherAndEveryOtherHelloIsLeftUntouched() throws Exception {
        UUID back = fixtures.connected(key);
        UUID twice = fixtures.connected(key);
        UUID forged = fixtures.connected(key);
        UUID unknown = UUID.randomUUID();
        ConnectingAgent backHello = hello(back, fixtures.proofFor(back));
        ConnectingAgent firstOfTwo = hello(twice, fixtures.proofFor(twice));
        ConnectingAgent secondOfTwo = hello(twice, fixtures.proofFor(twice));
        ConnectingAgent forgedHello = hello(forged, fixtures.proofFor(back));
        ConnectingAgent unknownHello = hello(unknown, fixtures.proofFor(unknown));
        long forgedVersion = fixtures.count("SELECT xmin::text::bigint FROM jump_client WHERE id = ?", forged);
        try {
            Map<UUID, AgentWelcome> welcomes = agentConnections.connectReturning(
                    List.of(backHello, firstOfTwo, secondOfTwo, forgedHello, unknownHello));

            assertThat(welcomes).containsOnlyKeys(backHello.connectionId(), firstOfTwo.connectionId());
            assertThat(welcomes.get(backHello.connectionId()).clientId()).isEqualTo(back);
            assertThat(welcomes.get(backHello.connectionId()).mode()).isEqualTo(JumpClientMode.ACTIVE);
            assertThat(welcomes.get(backHello.connectionId()).onRelease())
                    .as("an agent on the site's release is told so with its welcome")
                    .isTrue();
            for (ConnectingAgent welcomed : List.of(backHello, firstOfTwo)) {
                assertThat(fixtures.count(
                                "SELECT COUNT(*) FROM agent_connection WHERE client_id = ? AND connection_id = ?"
                                        + " AND boot_id = ?",
                                welcomed.clientId(),
                                welcomed.connectionId(),
                                thisNode.bootId()))
                        .as("the welcomed connection is the client's, on this run of the node")
                        .isEqualTo(1);
                assertThat(jumpClients.details(manager, welcomed.clientId()).online())
                        .isTrue();
            }
            assertThat(fixtures.count(
                            "SELECT COUNT(*) FROM agent_connection WHERE client_id = ? OR client_id = ?",
                            forged,
                            unknown))
                    .isZero();
            assertThat(fixtures.count("SELECT xmin::text::bigint FROM jump_client WHERE id = ?", forged))
                    .as("a hello that does not prove its client writes nothing")
                    .isEqualTo(forgedVersion);
        } finally {
            fixtures.execute("DELETE FROM agent_connection WHERE client_id = ? OR client_id = ?", back, twice);
        }
    }

    private ConnectingAgent hello(UUID client, AgentProof proof) throws Exception {
        return new ConnectingAgent(
                UUID.randomUUID(),
                client,
                proof,
                new AgentDescription("host-" + client, "Linux 6.1", fixtures.releaseVersion()));
    }

    @Test
    void aPinnedClientWithoutAnInstallerCanBeRead() throws Exception {
        UUID pinned = UUID.randomUUID();
        fixtures.execute(
                "INSERT INTO jump_client (id, name, hostname, operating_system, agent_version, state, mode,"
                        + " jump_group_id, installer_id, created_by, created_at, last_contact_at)"
                        + " SELECT ?, 'pinned-desk', 'pinned-desk', 'Linux 6.1', '1.0', 'PINNED', 'ACTIVE',"
                        + " jump_group_id, NULL, 'test', now(), now() FROM installer WHERE key_hash = ?",
                pinned,
                InstallerKeys.hash(key));
        // Counted as a pin would count it, so the license stays in step with the clients for other tests.
        fixtures.execute("UPDATE site_license SET packs = GREATEST(packs, deployed_count / 25 + 4),"
                + " deployed_count = deployed_count + 1");

        JumpClientSummary client = jumpClients.details(manager, pinned);

        assertThat(client.state()).isEqualTo(JumpClientState.PINNED);
        assertThat(client.name()).isEqualTo("pinned-desk");
        assertThat(jumpClients.list(manager, 0, 100))
                .extracting(JumpClientSummary::id)
                .contains(pinned);
    }

    /** The client's connection as an earlier run of this node left it, last heard at {@code heard}. */
    private void earlierRunOfThisNode(UUID client, Instant heard) throws SQLException {
        fixtures.execute(
                "INSERT INTO agent_connection (client_id, node_id, boot_id, connection_id, connected_at, last_heard_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                client,
                thisNode.id(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Timestamp.from(heard),
                Timestamp.from(heard));
    }

    /** Sets when this run of the node started, as the release of earlier runs' connections reads it. */
    private void startedSecondsAgo(long seconds) throws SQLException {
        fixtures.execute(
                "UPDATE site_node SET started_at = now() - make_interval(secs => ?) WHERE node_id = ? AND boot_id = ?",
                seconds,
                thisNode.id(),
                thisNode.bootId());
    }

    /** A node's row seen {@code silentFor} ago, holding the client's connection last heard at {@code heard}. */
    private UUID node(String nodeId, Duration silentFor, UUID client, Instant heard) throws SQLException {
        UUID boot = UUID.randomUUID();
        Timestamp seen = Timestamp.from(Instant.now().minus(silentFor));
        fixtures.execute(
                "INSERT INTO site_node (node_id, boot_id, started_at, seen_at) VALUES (?, ?, ?, ?)",
                nodeId,
                boot,
                seen,
                seen);
        fixtures.execute(
                "INSERT INTO agent_connection (client_id, node_id, boot_id, connection_id, connected_at, last_heard_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                client,
                nodeId,
                boot,
                UUID.randomUUID(),
                seen,
                Timestamp.from(heard));
        return boot;
    }
}

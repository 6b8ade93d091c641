package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.Fixtures.awaitTrue;
import static org.jumpdesk.systemtests.Fixtures.statusOf;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.agentsoftware.boundary.AgentRelease;
import org.jumpdesk.agentsoftware.boundary.AgentUpdates;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents on another version than the site's: a real agent process started from an older jar updates
 * itself (download, SHA-256, the site's signature, swap, restart in the same process) and comes back on
 * the release; jumps wait with {@code VERSION_MISMATCH}; the site lets only so many update at once.
 */
@ExtendWith(ArquillianExtension.class)
class AgentSelfUpdateIT {

    private static final String OLD_VERSION = "0.0.9-old";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(AgentSelfUpdateIT.class, AgentProcess.class, TestSite.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private AgentUpdates agentUpdates;

    @EJB
    private AgentRelease agentRelease;

    @EJB
    private Settings settings;

    @TempDir
    Path machine;

    private Actor manager;
    private String installerKey;
    private ClientSettingsValues originalSettings;

    @BeforeEach
    void aManagerAndAnInstaller() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        manager = managed.manager();
        installerKey = fixtures.installer(managed.group(), JumpClientMode.ACTIVE);
        originalSettings = settings.current();
    }

    @AfterEach
    void restoreSettings() {
        settings.change(Fixtures.ADMIN, originalSettings);
    }

    @Test
    void anOlderAgentUpdatesItselfRestartsInTheSameProcessAndReconnectsOnTheRelease() throws Exception {
        Path jar = AgentProcess.jarWithVersion(machine.resolve("jump-client.jar"), OLD_VERSION);
        String release = fixtures.releaseVersion();
        try (AgentProcess agent = AgentProcess.startFrom(
                jar, TestSite.agentUrl(), machine.resolve("agent"), "--installer-key", installerKey)) {
            UUID id = agent.awaitClientId(Duration.ofSeconds(30));
            long pid = agent.pid();

            awaitTrue(() -> release.equals(jumpClients.details(manager, id).agentVersion()), "back on " + release);

            agent.awaitOutput("restarting with the new version", Duration.ofSeconds(5));
            assertThat(agent.isAlive()).isTrue();
            assertThat(agent.pid()).isEqualTo(pid);
            assertThat(sha256(jar))
                    .isEqualTo(agentRelease.current().orElseThrow().sha256());
            assertThat(fixtures.count(
                            "SELECT count(*) FROM audit_event WHERE target = ? AND action = 'jump-client.update-offered'"
                                    + " AND detail = ?",
                            id.toString(),
                            OLD_VERSION + " -> " + release))
                    .isEqualTo(1);
            assertThat(fixtures.eventuallyAtLeast(
                            1,
                            "SELECT count(*) FROM audit_event WHERE target = ? AND action = 'jump-client.updated'",
                            id.toString()))
                    .isEqualTo(1);
            assertThat(jumpClients.startJump(manager, id).id()).isEqualTo(id);
            assertThat(fixtures.count(
                            "SELECT count(*) FROM jump_client WHERE installer_id = ("
                                    + "SELECT installer_id FROM jump_client WHERE id = ?::uuid)",
                            id.toString()))
                    .as("the restarted agent is the same client, not a second registration")
                    .isEqualTo(1);
        }
    }

    @Test
    void aJumpToAClientOnAnotherVersionIsVersionMismatch() throws Exception {
        UUID id = fixtures.register(installerKey);
        jumpClients.agentConnected(id, fixtures.proofFor(id), new AgentDescription("old-desk", "Linux", OLD_VERSION));

        assertThat(statusOf(() -> jumpClients.startJump(manager, id))).isEqualTo(JumpDeskStatus.VERSION_MISMATCH);
        assertThat(fixtures.eventuallyAtLeast(
                        1,
                        "SELECT count(*) FROM audit_event WHERE target = ? AND outcome = 'VERSION_MISMATCH'",
                        id.toString()))
                .isEqualTo(1);
    }

    @Test
    void onlySoManyAgentsUpdateAtOnceAndTheNextOneGetsTheSlotWhenOneIsBack() {
        UUID first = fixtures.register(installerKey);
        UUID second = fixtures.register(installerKey);
        settings.change(Fixtures.ADMIN, withMaxConcurrentUpgrades((int) agentUpdates.updating() + 1));

        assertThat(agentUpdates.offerFor(first, OLD_VERSION)).isPresent();
        assertThat(agentUpdates.offerFor(second, OLD_VERSION))
                .as("no slot left")
                .isEmpty();
        assertThat(agentUpdates.offerFor(first, OLD_VERSION))
                .as("a retry keeps its slot")
                .isPresent();

        assertThat(agentUpdates.offerFor(first, fixtures.releaseVersion()))
                .as("back on the release")
                .isEmpty();

        assertThat(agentUpdates.offerFor(second, OLD_VERSION)).isPresent();
    }

    @Test
    void theSiteServesTheReleaseItOffers() throws Exception {
        HttpResponse<InputStream> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TestSite.httpUrl() + AgentUpdates.DOWNLOAD_PATH.substring(1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        Path saved = machine.resolve("downloaded.jar");
        try (InputStream body = download.body()) {
            Files.copy(body, saved);
        }

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(saved)).isEqualTo(agentRelease.current().orElseThrow().sha256());
        assertThat(download.headers().firstValue("X-Agent-Version")).contains(fixtures.releaseVersion());
    }

    private ClientSettingsValues withMaxConcurrentUpgrades(int limit) {
        ClientSettingsValues s = originalSettings;
        return new ClientSettingsValues(
                s.heartbeatSeconds(),
                s.statisticsSeconds(),
                s.passiveCheckInSeconds(),
                s.offlineLimitDays(),
                s.maxConcurrentJumps(),
                s.connectTimeoutSeconds(),
                s.reconnectsPerSecond(),
                limit,
                s.sessionIdleTimeoutMinutes(),
                s.maxFileTransferMegabytes());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.Fixtures.awaitTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.control.ThisNode;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.settings.boundary.ClientSettingsValues;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real agent processes (the built jar in their own JVMs) against the site: registration, presence,
 * missed heartbeats, a crash, deletion in the console and a local uninstall. The test runs inside WildFly
 * so it can drive the use cases directly while watching the agents from outside.
 */
@ExtendWith(ArquillianExtension.class)
class AgentLifecycleIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(
                AgentLifecycleIT.class, AgentProcess.class, ConsoleSession.class, TestSite.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private Settings settings;

    @EJB
    private ThisNode thisNode;

    @TempDir
    Path machine;

    private Actor manager;
    private String group;
    private String installerKey;
    private ClientSettingsValues originalSettings;

    @BeforeEach
    void aManagerAndAnInstaller() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        group = managed.group();
        manager = managed.manager();
        installerKey = fixtures.installer(group, JumpClientMode.ACTIVE);
        originalSettings = settings.current();
    }

    @AfterEach
    void restoreSettings() {
        settings.change(Fixtures.ADMIN, originalSettings);
    }

    @Test
    void aNewAgentRegistersBecomesActiveAndOnlineAndIsOfflineAtOnceWhenKilled() throws Exception {
        ConsoleSession console = managersConsole();
        UUID id;
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey)) {
            id = agent.awaitClientId(Duration.ofSeconds(30));

            awaitTrue(() -> jumpClients.details(manager, id).state() == JumpClientState.ACTIVE, "ACTIVE");
            awaitTrue(() -> page(console).contains("data-online=\"true\""), "shown online");
            assertThat(fixtures.count(
                            "SELECT COUNT(*) FROM agent_connection a JOIN jump_client c ON c.id = a.client_id"
                                    + " WHERE a.client_id = ? AND a.node_id = ? AND a.boot_id = ? AND c.online",
                            id,
                            thisNode.id(),
                            thisNode.bootId()))
                    .as("its connection, on this node, in the presence table")
                    .isEqualTo(1);
            awaitTrue(() -> jumpClients.details(manager, id).statistics().reportedAt() != null, "statistics reported");
            var statistics = jumpClients.details(manager, id).statistics();
            assertThat(statistics.memoryTotalBytes()).isPositive();
            assertThat(statistics.memoryUsedBytes()).isBetween(1L, statistics.memoryTotalBytes());
            assertThat(statistics.diskTotalBytes()).isPositive();
            assertThat(statistics.uptimeSeconds()).isPositive();
            assertThat(statistics.publicIp()).as("the address the site sees").isEqualTo("127.0.0.1");
        }

        awaitTrue(() -> page(console).contains("data-online=\"false\""), "shown offline after kill -9");
        assertThat(page(console)).doesNotContain("data-online=\"true\"").contains("data-client-id=\"" + id + "\"");
        assertThat(fixtures.count("SELECT COUNT(*) FROM agent_connection WHERE client_id = ?", id))
                .as("its presence row removed with its connection")
                .isZero();
        assertThat(jumpClients.details(manager, id).online()).isFalse();
    }

    @Test
    void anAgentThatStopsSendingIsOfflineAfterThreeMissedHeartbeats() throws Exception {
        settings.change(
                Fixtures.ADMIN,
                withIntervals(1, originalSettings.statisticsSeconds(), originalSettings.passiveCheckInSeconds()));
        ConsoleSession console = managersConsole();
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey)) {
            agent.awaitClientId(Duration.ofSeconds(30));
            awaitTrue(() -> page(console).contains("data-online=\"true\""), "shown online");

            agent.freeze();
            Instant frozenAt = Instant.now();

            awaitTrue(() -> page(console).contains("data-online=\"false\""), "shown offline while frozen");
            assertThat(Duration.between(frozenAt, Instant.now()))
                    .as("three 1 s heartbeats plus the 2 s check")
                    .isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aPassiveClientChecksInAtItsIntervalAndPicksUpASwitchToActive() throws Exception {
        settings.change(
                Fixtures.ADMIN,
                withIntervals(originalSettings.heartbeatSeconds(), originalSettings.statisticsSeconds(), 1));
        String passiveKey = fixtures.installer(group, JumpClientMode.PASSIVE);
        ConsoleSession console = managersConsole();
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", passiveKey)) {
            UUID id = agent.awaitClientId(Duration.ofSeconds(30));
            awaitTrue(() -> jumpClients.details(manager, id).state() == JumpClientState.PASSIVE, "PASSIVE");
            Instant firstContact = jumpClients.details(manager, id).lastContactAt();
            awaitTrue(() -> jumpClients.details(manager, id).lastContactAt().isAfter(firstContact), "a later check-in");

            jumpClients.switchMode(manager, id, JumpClientMode.ACTIVE);

            awaitTrue(() -> page(console).contains("data-online=\"true\""), "connected for good after a check-in");
            TimeUnit.SECONDS.sleep(3);
            assertThat(page(console))
                    .as("still connected three check-in intervals later")
                    .contains("data-online=\"true\"");
            assertThat(jumpClients.details(manager, id).state()).isEqualTo(JumpClientState.ACTIVE);
        }
    }

    @Test
    void theMachinesUserDisablesAndEnablesSessionsLocallyAndTheSiteKnows() throws Exception {
        settings.change(
                Fixtures.ADMIN,
                withIntervals(1, originalSettings.statisticsSeconds(), originalSettings.passiveCheckInSeconds()));
        ConsoleSession console = managersConsole();
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey)) {
            agent.awaitClientId(Duration.ofSeconds(30));
            awaitTrue(() -> page(console).contains("data-online=\"true\""), "online");
            assertThat(page(console)).contains("data-disabled=\"false\"");

            assertThat(AgentProcess.command(machine, "disable").exitCode()).isZero();
            try {
                awaitTrue(() -> page(console).contains("data-disabled=\"true\""), "shown disabled");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nagent: " + agent.output(), e);
            }
            awaitTrue(() -> status().output().contains("sessions: disabled by the user"), "status says disabled");
            AgentProcess.CommandResult status = status();
            assertThat(status.exitCode()).isZero();
            assertThat(status.output()).contains("connected to " + TestSite.agentUrl());

            assertThat(AgentProcess.command(machine, "enable").exitCode()).isZero();
            awaitTrue(() -> page(console).contains("data-disabled=\"false\""), "shown enabled again");
        }
        awaitTrue(() -> status().exitCode() == 3, "status reports not connected once the agent is gone");
    }

    private AgentProcess.CommandResult status() {
        try {
            return AgentProcess.command(machine, "status");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAgentCutOffFromItsSiteForLongerThanTheOfflineLimitRemovesItself() throws Exception {
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey)) {
            agent.awaitClientId(Duration.ofSeconds(30));
            agent.awaitOutput("Connected to", Duration.ofSeconds(30));
        }
        Path lastContact = machine.resolve("state").resolve("last-contact");
        assertThat(Files.readString(lastContact)).endsWith(" 180");
        Files.writeString(lastContact, Instant.now().minus(Duration.ofDays(181)) + " 180");

        try (AgentProcess cutOff = AgentProcess.start(URI.create("ws://localhost:1/agent"), machine)) {
            assertThat(cutOff.awaitExit(Duration.ofSeconds(30))).isEqualTo(3);
            assertThat(cutOff.output()).contains("offline limit");
            assertThat(cutOff.stateDirectory()).doesNotExist();
        }
    }

    @Test
    void aClientDeletedInTheConsoleRemovesItselfFromItsMachine() throws Exception {
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey)) {
            UUID id = agent.awaitClientId(Duration.ofSeconds(30));
            awaitTrue(() -> jumpClients.details(manager, id).state() == JumpClientState.ACTIVE, "ACTIVE");

            jumpClients.delete(manager, id);

            assertThat(agent.awaitExit(Duration.ofSeconds(20))).isEqualTo(3);
            assertThat(agent.stateDirectory()).doesNotExist();
            assertThat(agent.output()).contains("JC_NOT_FOUND");
        }
    }

    @Test
    void aStatisticsReportOfAClientRemovedBehindTheNodesBackClosesItsConnection() throws Exception {
        settings.change(
                Fixtures.ADMIN,
                withIntervals(originalSettings.heartbeatSeconds(), 1, originalSettings.passiveCheckInSeconds()));
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey)) {
            UUID id = agent.awaitClientId(Duration.ofSeconds(30));
            awaitTrue(() -> jumpClients.details(manager, id).statistics().reportedAt() != null, "statistics reported");

            // Removed without the console, so no node closes the connection: only the next report finds out.
            // The license counts follow, as a delete's own transaction keeps them.
            fixtures.execute("UPDATE jump_client SET deleted_at = now() WHERE id = ?", id);
            fixtures.execute("UPDATE site_license SET deployed_count = deployed_count - 1,"
                    + " active_count = active_count - 1");

            assertThat(agent.awaitExit(Duration.ofSeconds(20))).isEqualTo(3);
            assertThat(agent.output()).contains("JC_NOT_FOUND");
            assertThat(fixtures.licenseCountsMatchClients()).isTrue();
        }
    }

    @Test
    void aLocalUninstallMarksTheClientUninstalledAndKeepsItListed() throws Exception {
        UUID id;
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey)) {
            id = agent.awaitClientId(Duration.ofSeconds(30));
            awaitTrue(() -> jumpClients.details(manager, id).statistics().reportedAt() != null, "statistics reported");
        }

        try (AgentProcess uninstall = AgentProcess.start(TestSite.agentUrl(), machine, "--uninstall")) {
            assertThat(uninstall.awaitExit(Duration.ofSeconds(30))).isEqualTo(0);
            assertThat(uninstall.stateDirectory()).doesNotExist();
        }
        assertThat(jumpClients.details(manager, id).state()).isEqualTo(JumpClientState.UNINSTALLED);
        assertThat(jumpClients.details(manager, id).hostname())
                .as("last details kept")
                .isNotBlank();
    }

    private ClientSettingsValues withIntervals(int heartbeatSeconds, int statisticsSeconds, int checkInSeconds) {
        ClientSettingsValues v = originalSettings;
        return new ClientSettingsValues(
                heartbeatSeconds,
                statisticsSeconds,
                checkInSeconds,
                v.offlineLimitDays(),
                v.maxConcurrentJumps(),
                v.connectTimeoutSeconds(),
                v.reconnectsPerSecond(),
                v.maxConcurrentUpgrades(),
                v.sessionIdleTimeoutMinutes(),
                v.maxFileTransferMegabytes());
    }

    /** The console, logged in as the group's manager. */
    private ConsoleSession managersConsole() throws Exception {
        ConsoleSession console = new ConsoleSession(TestSite.httpUrl());
        console.logIn("console/jump-clients.xhtml", manager.name(), PASSWORD);
        return console;
    }

    private static String page(ConsoleSession console) {
        try {
            return console.get("console/jump-clients.xhtml").body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the condition over a span of time (here: longer than three check-in intervals). */
    private static void holdsFor(Duration span, BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(span);
        while (Instant.now().isBefore(end)) {
            assertThat(condition.getAsBoolean()).as(what).isTrue();
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.SessionPage.awaitState;
import static org.jumpdesk.systemtests.SessionPage.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.installers.control.InstallerKeys;
import org.jumpdesk.sessions.boundary.SupportSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Every way a jump fails, provoked as it happens to a representative, each with its catalogue code and
 * text on the session page: the client deleted or uninstalled after the console listed it, its agent
 * killed between the site's {@code session-open} and its attach, an agent on an older version (which the
 * refusal starts updating), a login shell that cannot be executed, the site's jump lock stuck, 21 jumps at
 * once at the default limit of 20; and a passive client's wait, cancelled. ({@code CONNECT_TIMEOUT},
 * {@code DISABLED_BY_USER} and {@code JC_OFFLINE} are in {@link SupportSessionBrowserIT}.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupportSessionErrorsBrowserIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String SETTINGS =
            "connect_timeout_seconds, passive_check_in_seconds, statistics_seconds," + " max_concurrent_upgrades";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path machine;

    private String representative;
    private String savedSettings;

    @BeforeEach
    void aRepresentative() throws Exception {
        representative = TestSite.createRepresentative(PASSWORD);
        savedSettings = TestSite.text("SELECT concat_ws(',', " + SETTINGS + ") FROM client_settings WHERE id = 1");
    }

    @AfterEach
    void restoreSettings() throws Exception {
        String[] values = savedSettings.split(",");
        TestSite.execute(
                "UPDATE client_settings SET connect_timeout_seconds = ?, passive_check_in_seconds = ?,"
                        + " statistics_seconds = ?, max_concurrent_upgrades = ? WHERE id = 1",
                Integer.parseInt(values[0]),
                Integer.parseInt(values[1]),
                Integer.parseInt(values[2]),
                Integer.parseInt(values[3]));
    }

    @Test
    void aClientDeletedByAnotherConsoleAfterTheListingIsJcNotFound() throws Exception {
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            browser.logIn("console/jump-clients.xhtml", representative, PASSWORD)
                    .element(By.cssSelector("[data-client-id='" + client + "']"));

            ApiClient anotherConsole = new ApiClient(TestSite.createApiToken(representative, "WRITE"));
            assertThat(anotherConsole.delete("jump-clients/" + client).status()).isEqualTo(204);
            browser.open("console/session.xhtml?client=" + client);

            SessionPage.assertRefused(browser, "JC_NOT_FOUND", "The Jump Client does not exist.");
        }
    }

    @Test
    void aClientUninstalledOnItsMachineAfterTheListingIsJcUninstalled() throws Exception {
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            browser.logIn("console/jump-clients.xhtml", representative, PASSWORD)
                    .element(By.cssSelector("[data-client-id='" + client + "']"));

            // The machine's uninstall: stop the agent, then tell the site.
            agent.close();
            try (AgentProcess uninstall = AgentProcess.start(TestSite.agentUrl(), machine, "--uninstall")) {
                assertThat(uninstall.awaitExit(Duration.ofSeconds(30))).isZero();
            }
            browser.open("console/session.xhtml?client=" + client);

            SessionPage.assertRefused(browser, "JC_UNINSTALLED", "The specified Jump Client has been uninstalled.");
        }
    }

    @Test
    void anAgentKilledAfterTheSessionOpenAndBeforeItsAttachIsActiveNotConnected() throws Exception {
        TestSite.execute("UPDATE client_settings SET connect_timeout_seconds = 120 WHERE id = 1");
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            agent.freeze();

            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
            TestSite.eventuallyAtLeast(
                    1,
                    "SELECT count(*) FROM support_session WHERE client_id = ?::uuid AND state = 'REQUESTED'",
                    client);
            agent.close();

            SessionPage.assertRefused(browser, "ACTIVE_NOT_CONNECTED", "The active Jump Client is not connected.");
            assertThat(TestSite.text(
                            "SELECT outcome FROM support_session WHERE client_id = ?::uuid", client.toString()))
                    .isEqualTo("ACTIVE_NOT_CONNECTED");
        }
    }

    @Test
    void aJumpToAnOlderAgentIsVersionMismatchAndStartsItsUpdate() throws Exception {
        String release = TestSite.agentVersion();
        UUID updating = TestSite.createClient("user:" + representative, "ACTIVE");
        TestSite.execute(
                "INSERT INTO agent_upgrade (client_id, from_version, to_version, offered_at)"
                        + " VALUES (?::uuid, '0.0.1', ?, now())",
                updating,
                release);
        // Every upgrade slot taken, and no statistics report that would offer the update again soon.
        TestSite.execute(
                "UPDATE client_settings SET statistics_seconds = 3600, max_concurrent_upgrades ="
                        + " (SELECT count(*) FROM agent_upgrade WHERE offered_at > now() - interval '10 minutes') WHERE id = 1");
        Path jar = AgentProcess.jarWithVersion(machine.resolve("jump-client.jar"), "0.0.9-old");
        try (AgentProcess agent = AgentProcess.startFrom(
                        jar,
                        TestSite.agentUrl(),
                        machine.resolve("agent"),
                        "--installer-key",
                        TestSite.createInstaller("user:" + representative),
                        "--jc-jump-group",
                        "user:" + representative);
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(30));
            SessionPage.awaitConsoleShows(representative, PASSWORD, client, "data-online=\"true\"");
            TestSite.execute("DELETE FROM agent_upgrade WHERE client_id = ?::uuid", updating);

            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);

            SessionPage.assertRefused(
                    browser,
                    "VERSION_MISMATCH",
                    "The Jump Client is running a different version and will not attempt an update."
                            + " Try again when the update completes.");
            agent.awaitOutput("restarting with the new version", Duration.ofSeconds(60));
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM jump_client WHERE id = ?::uuid AND agent_version = ?", client, release);

            browser.open("console/session.xhtml?client=" + client);
            awaitState(browser, "started");
        }
    }

    @Test
    void aShellThatCannotBeExecutedIsSessionInternalError() throws Exception {
        Path notAProgram = Files.createDirectories(machine.resolve("not-a-shell"));
        try (AgentProcess agent = SessionPage.connectedAgent(
                        machine, representative, PASSWORD, Map.of("SHELL", notAProgram.toString()));
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));

            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);

            SessionPage.assertEnded(
                    browser,
                    "SESSION_INTERNAL_ERROR",
                    "An internal error occurred while generating the support session.");
            assertThat(TestSite.text(
                            "SELECT outcome FROM support_session WHERE client_id = ?::uuid", client.toString()))
                    .isEqualTo("SESSION_INTERNAL_ERROR");
        }
    }

    @Test
    void aJumpLockHeldTooLongInsideTheSiteIsSessionTimeoutInternal() throws Exception {
        UUID client = TestSite.createClient("user:" + representative, "ACTIVE");
        try (Connection stuckNode = TestSite.holdAdvisoryLock(SupportSessions.JUMP_LOCK);
                Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);

            SessionPage.assertRefused(
                    browser,
                    "SESSION_TIMEOUT_INTERNAL",
                    "An internal operation is taking too long while trying to generate a support session.");
            assertThat(TestSite.eventuallyAtLeast(
                            1,
                            "SELECT count(*) FROM audit_event WHERE actor = ? AND outcome = 'SESSION_TIMEOUT_INTERNAL'",
                            representative))
                    .isEqualTo(1);
        }
    }

    @Test
    void twentyOneJumpsAtOnceAtTheDefaultLimitOfTwentyGiveOneServerBusy() throws Exception {
        assertThat(TestSite.count("SELECT max_concurrent_jumps FROM client_settings WHERE id = 1"))
                .isEqualTo(20);
        TestSite.execute("UPDATE client_settings SET connect_timeout_seconds = 120 WHERE id = 1");
        // A jump an earlier test left unanswered counts until it is two minutes old, as on a real site.
        Fixtures.awaitTrue(
                () -> settingUp() == 0,
                "no other jump being set up; left: "
                        + TestSite.text(
                                "SELECT string_agg(concat_ws(' ', representative,"
                                        + " client_id, customer_id, requested_at), '; ') FROM support_session WHERE state = 'REQUESTED'"),
                Duration.ofMinutes(2).plusSeconds(30));
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            agent.freeze();
            ConsoleSession console = new ConsoleSession(TestSite.httpUrl());
            console.logIn("console/jump-clients.xhtml", representative, PASSWORD);

            List<TerminalClient> jumps = jumpAtOnce(console, client, 21);
            try {
                TestSite.eventuallyAtLeast(
                        1,
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND outcome = 'SERVER_BUSY'",
                        representative);
                List<String> answers = new ArrayList<>();
                for (TerminalClient jump : jumps) {
                    String answer = jump.nextControl(Duration.ofMillis(500));
                    if (answer != null) {
                        answers.add(answer);
                    }
                }
                assertThat(answers).containsExactly("{\"type\":\"refused\",\"code\":\"SERVER_BUSY\"}");
                assertThat(settingUp()).isEqualTo(20);

                browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
                SessionPage.assertRefused(browser, "SERVER_BUSY", "The server is too busy. Try again later.");
            } finally {
                jumps.forEach(TerminalClient::close);
            }
            Fixtures.awaitTrue(() -> settingUp() == 0, "the representative's pages left, the jumps ended");
        }
    }

    @Test
    void aJumpWaitingForAPassiveClientCanBeCancelledAndTheClientIsNotAskedAtItsCheckIn() throws Exception {
        TestSite.execute("UPDATE client_settings SET passive_check_in_seconds = 3 WHERE id = 1");
        String installerKey = TestSite.createInstaller("user:" + representative);
        TestSite.execute("UPDATE installer SET mode = 'PASSIVE' WHERE key_hash = ?", InstallerKeys.hash(installerKey));
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey);
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(30));
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM jump_client WHERE id = ?::uuid AND state = 'PASSIVE'", client);
            // From its next check-in on, the agent comes every 20 s: time to jump and cancel in between.
            TestSite.execute("UPDATE client_settings SET passive_check_in_seconds = 20 WHERE id = 1");
            int beforeTheChange = checkIns(agent);
            Fixtures.awaitTrue(() -> checkIns(agent) > beforeTheChange, "a check-in that learns 20 s");
            // A jump while that check-in's connection is still open goes to the agent at once: jump after it.
            Fixtures.awaitTrue(() -> connections(client) == 0, "the check-in's connection closed");

            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
            awaitState(browser, "waiting");
            assertThat(status(browser)).startsWith("The Jump Client is passive");
            assertThat(browser.element(By.id("session-end")).getText()).isEqualTo("Cancel");
            browser.click(By.id("session-end"));

            awaitState(browser, "cancelled");
            assertThat(status(browser)).isEqualTo("The jump was cancelled.");
            TestSite.eventuallyAtLeast(
                    1,
                    "SELECT count(*) FROM support_session WHERE client_id = ?::uuid"
                            + " AND outcome = 'CANCELLED_BY_REPRESENTATIVE'",
                    client);
            int checkIns = checkIns(agent);
            Fixtures.awaitTrue(() -> checkIns(agent) > checkIns, "the agent's next check-in");
            assertThat(agent.output()).doesNotContain("support session");
            assertThat(TestSite.count(
                            "SELECT count(*) FROM support_session WHERE client_id = ?::uuid AND started_at IS NOT NULL",
                            client.toString()))
                    .isZero();
        }
    }

    private AgentProcess connectedAgent() throws Exception {
        return SessionPage.connectedAgent(machine, representative, PASSWORD);
    }

    private static long settingUp() {
        try {
            return TestSite.count("SELECT count(*) FROM support_session WHERE state = 'REQUESTED'"
                    + " AND requested_at > now() - interval '2 minutes'");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens that many terminals to the client at the same moment, each on its own thread. */
    private static List<TerminalClient> jumpAtOnce(ConsoleSession console, UUID client, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TerminalClient>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opening.add(threads.submit(() -> {
                    go.await();
                    return TerminalClient.jump(console, client, output -> {});
                }));
            }
            go.countDown();
            List<TerminalClient> jumps = new ArrayList<>();
            for (Future<TerminalClient> jump : opening) {
                jumps.add(jump.get(60, TimeUnit.SECONDS));
            }
            return jumps;
        } finally {
            threads.shutdown();
        }
    }

    private static int checkIns(AgentProcess agent) {
        try {
            return agent.output().split("Connected to", -1).length - 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long connections(UUID client) {
        try {
            return TestSite.count("SELECT count(*) FROM agent_connection WHERE client_id = ?::uuid", client.toString());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

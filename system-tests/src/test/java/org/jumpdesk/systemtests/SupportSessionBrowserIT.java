package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.SessionPage.awaitState;
import static org.jumpdesk.systemtests.SessionPage.awaitTerminalText;
import static org.jumpdesk.systemtests.SessionPage.type;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.installers.control.InstallerKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Jumping for real: a representative opens a support session in the browser to a real agent process,
 * works in its shell through the site's relay, ends it, and the site keeps the report and the recording.
 * The failures a representative can meet are provoked as they happen.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupportSessionBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path machine;

    private String representative;
    private int connectTimeoutSeconds;
    private int heartbeatSeconds;
    private int checkInSeconds;

    @BeforeEach
    void aRepresentative() throws Exception {
        representative = TestSite.createRepresentative(PASSWORD);
        connectTimeoutSeconds =
                (int) TestSite.count("SELECT connect_timeout_seconds FROM client_settings WHERE id = 1");
        heartbeatSeconds = (int) TestSite.count("SELECT heartbeat_seconds FROM client_settings WHERE id = 1");
        checkInSeconds = (int) TestSite.count("SELECT passive_check_in_seconds FROM client_settings WHERE id = 1");
    }

    @AfterEach
    void restoreSettings() throws Exception {
        TestSite.execute(
                "UPDATE client_settings SET connect_timeout_seconds = ?, heartbeat_seconds = ?,"
                        + " passive_check_in_seconds = ? WHERE id = 1",
                connectTimeoutSeconds,
                heartbeatSeconds,
                checkInSeconds);
    }

    @Test
    void aRepresentativeJumpsWorksInTheShellEndsAndTheSessionIsReportedAndRecorded() throws Exception {
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));

            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
            awaitState(browser, "started");
            SessionPage.awaitPrompt(browser);
            type(browser, "echo jump-$((6*7))\n");
            awaitTerminalText(browser, "jump-42");
            type(browser, "uname -s\n");
            awaitTerminalText(browser, "Linux");
            browser.screenshot("support-session");

            browser.driver().findElement(By.id("session-end")).click();
            awaitState(browser, "ended");

            UUID session = UUID.fromString(
                    TestSite.text("SELECT id::text FROM support_session WHERE client_id = ?::uuid", client.toString()));
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM support_session WHERE id = ?::uuid AND state = 'ENDED'", session);
            assertThat(TestSite.text("SELECT outcome FROM support_session WHERE id = ?::uuid", session))
                    .isEqualTo("ENDED_BY_REPRESENTATIVE");
            assertThat(TestSite.count("SELECT bytes_from_agent FROM support_session WHERE id = ?::uuid", session))
                    .isPositive();
            assertThat(TestSite.text(
                            "SELECT string_agg(data, '' ORDER BY seq) FROM session_recording_event"
                                    + " WHERE session_id = ?::uuid AND kind = 'o'",
                            session))
                    .contains("jump-42");
            assertThat(TestSite.count(
                            "SELECT count(*) FROM audit_event WHERE action IN ('session.requested',"
                                    + " 'session.started', 'session.ended') AND (target = ? OR detail LIKE ?)",
                            session.toString(),
                            "%" + session + "%"))
                    .isEqualTo(3);

            browser.open("console/recording.xhtml?session=" + session);
            new org.openqa.selenium.support.ui.Select(browser.element(By.id("recording-speed"))).selectByValue("8");
            browser.driver().findElement(By.id("recording-play")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> "played"
                    .equals(driver.findElement(By.id("recording")).getAttribute("data-state")));
            awaitTerminalText(browser, "jump-42");
            browser.driver().findElement(By.id("recording-search")).sendKeys("Linux");
            assertThat(Integer.parseInt(
                            browser.element(By.id("recording-matches")).getAttribute("data-count")))
                    .isPositive();
            browser.screenshot("session-recording");
        }
    }

    @Test
    void aClientWhoseAgentWentOfflineIsJcOfflineInTheRepresentativesLanguage() throws Exception {
        UUID client;
        try (AgentProcess agent = connectedAgent()) {
            client = agent.awaitClientId(Duration.ofSeconds(1));
        }
        SessionPage.awaitConsoleShows(representative, PASSWORD, client, "data-online=\"false\"");
        try (Browser browser = Browser.spanish(TestSite.httpUrl())) {
            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);

            awaitState(browser, "refused");
            assertThat(SessionPage.code(browser)).isEqualTo("JC_OFFLINE");
            assertThat(SessionPage.status(browser)).isEqualTo("El Jump Client está fuera de línea.");
        }
    }

    @Test
    void anAgentThatNeverAnswersTheJumpIsConnectTimeout() throws Exception {
        TestSite.execute("UPDATE client_settings SET connect_timeout_seconds = 2 WHERE id = 1");
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            agent.freeze();

            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);

            awaitState(browser, "refused");
            assertThat(browser.element(By.id("session")).getAttribute("data-code"))
                    .isEqualTo("CONNECT_TIMEOUT");
            assertThat(browser.element(By.id("session-status")).getText())
                    .isEqualTo("Timed out while trying to connect to the Jump Client.");
        }
    }

    @Test
    void anAgentWhoseUserDisabledSessionsIsDisabledByUser() throws Exception {
        TestSite.execute("UPDATE client_settings SET heartbeat_seconds = 1 WHERE id = 1");
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            assertThat(AgentProcess.command(machine, "disable").exitCode()).isZero();
            SessionPage.awaitConsoleShows(representative, PASSWORD, client, "data-disabled=\"true\"");

            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);

            awaitState(browser, "refused");
            assertThat(browser.element(By.id("session")).getAttribute("data-code"))
                    .isEqualTo("DISABLED_BY_USER");
            assertThat(TestSite.text(
                            "SELECT outcome FROM support_session WHERE client_id = ?::uuid", client.toString()))
                    .isEqualTo("DISABLED_BY_USER");
        }
    }

    @Test
    void aJumpToAPassiveClientWaitsForItsCheckInAndThenStarts() throws Exception {
        TestSite.execute("UPDATE client_settings SET passive_check_in_seconds = 3 WHERE id = 1");
        String installerKey = TestSite.createInstaller("user:" + representative);
        TestSite.execute("UPDATE installer SET mode = 'PASSIVE' WHERE key_hash = ?", InstallerKeys.hash(installerKey));
        try (AgentProcess agent = AgentProcess.start(TestSite.agentUrl(), machine, "--installer-key", installerKey);
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(30));
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM jump_client WHERE id = ?::uuid AND state = 'PASSIVE'", client);

            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);

            awaitState(browser, "started");
            assertThat(browser.element(By.id("session")).getAttribute("data-history"))
                    .isEqualTo("connecting waiting started");
            SessionPage.awaitPrompt(browser);
            type(browser, "echo passive-$((40+2))\n");
            awaitTerminalText(browser, "passive-42");
        }
    }

    private AgentProcess connectedAgent() throws Exception {
        return SessionPage.connectedAgent(machine, representative, PASSWORD);
    }
}

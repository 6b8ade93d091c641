package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.SessionPage.awaitState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.systemtests.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A script starts a jump through the REST API; the token's owner opens the answer's console link and works in
 * the real agent's shell. Nobody else can open that session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiJumpBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path machine;

    @Test
    void aJumpStartedThroughTheApiOpensInTheConsoleOfTheTokensOwnerOnly() throws Exception {
        String representative = TestSite.createRepresentative(PASSWORD);
        String someoneElse = TestSite.createRepresentative(PASSWORD);
        String installerKey = TestSite.createInstaller("user:" + representative);
        try (AgentProcess agent = AgentProcess.start(
                TestSite.agentUrl(),
                machine,
                "--installer-key",
                installerKey,
                "--jc-jump-group",
                "user:" + representative)) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(30));
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM jump_client WHERE id = ?::uuid AND state = 'ACTIVE'", client);

            Answer jump = new ApiClient(TestSite.createApiToken(representative, "WRITE"))
                    .post("jump-clients/" + client + "/jump", null);
            assertThat(jump.status()).as(jump.body()).isEqualTo(201);
            String session = jump.json().getString("sessionId");
            String consoleUrl = jump.json().getString("consoleUrl");

            try (Browser browser = Browser.english(TestSite.httpUrl())) {
                browser.logIn(consoleUrl, someoneElse, PASSWORD);
                awaitState(browser, "refused");
                assertThat(browser.element(By.id("session")).getAttribute("data-code"))
                        .isEqualTo("JC_NOT_FOUND");
            }
            try (Browser browser = Browser.english(TestSite.httpUrl())) {
                browser.logIn(consoleUrl, representative, PASSWORD);
                awaitState(browser, "started");
                browser.driver()
                        .findElement(By.cssSelector("#terminal textarea"))
                        .sendKeys("echo api-$((40+2))\n");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> String.valueOf(
                                browser.driver().executeScript("return window.jumpdeskTerminalText();"))
                        .contains("api-42"));
                browser.driver().findElement(By.id("session-end")).click();
                awaitState(browser, "ended");
            }
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM support_session WHERE id = ?::uuid AND state = 'ENDED'", session);
            assertThat(TestSite.text("SELECT outcome FROM support_session WHERE id = ?::uuid", session))
                    .isEqualTo("ENDED_BY_REPRESENTATIVE");
            assertThat(TestSite.count(
                            "SELECT count(*) FROM audit_event WHERE action IN ('session.opened', 'session.started',"
                                    + " 'session.ended') AND target = ? AND outcome = 'SUCCESS'",
                            session))
                    .isEqualTo(3);
            assertThat(TestSite.eventuallyAtLeast(
                            1,
                            "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'session.open'"
                                    + " AND target = ? AND outcome = 'JC_NOT_FOUND'",
                            someoneElse,
                            session))
                    .isEqualTo(1);
        }
    }
}

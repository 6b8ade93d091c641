package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.JumpInterfaceBrowserIT.PAGE;
import static org.jumpdesk.systemtests.JumpInterfaceBrowserIT.PASSWORD;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The Jump interface with real agents connected: a machine that registers appears in an open console
 * without a reload, is online, can be jumped to (a support session starts), and shows offline as soon as
 * its agent process dies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JumpInterfaceLiveBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path workDirectory;

    @Test
    void aNewAgentAppearsOnlineLiveAndGoesOfflineLiveWhenItsProcessIsKilled() throws Exception {
        String user = TestSite.createRepresentative(PASSWORD);
        String group = "user:" + user;
        String installerKey = TestSite.createInstaller(group);

        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(PAGE, user, PASSWORD).settled();
            assertThat(JumpInterfaceBrowserIT.names(browser)).isEmpty();

            try (AgentProcess agent = AgentProcess.start(
                    TestSite.agentUrl(), workDirectory.resolve("one"), "--installer-key", installerKey)) {
                UUID clientId = agent.awaitClientId(Duration.ofSeconds(30));
                By status = By.cssSelector("tr[data-rk='" + clientId + "'] [data-status]");
                browser.await(
                        "the new client is listed online without a reload",
                        () -> !browser.driver().findElements(status).isEmpty()
                                && "online"
                                        .equals(browser.driver()
                                                .findElement(status)
                                                .getDomAttribute("data-status")));

                browser.click(By.cssSelector("tr[data-rk='" + clientId + "'] td:nth-child(2)"));
                assertThat(browser.textOnceContains(By.id("statistics-status"), "Online"))
                        .isEqualTo("Online");
                browser.awaitText(By.id("statistics-os"), text -> !text.isBlank());
                browser.screenshot("jump-interface-live");
                browser.click(By.id("console:statistics-jump"));
                browser.await("the Jump opens a support session with the agent", () -> "started"
                        .equals(browser.driver().findElement(By.id("session")).getDomAttribute("data-state")));
                browser.open(PAGE).settled();
                browser.await(
                        "the client listed online again",
                        () -> !browser.driver().findElements(status).isEmpty()
                                && "online"
                                        .equals(browser.driver()
                                                .findElement(status)
                                                .getDomAttribute("data-status")));

                agent.close();
                browser.await("the killed agent's client shows offline without a reload", () -> "offline"
                        .equals(browser.driver().findElement(status).getDomAttribute("data-status")));
            }
        }
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The support session page ({@code console/session.xhtml}) as the browser tests read and drive it. */
final class SessionPage {

    private SessionPage() {}

    /** An agent in the representative's personal group, online on the console. */
    static AgentProcess connectedAgent(Path machine, String representative, String password) throws Exception {
        return connectedAgent(machine, representative, password, Map.of());
    }

    static AgentProcess connectedAgent(
            Path machine, String representative, String password, Map<String, String> environment) throws Exception {
        String installerKey = TestSite.createInstaller("user:" + representative);
        AgentProcess agent = AgentProcess.start(
                TestSite.agentUrl(),
                machine,
                environment,
                "--installer-key",
                installerKey,
                "--jc-jump-group",
                "user:" + representative);
        UUID client = agent.awaitClientId(Duration.ofSeconds(30));
        awaitConsoleShows(representative, password, client, "data-online=\"true\"");
        return agent;
    }

    /** Waits until the representative's console shows the client's row with the attribute. */
    static void awaitConsoleShows(String representative, String password, UUID client, String attribute)
            throws Exception {
        ConsoleSession console = new ConsoleSession(TestSite.httpUrl());
        console.logIn("console/jump-clients.xhtml", representative, password);
        Fixtures.awaitTrue(
                () -> {
                    try {
                        String page = console.get("console/jump-clients.xhtml").body();
                        return page.contains(client.toString()) && page.contains(attribute);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "the console showing " + attribute);
    }

    static void awaitState(Browser browser, String state) {
        awaitState(browser, state, Duration.ofSeconds(30));
    }

    static void awaitState(Browser browser, String state, Duration patience) {
        new WebDriverWait(browser.driver(), patience)
                .until(driver ->
                        state.equals(driver.findElement(By.id("session")).getAttribute("data-state")));
    }

    /** Waits for the jump to be refused, then checks the code and the text the page shows. */
    static void assertRefused(Browser browser, String code, String text) {
        assertState(browser, "refused", code, text);
    }

    /** Waits for the session to end, then checks the outcome and the text the page shows. */
    static void assertEnded(Browser browser, String outcome, String text) {
        assertState(browser, "ended", outcome, text);
    }

    private static void assertState(Browser browser, String state, String code, String text) {
        awaitState(browser, state);
        assertThat(code(browser)).isEqualTo(code);
        assertThat(status(browser)).isEqualTo(text);
    }

    /** The code of a refusal or the outcome of an end, as the page holds it. */
    static String code(Browser browser) {
        return browser.element(By.id("session")).getAttribute("data-code");
    }

    /** What the page tells the representative. */
    static String status(Browser browser) {
        return browser.element(By.id("session-status")).getText();
    }

    static void type(Browser browser, CharSequence... keys) {
        browser.driver().findElement(By.cssSelector("#terminal textarea")).sendKeys(keys);
    }

    static String terminalText(Browser browser) {
        return String.valueOf(browser.driver().executeScript("return window.jumpdeskTerminalText();"));
    }

    /** Waits for the shell's first output (its prompt): what is typed before it may be read by no one. */
    static void awaitPrompt(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .withMessage("the shell's prompt")
                .until(driver -> !terminalText(browser).isBlank());
    }

    static void awaitTerminalText(Browser browser, String expected) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .withMessage(() -> "'" + expected + "' in the terminal, which shows: " + terminalText(browser)
                        + " (page state "
                        + browser.driver().findElement(By.id("session")).getAttribute("data-history")
                        + ")")
                .until(driver -> terminalText(browser).contains(expected));
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.SessionPage.awaitState;
import static org.jumpdesk.systemtests.SessionPage.awaitTerminalText;
import static org.jumpdesk.systemtests.SessionPage.code;
import static org.jumpdesk.systemtests.SessionPage.status;
import static org.jumpdesk.systemtests.SessionPage.type;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The terminal as a representative uses it, in the browser with a real agent: UTF-8 both ways and in the
 * recording, colours, the page's size followed by the shell ({@code stty size}), paste and copy, Ctrl-C;
 * and how a started session ends besides the End button: the idle timeout, the agent disconnecting.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupportSessionTerminalBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path machine;

    private String representative;
    private long idleTimeoutMinutes;

    @BeforeEach
    void aRepresentative() throws Exception {
        representative = TestSite.createRepresentative(PASSWORD);
        idleTimeoutMinutes = TestSite.count("SELECT session_idle_timeout_minutes FROM client_settings WHERE id = 1");
    }

    @AfterEach
    void restoreSettings() throws Exception {
        TestSite.execute(
                "UPDATE client_settings SET session_idle_timeout_minutes = ? WHERE id = 1", (int) idleTimeoutMinutes);
    }

    @Test
    void utf8ColoursResizePasteCopyAndCtrlCWorkInTheBrowsersTerminal() throws Exception {
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
            awaitState(browser, "started");

            type(browser, "uname -a\n");
            awaitTerminalText(browser, localUname());

            type(browser, "echo 'ñandú 15 € ✓'\n");
            awaitTerminalText(browser, "\nñandú 15 € ✓");

            type(browser, "printf '\\033[31mred-%s\\033[0m\\n' $((6*7))\n");
            awaitTerminalText(browser, "\nred-42");
            assertThat(browser.driver().executeScript(FOREGROUND_OF, "red-42"))
                    .as("palette colour 1 is red")
                    .isEqualTo(1L);

            awaitShellSeesTerminalSize(browser, "first");
            TerminalSize before = terminalSize(browser);
            browser.driver().manage().window().setSize(new Dimension(800, 600));
            browser.await("the terminal follows the window", () -> {
                TerminalSize now = terminalSize(browser);
                return now.columns() < before.columns() && now.rows() < before.rows();
            });
            awaitShellSeesTerminalSize(browser, "after");

            // bash takes a paste as text (bracketed paste), so Enter runs it.
            browser.driver().executeScript(PASTE, "echo pasted-$((2+3))");
            type(browser, "\n");
            awaitTerminalText(browser, "\npasted-5");
            browser.driver().executeScript("window.jumpdeskTerminal.selectAll();");
            assertThat(String.valueOf(browser.driver().executeScript(COPY))).contains("pasted-5");

            type(browser, "sleep 100\n");
            ProcessHandle sleep = awaitDescendant(agent, "sleep 100");
            type(browser, Keys.chord(Keys.CONTROL, "c"));
            browser.await("Ctrl-C ends the program", () -> !sleep.isAlive());
            type(browser, "echo after-$((3+4))\n");
            awaitTerminalText(browser, "\nafter-7");
            browser.screenshot("support-session-terminal");

            browser.driver()
                    .findElement(org.openqa.selenium.By.id("session-end"))
                    .click();
            awaitState(browser, "ended");
            UUID session = UUID.fromString(
                    TestSite.text("SELECT id::text FROM support_session WHERE client_id = ?::uuid", client.toString()));
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM support_session WHERE id = ?::uuid AND state = 'ENDED'", session);
            assertThat(TestSite.text(
                            "SELECT string_agg(data, '' ORDER BY seq) FROM session_recording_event"
                                    + " WHERE session_id = ?::uuid AND kind = 'o'",
                            session))
                    .as("the recording keeps UTF-8 whole")
                    .contains("ñandú 15 € ✓")
                    .doesNotContain("\uFFFD");
        }
    }

    @Test
    void aSessionWithNothingTypedOrShownForTheAdministratorsIdleTimeoutEndsAndThePageSaysSo() throws Exception {
        String admin = TestSite.createAdministrator(PASSWORD);
        try (Browser settings = Browser.english(TestSite.httpUrl())) {
            settings.logIn("admin/settings.xhtml", admin, PASSWORD);
            WebElement idleTimeout =
                    settings.element(By.cssSelector("input[data-setting='sessionIdleTimeoutMinutes']"));
            idleTimeout.clear();
            idleTimeout.sendKeys("1");
            settings.driver().findElement(By.id("settings:save")).click();
            settings.textOnceContains(By.id("messages"), "Client settings saved.");
        }
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
            awaitState(browser, "started");
            type(browser, "echo idle-$((1+1))\n");
            awaitTerminalText(browser, "\nidle-2");

            awaitState(browser, "ended", Duration.ofSeconds(100));

            assertThat(code(browser)).isEqualTo("IDLE_TIMEOUT");
            assertThat(status(browser))
                    .isEqualTo("The session has ended: nothing was typed or shown for longer than the site's idle"
                            + " timeout.");
            String session =
                    TestSite.text("SELECT id::text FROM support_session WHERE client_id = ?::uuid", client.toString());
            assertThat(TestSite.text("SELECT outcome FROM support_session WHERE id = ?::uuid", session))
                    .isEqualTo("IDLE_TIMEOUT");
            assertThat(TestSite.count(
                            "SELECT extract(epoch FROM s.ended_at - s.started_at)::bigint FROM support_session s"
                                    + " WHERE s.id = ?::uuid",
                            session))
                    .isGreaterThanOrEqualTo(60);
            assertThat(TestSite.count(
                            "SELECT count(*) FROM audit_event WHERE action = 'session.ended' AND target = ?"
                                    + " AND detail LIKE 'IDLE_TIMEOUT;%'",
                            session))
                    .isEqualTo(1);
            agent.awaitOutput("ended: idle for", Duration.ofSeconds(10));
        }
    }

    @Test
    void whenTheAgentsConnectionDropsThePageSaysTheConnectionWasLost() throws Exception {
        try (AgentProcess agent = connectedAgent();
                Browser browser = Browser.english(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
            awaitState(browser, "started");

            agent.close();

            SessionPage.assertEnded(
                    browser,
                    "AGENT_DISCONNECTED",
                    "The connection to the Jump Client was lost. The session has ended.");
            assertThat(TestSite.text(
                            "SELECT outcome FROM support_session WHERE client_id = ?::uuid", client.toString()))
                    .isEqualTo("AGENT_DISCONNECTED");
        }
    }

    /** The foreground palette colour of the first output cell of a text (not of the command that printed it). */
    private static final String FOREGROUND_OF = "var buffer = window.jumpdeskTerminal.buffer.active;"
            + " for (var i = 0; i < buffer.length; i++) {"
            + "   var text = buffer.getLine(i).translateToString(true);"
            + "   var at = text.indexOf(arguments[0]);"
            + "   if (at === 0) { var cell = buffer.getLine(i).getCell(at);"
            + "     return cell.isFgPalette() ? cell.getFgColor() : -1; } }"
            + " return null;";

    /** What the browser does when the user pastes: a paste event on the terminal's input. */
    private static final String PASTE = "var data = new DataTransfer(); data.setData('text/plain', arguments[0]);"
            + " document.querySelector('#terminal textarea').dispatchEvent("
            + "   new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));";

    /** What the browser does when the user copies: a copy event; returns what went to the clipboard. */
    private static final String COPY = "var data = new DataTransfer();"
            + " document.querySelector('#terminal textarea').dispatchEvent("
            + "   new ClipboardEvent('copy', {clipboardData: data, bubbles: true, cancelable: true}));"
            + " return data.getData('text/plain');";

    private record TerminalSize(long rows, long columns) {}

    private static TerminalSize terminalSize(Browser browser) {
        return new TerminalSize((Long) browser.driver().executeScript("return window.jumpdeskTerminal.rows;"), (Long)
                browser.driver().executeScript("return window.jumpdeskTerminal.cols;"));
    }

    /**
     * The shell reports the size the page's terminal has. Asked again until they agree: a window resize
     * may reach the page as several events, each fitting the terminal anew.
     */
    private static void awaitShellSeesTerminalSize(Browser browser, String label) {
        int[] attempt = {0};
        browser.await("the shell sees the terminal's size", () -> {
            String marker = label + (++attempt[0]) + "-";
            type(browser, "echo " + marker + "$(stty size | tr ' ' x)\n");
            Pattern reported = Pattern.compile("\n" + marker + "(\\d+)x(\\d+)");
            Matcher shell = reported.matcher("");
            browser.await("the shell's answer", () -> shell.reset(SessionPage.terminalText(browser))
                    .find());
            TerminalSize size = terminalSize(browser);
            return Long.parseLong(shell.group(1)) == size.rows() && Long.parseLong(shell.group(2)) == size.columns();
        });
    }

    private static ProcessHandle awaitDescendant(AgentProcess agent, String commandLine) throws Exception {
        ProcessHandle[] found = new ProcessHandle[1];
        Fixtures.awaitTrue(
                () -> {
                    found[0] = ProcessHandle.of(agent.pid())
                            .orElseThrow()
                            .descendants()
                            .filter(p -> p.info().commandLine().orElse("").endsWith(commandLine))
                            .findFirst()
                            .orElse(null);
                    return found[0] != null;
                },
                "'" + commandLine + "' running under the agent");
        return found[0];
    }

    private static String localUname() throws Exception {
        Process uname = new ProcessBuilder("uname", "-a").start();
        String output = new String(uname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        uname.waitFor();
        return output;
    }

    private AgentProcess connectedAgent() throws Exception {
        return SessionPage.connectedAgent(machine, representative, PASSWORD);
    }
}

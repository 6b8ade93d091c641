package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's reports in a real browser: the dashboard's charts, session reports with their
 * recordings, and the pin and deploy permissions of group members.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminReportsBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    private String admin;
    private String representative;
    private String group;
    private UUID client;

    @BeforeEach
    void anAdministratorAndARepresentativeWithAClient() throws Exception {
        admin = TestSite.createUser(PASSWORD, true);
        representative = TestSite.createRepresentative(PASSWORD);
        group = TestSite.createSharedGroup(representative, "JUMP");
        client = TestSite.createClient(group, "ACTIVE");
    }

    @Test
    void theDashboardChartsConnectedClientsSessionsPerDayAndStates() throws Exception {
        String node = Fixtures.unique("node");
        Instant now = Instant.now();
        // Another node's history for the last half hour, as its timer would have written it.
        for (int minutes = 30; minutes >= 5; minutes -= 5) {
            Timestamp bucket = Timestamp.from(bucket(now.minus(Duration.ofMinutes(minutes))));
            TestSite.execute(
                    "INSERT INTO connected_clients_sample (bucket, node, connected) VALUES (?, ?, ?)",
                    bucket,
                    node,
                    40);
            TestSite.execute(
                    "INSERT INTO client_state_sample (bucket, pinned, active, passive, uninstalled)"
                            + " VALUES (?, 1, 30, 10, 2) ON CONFLICT DO NOTHING",
                    bucket);
        }
        session("ENDED_BY_REPRESENTATIVE");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/index.xhtml", admin, PASSWORD);

            for (String chart : List.of("connected", "sessions", "states")) {
                assertThat(Integer.parseInt(browser.element(By.id(chart)).getAttribute("data-points")))
                        .as(chart)
                        .isGreaterThanOrEqualTo(6);
                browser.await(chart + " drawn with its data", () -> drawnPoints(browser, chart) >= 6);
            }
            assertThat(browser.driver()
                            .executeScript("return Chart.getChart(document.querySelector('#connected canvas'))"
                                    + ".data.datasets[0].data.some(v => v >= 40);"))
                    .isEqualTo(true);
            assertThat(browser.driver()
                            .executeScript("return Chart.getChart(document.querySelector('#states canvas'))"
                                    + ".data.datasets.length;"))
                    .isEqualTo(4L);
            assertThat(browser.driver().getPageSource()).doesNotContain("cdn.");
            browser.screenshot("admin-dashboard");
        }
    }

    @Test
    void sessionReportsAreFilteredShownInDetailAndLinkToTheRecording() throws Exception {
        UUID ended = session("ENDED_BY_REPRESENTATIVE");
        session("CONNECT_TIMEOUT");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/sessions.xhtml?representative=" + representative, admin, PASSWORD);
            assertThat(browser.element(By.id("session-total")).getAttribute("data-total"))
                    .isEqualTo("2");

            browser.element(By.id("outcome")).sendKeys("ENDED_BY_REPRESENTATIVE");
            browser.submit(browser.driver().findElement(By.id("filter")));
            browser.await("the filter applied", () -> "1"
                    .equals(browser.element(By.id("session-total")).getAttribute("data-total")));
            assertThat(column(browser, "session-client")).containsExactly("host-" + client);
            assertThat(column(browser, "session-outcome")).containsExactly("ENDED_BY_REPRESENTATIVE");
            browser.screenshot("admin-session-reports");

            browser.submit(browser.driver().findElement(By.cssSelector(".session-link[data-session='" + ended + "']")));
            assertThat(browser.element(By.id("detail-representative")).getText())
                    .isEqualTo(representative);
            assertThat(browser.element(By.id("detail-client")).getText()).contains(client.toString());
            assertThat(browser.element(By.id("detail-duration")).getText()).isEqualTo("90");
            assertThat(browser.element(By.id("detail-bytes-to-agent")).getText())
                    .isEqualTo("1200");
            assertThat(browser.element(By.id("detail-bytes-from-agent")).getText())
                    .isEqualTo("3400");
            assertThat(browser.driver().findElements(By.cssSelector("#session-audit .audit-action")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .contains("session.requested");
            browser.screenshot("admin-session-detail");

            browser.submit(browser.driver().findElement(By.id("recording-link")));
            browser.element(By.id("recording"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("console/recording.xhtml?session=" + ended);
        }
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            String stranger = TestSite.createRepresentative(PASSWORD);
            browser.logIn("console/recording.xhtml?session=" + ended, stranger, PASSWORD);
            browser.element(By.id("recording-missing"));
            assertThat(browser.driver().findElements(By.id("recording"))).isEmpty();
        }
    }

    @Test
    void pinAndDeployAreSetPerMemberAndDeployOpensTheWizardForThatGroup() throws Exception {
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/groups.xhtml", admin, PASSWORD);
            new Select(browser.element(By.id("set-permissions:group"))).selectByVisibleText(group);
            new Select(browser.driver().findElement(By.id("set-permissions:user"))).selectByVisibleText(representative);
            browser.driver().findElement(By.id("set-permissions:pin")).click();
            browser.driver().findElement(By.id("set-permissions:deploy")).click();
            browser.submit(browser.driver().findElement(By.id("set-permissions:save")));
            browser.textOnceContains(By.id("messages"), "now has these permissions");

            WebElement member = browser.element(
                    By.cssSelector(".group-member[data-group='" + group + "'][data-user='" + representative + "']"));
            assertThat(member.getAttribute("data-pin")).isEqualTo("true");
            assertThat(member.getAttribute("data-deploy")).isEqualTo("true");
            assertThat(member.getText()).contains("Pin").contains("Deploy");
            browser.screenshot("admin-group-permissions");
        }
        assertThat(TestSite.count(
                        "SELECT count(*) FROM jump_group_member m JOIN jump_group g ON g.id = m.group_id"
                                + " JOIN console_user u ON u.id = m.user_id WHERE g.name = ? AND u.username = ?"
                                + " AND m.may_pin AND m.may_deploy AND m.role = 'JUMP'",
                        group,
                        representative))
                .isEqualTo(1);
        assertThat(TestSite.count(
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'jump-group.set-permissions'"
                                + " AND target = ?",
                        admin,
                        group))
                .isEqualTo(1);
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn("admin/installers/create-installer.xhtml", representative, PASSWORD);
            assertThat(browser.driver().findElements(By.cssSelector("[id='wizard:jump-group_input'] option")).stream()
                            .map(o -> o.getAttribute("value"))
                            .filter(v -> !v.isBlank())
                            .toList())
                    .containsExactly(group);
        }
    }

    /** An ended session of the representative on the client, 90 s long, with a recording and its audit row. */
    private UUID session(String outcome) throws Exception {
        UUID session = UUID.randomUUID();
        Instant started = Instant.now().minusSeconds(120);
        TestSite.execute(
                "INSERT INTO support_session (id, client_id, representative, token_hash, state, requested_at,"
                        + " started_at, ended_at, outcome, bytes_to_agent, bytes_from_agent)"
                        + " VALUES (?, ?, ?, ?, 'ENDED', ?, ?, ?, ?, 1200, 3400)",
                session,
                client,
                representative,
                "0".repeat(64),
                Timestamp.from(started.minusSeconds(2)),
                Timestamp.from(started),
                Timestamp.from(started.plusSeconds(90)),
                outcome);
        TestSite.execute(
                "INSERT INTO session_recording_event (session_id, seq, at_seconds, kind, data) VALUES (?, 0, 0.2, 'o', ?)",
                session,
                "$ uname -s\r\nLinux\r\n");
        TestSite.execute(
                "INSERT INTO audit_event (occurred_at, actor, action, target, outcome, detail)"
                        + " VALUES (?, ?, 'session.requested', ?, 'SUCCESS', ?)",
                Timestamp.from(started.minusSeconds(2)),
                representative,
                client.toString(),
                "session " + session);
        return session;
    }

    private static Instant bucket(Instant at) {
        long size = Duration.ofMinutes(5).toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), size) * size);
    }

    /** How many points Chart.js holds for the chart's first data set (0 before it draws). */
    private static long drawnPoints(Browser browser, String chart) {
        Object points = browser.driver()
                .executeScript("var c = window.Chart && Chart.getChart(document.querySelector('#" + chart
                        + " canvas')); return c ? c.data.datasets[0].data.length : 0;");
        return ((Number) points).longValue();
    }

    private static List<String> column(Browser browser, String styleClass) {
        return browser.driver().findElements(By.cssSelector("#session-reports ." + styleClass)).stream()
                .map(WebElement::getText)
                .toList();
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.SessionPage.awaitState;
import static org.jumpdesk.systemtests.SessionPage.awaitTerminalText;
import static org.jumpdesk.systemtests.SessionPage.type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Attended support: a representative gives a customer a session key, the customer runs the temporary
 * client (a real process, nothing installed), waits in the representative's queue, is accepted into a
 * support session, sees who is connected, and ends it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttendedSessionBrowserIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path machine;

    @TempDir
    Path downloads;

    private String representative;

    @BeforeEach
    void aRepresentative() throws Exception {
        representative = TestSite.createRepresentative(PASSWORD);
    }

    @Test
    void aCustomerWithASessionKeyIsAcceptedSeesWhoIsConnectedAndEndsTheSession() throws Exception {
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            String key = generateKey(browser);
            assertThat(browser.element(By.id("command-line")).getText())
                    .isEqualTo("java -jar jump-client.jar --session-key " + key + " --site " + siteAddress());

            try (CustomerProcess customer = CustomerProcess.start(TestSite.httpUrl(), key, machine, "en_US")) {
                customer.awaitOutput("Please wait for " + representative + " to accept you.", PATIENCE);
                By accept = By.cssSelector("a.jd-accept");
                browser.await(
                        "the customer in the queue",
                        () -> !browser.driver().findElements(accept).isEmpty());
                UUID customerId =
                        UUID.fromString(browser.driver().findElement(accept).getAttribute("data-customer"));
                browser.screenshot("attended-queue");

                browser.driver().findElement(accept).click();
                awaitState(browser, "started");
                customer.awaitOutput(
                        "Representative " + representative + " is now connected to this computer", PATIENCE);
                type(browser, "echo attended-$((6*7))\n");
                awaitTerminalText(browser, "attended-42");

                customer.type("end");
                awaitState(browser, "ended");
                assertThat(browser.element(By.id("session")).getAttribute("data-code"))
                        .isEqualTo("ENDED_BY_CUSTOMER");
                assertThat(customer.awaitExit(PATIENCE)).isZero();
                assertThat(customer.output()).contains("You ended the support session.");

                TestSite.eventuallyAtLeast(
                        1, "SELECT count(*) FROM attended_customer WHERE id = ?::uuid AND state = 'LEFT'", customerId);
                String session = TestSite.text(
                        "SELECT id::text FROM support_session WHERE customer_id = ?::uuid", customerId.toString());
                assertThat(TestSite.text("SELECT outcome FROM support_session WHERE id = ?::uuid", session))
                        .isEqualTo("ENDED_BY_CUSTOMER");
                assertThat(TestSite.text(
                                "SELECT string_agg(data, '' ORDER BY seq) FROM session_recording_event"
                                        + " WHERE session_id = ?::uuid AND kind = 'o'",
                                session))
                        .contains("attended-42");
                assertThat(TestSite.count(
                                "SELECT count(DISTINCT action) FROM audit_event WHERE outcome = 'SUCCESS' AND ("
                                        + "target = ? OR target = ? OR detail LIKE ?) AND action IN ('attended.arrive',"
                                        + " 'attended.accept', 'session.started', 'session.ended', 'attended.leave')",
                                customerId.toString(),
                                session,
                                "%" + session + "%"))
                        .isEqualTo(5);

                // The session report names the customer's computer; an attended session has no Jump Client.
                ApiClient api = new ApiClient(TestSite.createApiToken(representative, "READ"));
                ApiClient.Answer report = api.get("sessions/" + session);
                assertThat(report.status()).isEqualTo(200);
                assertThat(report.json().getJsonObject("session").getString("outcome"))
                        .isEqualTo("ENDED_BY_CUSTOMER");
                assertThat(report.json().getJsonObject("session").getString("clientName"))
                        .isEqualTo(TestSite.text(
                                "SELECT hostname FROM attended_customer WHERE id = ?::uuid", customerId.toString()));
                assertThat(api.get("sessions?representative=" + representative).body())
                        .contains(session);
            }
        }
    }

    @Test
    void aSessionKeyWorksOnceAndNotAfterItExpires() throws Exception {
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            String key = generateKey(browser);
            try (CustomerProcess first = CustomerProcess.start(TestSite.httpUrl(), key, machine, "en_US");
                    CustomerProcess second = awaitQueuedThenStartAnother(first, key)) {
                assertThat(second.awaitExit(PATIENCE)).isEqualTo(1);
                assertThat(second.output()).contains("The session key was not accepted");
            }

            String expiring = generateKey(browser);
            TestSite.execute(
                    "UPDATE session_key SET expires_at = now() - interval '1 minute' WHERE representative = ?"
                            + " AND used_at IS NULL",
                    representative);
            try (CustomerProcess late = CustomerProcess.start(TestSite.httpUrl(), expiring, machine, "es_ES")) {
                assertThat(late.awaitExit(PATIENCE)).isEqualTo(1);
                assertThat(late.output()).contains("No se aceptó la clave de sesión: no existe, ya se usó o caducó.");
            }
            assertThat(TestSite.count("SELECT count(*) FROM audit_event WHERE action = 'attended.arrive'"
                            + " AND outcome = 'SESSION_KEY_INVALID'"))
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aCustomerWhoLeftTheQueueCannotBeAccepted() throws Exception {
        try (Browser browser = Browser.spanish(TestSite.httpUrl())) {
            String key = generateKey(browser);
            UUID customerId;
            try (CustomerProcess customer = CustomerProcess.start(TestSite.httpUrl(), key, machine, "es_ES")) {
                customer.awaitOutput("Espere a que " + representative + " lo atienda.", PATIENCE);
                customerId = UUID.fromString(TestSite.text(
                        "SELECT id::text FROM attended_customer WHERE representative = ?", representative));
                customer.type("end");
                assertThat(customer.awaitExit(PATIENCE)).isZero();
            }
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM attended_customer WHERE id = ?::uuid AND state = 'LEFT'", customerId);

            browser.open("console/session.xhtml?customer=" + customerId);
            awaitState(browser, "refused");
            assertThat(browser.element(By.id("session")).getAttribute("data-code"))
                    .isEqualTo("CUSTOMER_NOT_WAITING");
            assertThat(browser.element(By.id("session-status")).getText())
                    .isEqualTo("El cliente ya no está esperando.");
        }
    }

    @Test
    void aCustomerDownloadsTheSupportClientFromThePortalAndItConnectsWithTheKeyInside() throws Exception {
        String key;
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            key = generateKey(browser);
            assertThat(browser.element(By.id("portal-link")).getText()).isEqualTo(siteAddress() + "/support.xhtml");
        }
        try (Browser customer = Browser.english(TestSite.httpUrl(), downloads)) {
            customer.open("support/download?key=0000-0000-0000");
            assertThat(customer.driver().getPageSource()).contains("The session key is unknown");

            customer.open("support.xhtml");
            customer.element(By.id("support-key")).sendKeys(key);
            customer.driver().findElement(By.id("support-download")).click();
            Path unpacked = unzip(awaitDownload("jumpdesk-support.zip"), machine.resolve("support"));
            String script = Files.readString(unpacked.resolve("start-support.sh"));
            assertThat(script)
                    .contains("--session-key \"" + key.replace("-", "") + "\"")
                    .contains("--site \"" + TestSite.secureAgentUrl() + "\"")
                    .contains(TestSite.certificateFingerprint());
            assertThat(unpacked.resolve("start-support.cmd")).exists();

            try (CustomerProcess client = CustomerProcess.startScript(unpacked.resolve("start-support.sh"), machine)) {
                client.awaitOutput("Please wait for " + representative + " to accept you.", PATIENCE);
                assertThat(TestSite.count(
                                "SELECT count(*) FROM attended_customer WHERE representative = ? AND state = 'WAITING'",
                                representative))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void aMalformedKeyIsRefusedBeforeAnythingConnects() throws Exception {
        try (CustomerProcess customer = CustomerProcess.start(TestSite.httpUrl(), "12-34", machine, "en_US")) {
            assertThat(customer.awaitExit(PATIENCE)).isEqualTo(2);
            assertThat(customer.output()).contains("--session-key must be the 12-digit key");
        }
    }

    private CustomerProcess awaitQueuedThenStartAnother(CustomerProcess first, String key) throws Exception {
        first.awaitOutput("Please wait for " + representative, PATIENCE);
        return CustomerProcess.start(TestSite.httpUrl(), key, machine, "en_US");
    }

    private Path awaitDownload(String name) throws Exception {
        Path file = downloads.resolve(name);
        Fixtures.awaitTrue(
                () -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")),
                name + " downloaded");
        return file;
    }

    private static Path unzip(Path zip, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Files.copy(in, directory.resolve(entry.getName()));
            }
        }
        return directory;
    }

    /** Logs in (once per browser) and makes a session key on the attended sessions page. */
    private String generateKey(Browser browser) {
        if (browser.driver().findElements(By.id("attended:generate")).isEmpty()) {
            browser.logIn("console/attended.xhtml", representative, PASSWORD);
        }
        String before = browser.driver().findElements(By.id("session-key")).isEmpty()
                ? ""
                : browser.driver().findElement(By.id("session-key")).getText();
        browser.click(By.id("attended:generate"));
        return browser.awaitText(
                By.id("session-key"), text -> text.matches("\\d{4}-\\d{4}-\\d{4}") && !text.equals(before));
    }

    private static String siteAddress() {
        String url = TestSite.httpUrl().toString();
        return url.substring(0, url.length() - 1);
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.systemtests.HeadlessLinux.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The support session's Files and System information panes, in a real browser, with a real agent running
 * as an ordinary account of this machine (as a service installed with {@code --user} runs): browsing its
 * home, an upload and a download compared byte for byte, what that account may not touch refused by the
 * OS, the size limit, and the machine's own host name and processes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionFilesBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path downloads;

    @TempDir
    Path local;

    private String representative;
    private int limitMegabytes;

    @BeforeEach
    void aRepresentative() throws Exception {
        representative = TestSite.createRepresentative(PASSWORD);
        limitMegabytes = (int) TestSite.count("SELECT max_file_transfer_megabytes FROM client_settings WHERE id = 1");
    }

    @AfterEach
    void restoreTheLimit() throws Exception {
        TestSite.execute("UPDATE client_settings SET max_file_transfer_megabytes = ? WHERE id = 1", limitMegabytes);
    }

    @Test
    void aRepresentativeBrowsesUploadsAndDownloadsAsTheAgentsUserAndIsToldWhatTheOsRefuses() throws Exception {
        Path open = HeadlessLinux.openDirectory();
        Account account = Account.create();
        Path home = account.ownDirectory(Path.of("/home"), account.name());
        try (account) {
            Path documents = account.ownDirectory(home, "documents");
            Files.writeString(documents.resolve("notes.txt"), "remote notes");
            // Root's file in the account's home, readable by nobody but root.
            Path locked = Files.writeString(home.resolve("locked.txt"), "root only");
            HeadlessLinux.run(List.of("chmod", "000", locked.toString()));
            Path upload = local.resolve("quarterly report.bin");
            byte[] content = new byte[3 * 1024 * 1024 + 17];
            new Random(42).nextBytes(content);
            Files.write(upload, content);

            try (AgentProcess agent = active(AgentProcess.startAsAccount(
                            account.name(),
                            TestSite.agentUrl(),
                            account.ownDirectory(open, "machine"),
                            agentArguments()));
                    Browser browser = Browser.english(TestSite.httpUrl(), downloads)) {
                UUID client = agent.awaitClientId(Duration.ofSeconds(1));
                browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
                awaitSessionStarted(browser);
                String session = attribute(browser, "session", "data-session");
                browser.driver().findElement(By.id("tab-files")).click();

                awaitFiles(browser, "ready");
                assertThat(attribute(browser, "files", "data-path")).isEqualTo(home.toString());
                entryNamed(browser, "documents")
                        .findElement(By.cssSelector("button.files-enter"))
                        .click();
                awaitPath(browser, documents.toString());
                assertThat(entryNamed(browser, "notes.txt").getAttribute("data-type"))
                        .isEqualTo("file");

                browser.element(By.id("files-upload-input")).sendKeys(upload.toString());
                browser.driver().findElement(By.id("files-upload")).click();
                Path uploaded = documents.resolve(upload.getFileName().toString());
                new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                        .until(driver -> uploaded.toString().equals(attribute(browser, "files", "data-uploaded")));
                assertThat(sha256(uploaded)).isEqualTo(sha256(upload));
                assertThat(Files.getOwner(uploaded).getName()).isEqualTo(account.name());
                awaitFiles(browser, "ready");
                browser.screenshot("session-files");

                entryNamed(browser, uploaded.getFileName().toString())
                        .findElement(By.cssSelector(".files-download"))
                        .click();
                Path downloaded = awaitDownload(uploaded.getFileName().toString(), content.length);
                assertThat(sha256(downloaded)).isEqualTo(sha256(upload));
                // One download, one request: the page's check moved nothing and the browser asked once.
                TestSite.eventuallyAtLeast(
                        1,
                        "SELECT count(*) FROM session_file_transfer WHERE session_id = ?::uuid"
                                + " AND direction = 'DOWNLOAD'",
                        session);
                assertThat(transfers(session))
                        .isEqualTo("UPLOAD OK " + content.length + " " + uploaded + ", DOWNLOAD OK " + content.length
                                + " " + uploaded);

                Map<?, ?> check = behindThePagesBack(browser, "HEAD", "download", uploaded.toString());
                assertThat(check.get("status")).isEqualTo(200L);
                assertThat(check.get("length")).isEqualTo(String.valueOf(content.length));
                assertThat(check.get("disposition"))
                        .isEqualTo("attachment; filename=\"quarterly report.bin\";"
                                + " filename*=UTF-8''quarterly%20report.bin");

                openPath(browser, "/root");
                assertThat(awaitError(browser)).isEqualTo("PERMISSION_DENIED");
                assertThat(browser.element(By.id("files-error")).getText())
                        .isEqualTo("Permission denied: the Jump Client's user may not access /root");
                openPath(browser, home.toString());
                awaitFiles(browser, "ready");
                entryNamed(browser, "locked.txt")
                        .findElement(By.cssSelector(".files-download"))
                        .click();
                assertThat(awaitError(browser)).isEqualTo("PERMISSION_DENIED");
                assertThat(browser.element(By.id("files-error")).getText())
                        .isEqualTo("Permission denied: the Jump Client's user may not access " + locked);
                // The refused check is the representative's download attempt, recorded once.
                assertThat(transfers(session)).endsWith(", DOWNLOAD PERMISSION_DENIED 0 " + locked);
                Map<?, ?> refusedDownload = behindThePagesBack(browser, "GET", "download", locked.toString());
                assertThat(refusedDownload.get("status")).isEqualTo(403L);
                assertThat(refusedDownload.get("fileStatus")).isEqualTo("PERMISSION_DENIED");
                // A file that passed the check and is gone when the browser asks: a real transfer that failed.
                Path notes = documents.resolve("notes.txt");
                assertThat(behindThePagesBack(browser, "HEAD", "download", notes.toString())
                                .get("status"))
                        .isEqualTo(200L);
                Files.delete(notes);
                assertThat(behindThePagesBack(browser, "GET", "download", notes.toString())
                                .get("fileStatus"))
                        .isEqualTo("NOT_FOUND");
                openPath(browser, "/nowhere/at/all");
                assertThat(awaitError(browser)).isEqualTo("NOT_FOUND");
                openPath(browser, uploaded.toString());
                assertThat(awaitError(browser)).isEqualTo("NOT_A_DIRECTORY");
                openPath(browser, home + "/../../root");
                assertThat(awaitError(browser)).isEqualTo("INVALID_PATH");

                TestSite.execute("UPDATE client_settings SET max_file_transfer_megabytes = 1 WHERE id = 1");
                openPath(browser, documents.toString());
                awaitFiles(browser, "ready");
                entryNamed(browser, uploaded.getFileName().toString())
                        .findElement(By.cssSelector(".files-download"))
                        .click();
                assertThat(awaitError(browser)).isEqualTo("TOO_LARGE");
                // The limit in force on the site, newer than the one the page was loaded with.
                assertThat(browser.element(By.id("files-error")).getText())
                        .isEqualTo("The file is larger than the transfer limit of 1 MB: " + uploaded);
                Map<?, ?> refusedUpload = behindThePagesBack(browser, "POST", "upload", documents + "/big.bin");
                assertThat(refusedUpload.get("status")).isEqualTo(413L);
                assertThat(String.valueOf(refusedUpload.get("body"))).contains("\"status\":\"TOO_LARGE\"");
                assertThat(documents.resolve("big.bin")).doesNotExist();

                browser.driver().findElement(By.id("session-end")).click();
            }
            UUID session = UUID.fromString(
                    TestSite.text("SELECT id::text FROM support_session WHERE representative = ?", representative));
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM support_session WHERE id = ?::uuid AND state = 'ENDED'", session);
            assertThat(TestSite.count("SELECT bytes_to_agent FROM support_session WHERE id = ?::uuid", session))
                    .isGreaterThanOrEqualTo(content.length);
            assertThat(TestSite.count("SELECT bytes_from_agent FROM support_session WHERE id = ?::uuid", session))
                    .isGreaterThanOrEqualTo(content.length);
            String detail = uploadedPathOf(home, upload) + "; " + content.length + " bytes";
            assertThat(TestSite.count(
                            "SELECT count(*) FROM audit_event WHERE action = 'session.file-uploaded' AND target = ?"
                                    + " AND outcome = 'SUCCESS' AND detail = ? AND actor = ?",
                            session.toString(),
                            detail,
                            representative))
                    .isEqualTo(1);
            // Each download asked for, once: the page's refused checks, and the requests behind its back.
            assertThat(TestSite.text(
                            "SELECT string_agg(outcome || ' ' || detail, ', ' ORDER BY id) FROM audit_event"
                                    + " WHERE action = 'session.file-downloaded' AND target = ?",
                            session.toString()))
                    .isEqualTo(String.join(
                            ", ",
                            "SUCCESS " + detail,
                            "PERMISSION_DENIED " + home.resolve("locked.txt") + "; 0 bytes",
                            "PERMISSION_DENIED " + home.resolve("locked.txt") + "; 0 bytes",
                            "NOT_FOUND " + home.resolve("documents/notes.txt") + "; 0 bytes",
                            "TOO_LARGE " + uploadedPathOf(home, upload) + "; 0 bytes"));
            assertThat(transfers(session.toString()))
                    .isEqualTo(String.join(
                            ", ",
                            "UPLOAD OK " + content.length + " " + uploadedPathOf(home, upload),
                            "DOWNLOAD OK " + content.length + " " + uploadedPathOf(home, upload),
                            "DOWNLOAD PERMISSION_DENIED 0 " + home.resolve("locked.txt"),
                            "DOWNLOAD PERMISSION_DENIED 0 " + home.resolve("locked.txt"),
                            "DOWNLOAD NOT_FOUND 0 " + home.resolve("documents/notes.txt"),
                            "DOWNLOAD TOO_LARGE 0 " + uploadedPathOf(home, upload),
                            "UPLOAD TOO_LARGE 0 " + home.resolve("documents/big.bin")));

            try (Browser browser = Browser.english(TestSite.httpUrl())) {
                browser.logIn("console/recording.xhtml?session=" + session, representative, PASSWORD);
                assertThat(browser.element(By.id("recording-transfers")).getText())
                        .contains("Upload")
                        .contains("Download")
                        .contains(uploadedPathOf(home, upload))
                        .contains(String.valueOf(content.length))
                        .contains("PERMISSION_DENIED");
            }
        } finally {
            HeadlessLinux.delete(open);
            HeadlessLinux.delete(home);
        }
    }

    @Test
    void theSystemInformationPaneShowsTheRealMachineAndItsProcessesInSpanishToTheSessionsRepresentativeOnly()
            throws Exception {
        Path machine = local.resolve("machine");
        try (AgentProcess agent = active(AgentProcess.start(TestSite.agentUrl(), machine, agentArguments()));
                Browser browser = Browser.spanish(TestSite.httpUrl())) {
            UUID client = agent.awaitClientId(Duration.ofSeconds(1));
            browser.logIn("console/session.xhtml?client=" + client, representative, PASSWORD);
            awaitSessionStarted(browser);
            browser.driver().findElement(By.id("tab-files")).click();
            awaitFiles(browser, "ready");
            openPath(browser, "/nowhere/at/all");
            assertThat(awaitError(browser)).isEqualTo("NOT_FOUND");
            assertThat(browser.element(By.id("files-error")).getText()).isEqualTo("No se encontró: /nowhere/at/all");

            browser.driver().findElement(By.id("tab-system")).click();
            WebDriverWait patience = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            patience.until(driver -> Integer.parseInt(String.valueOf(attribute(browser, "system", "data-refreshed"))
                            .replace("null", "0"))
                    >= 2);
            assertThat(browser.element(By.id("system-hostname")).getText())
                    .isEqualTo(java.net.InetAddress.getLocalHost().getHostName());
            assertThat(browser.element(By.id("system-os")).getText()).startsWith("Linux");
            WebElement own = browser.element(By.cssSelector("#system-processes tr[data-pid='" + agent.pid() + "']"));
            assertThat(own.getText()).contains("java").contains("root");
            assertThat(browser.driver().findElements(By.cssSelector("#system-disks tbody tr")))
                    .isNotEmpty();

            browser.driver()
                    .findElement(By.cssSelector("#system-processes button[data-sort='pid']"))
                    .click();
            patience.until(driver -> "pid desc".equals(attribute(browser, "system", "data-sort")));
            // Read in one go: the table is re-rendered at every refresh.
            List<Long> pids = ((List<?>) browser.driver()
                            .executeScript("return Array.from(document.querySelectorAll("
                                    + "'#system-processes tbody tr')).map(function (r) { return r.dataset.pid; });"))
                    .stream().map(pid -> Long.parseLong(String.valueOf(pid))).toList();
            assertThat(pids).isSortedAccordingTo((a, b) -> Long.compare(b, a)).contains(agent.pid());
            browser.screenshot("session-system-information");

            String session = attribute(browser, "session", "data-session");
            // Even an administrator, who sees the limit among the client settings, is not the session's.
            ConsoleSession administrator = new ConsoleSession(TestSite.httpUrl());
            assertThat(administrator
                            .logIn("admin/settings.xhtml", TestSite.createAdministrator(PASSWORD), PASSWORD)
                            .body())
                    .contains("Largest file transfer in a session (MB)");
            HttpResponse<String> refused = administrator.get("console/session-files/system-info?session=" + session);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"status\":\"NOT_YOUR_SESSION\"");
            TestSite.eventuallyAtLeast(
                    1,
                    "SELECT count(*) FROM audit_event WHERE action = 'session.files' AND outcome = 'PERMISSION_DENIED'"
                            + " AND detail LIKE ?",
                    "%" + session + "%");
        }
    }

    /** An agent in the representative's personal group, once the site has it active. */
    private static AgentProcess active(AgentProcess agent) throws Exception {
        try {
            UUID client = agent.awaitClientId(Duration.ofSeconds(30));
            TestSite.eventuallyAtLeast(
                    1, "SELECT count(*) FROM jump_client WHERE id = ?::uuid AND state = 'ACTIVE'", client);
            return agent;
        } catch (Exception e) {
            agent.close();
            throw e;
        }
    }

    private String[] agentArguments() throws Exception {
        return new String[] {
            "--installer-key",
            TestSite.createInstaller("user:" + representative),
            "--jc-jump-group",
            "user:" + representative
        };
    }

    /**
     * Asks the files endpoint from the page's own script (its login), without the page's checks; a POST
     * sends 2 MiB of zeros.
     */
    private static Map<?, ?> behindThePagesBack(Browser browser, String method, String operation, String path) {
        return (Map<?, ?>) browser.driver()
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "var session = document.getElementById('session').dataset.session;"
                                + "fetch(document.getElementById('files').dataset.endpoint + '/' + arguments[1]"
                                + " + '?session=' + session + '&path=' + encodeURIComponent(arguments[2]),"
                                + " {method: arguments[0],"
                                + " body: arguments[0] === 'POST' ? new Uint8Array(2 * 1024 * 1024) : undefined})"
                                + ".then(function (r) { return r.text().then(function (t) {"
                                + " done({status: r.status, body: t, fileStatus: r.headers.get('X-File-Status'),"
                                + " length: r.headers.get('Content-Length'),"
                                + " disposition: r.headers.get('Content-Disposition')}); }); })"
                                + ".catch(function (e) { done({status: -1, body: String(e)}); });",
                        method,
                        operation,
                        path);
    }

    /** The session's transfers in order: direction, outcome, bytes and path of each. */
    private static String transfers(String session) throws Exception {
        return TestSite.text(
                "SELECT string_agg(direction || ' ' || outcome || ' ' || bytes || ' ' || path, ', ' ORDER BY id)"
                        + " FROM session_file_transfer WHERE session_id = ?::uuid",
                session);
    }

    private static String uploadedPathOf(Path home, Path upload) {
        return home.resolve("documents")
                .resolve(upload.getFileName().toString())
                .toString();
    }

    private static void awaitSessionStarted(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> "started".equals(attribute(browser, "session", "data-state")));
    }

    private static void awaitFiles(Browser browser, String state) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> state.equals(attribute(browser, "files", "data-state")));
    }

    private static void awaitPath(Browser browser, String path) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> path.equals(attribute(browser, "files", "data-path"))
                        && "ready".equals(attribute(browser, "files", "data-state")));
    }

    private static void openPath(Browser browser, String path) {
        WebElement field = browser.element(By.id("files-path"));
        field.clear();
        field.sendKeys(path);
        browser.driver().findElement(By.id("files-go")).click();
    }

    /** The status of the error the page shows, once it shows one. */
    private static String awaitError(Browser browser) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> {
            WebElement error = driver.findElement(By.id("files-error"));
            return error.isDisplayed() ? error.getAttribute("data-status") : null;
        });
    }

    private static WebElement entryNamed(Browser browser, String name) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> driver.findElements(By.cssSelector("#files-table tbody tr")).stream()
                        .filter(row -> name.equals(row.getAttribute("data-name")))
                        .findFirst()
                        .orElse(null));
    }

    private static String attribute(Browser browser, String id, String name) {
        return browser.driver().findElement(By.id(id)).getAttribute(name);
    }

    private Path awaitDownload(String name, long size) throws Exception {
        Path file = downloads.resolve(name);
        Fixtures.awaitTrue(
                () -> {
                    try (Stream<Path> partial = Files.list(downloads)) {
                        return Files.exists(file)
                                && partial.noneMatch(p -> p.toString().endsWith(".crdownload"))
                                && Files.size(file) == size;
                    } catch (Exception e) {
                        return false;
                    }
                },
                "the download of " + name);
        return file;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

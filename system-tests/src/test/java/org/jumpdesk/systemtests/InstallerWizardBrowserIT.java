package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The installer wizard in a real browser: an administrator makes an installer for headless Linux, reads
 * its command lines, downloads the {@code .bin} and has the link e-mailed (to GreenMail, the SMTP server
 * the test WildFly is pointed at); field checks; the deployed quota; the list and Revoke.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InstallerWizardBrowserIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String WIZARD = "admin/installers/create-installer.xhtml";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("jumpdesk.test.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path downloads;

    @Test
    void anAdministratorMakesAHeadlessLinuxInstallerDownloadsItAndMailsTheLink() throws Exception {
        String admin = TestSite.createAdministrator(PASSWORD);
        String group = TestSite.createSharedGroup("Linux Admins");
        try (Browser browser = Browser.english(TestSite.httpUrl(), downloads)) {
            browser.logIn(WIZARD, admin, PASSWORD);
            Select platform = new Select(browser.driver().findElement(By.id("wizard:platform_input")));
            assertThat(platform.getFirstSelectedOption().getText())
                    .as("preselected from the browser's operating system")
                    .isEqualTo("Linux");

            choose(browser, "wizard:jump-group", group);
            browser.element(By.id("wizard:tag")).sendKeys("Headless Linux Systems");
            browser.driver().findElement(By.id("wizard:comments")).sendKeys("rack 4");
            browser.driver().findElement(By.id("wizard:valid-for")).clear();
            browser.driver().findElement(By.id("wizard:valid-for")).sendKeys("2");
            choose(browser, "wizard:validity-unit", "HOURS");
            browser.driver()
                    .findElement(By.cssSelector("#wizard\\:override-tag .ui-chkbox-box"))
                    .click();
            choose(browser, "wizard:platform", "LINUX_HEADLESS");
            browser.driver().findElement(By.id("wizard:recipients")).sendKeys("ops@example.com, night@example.com");
            browser.screenshot("installer-wizard");
            browser.driver().findElement(By.id("wizard:create")).click();

            String key = browser.element(By.id("result:installer-key")).getText();
            String id = installerId(admin);
            String link =
                    browser.driver().findElement(By.id("result:share-link")).getAttribute("value");
            assertThat(link).isEqualTo(TestSite.httpUrl() + "download/installer/" + key + "?platform=linux-headless");
            assertThat(browser.element(By.id("command-linux-headless")).getText())
                    .isEqualTo("sh ./jumpclient-" + id + ".bin --install-dir /home/username/jumpclient --user username"
                            + " --jc-jump-group \"" + group + "\" --jc-tag \"Headless Linux Systems\""
                            + " --jc-comments \"rack 4\"");
            assertThat(browser.element(By.id("command-windows")).getText())
                    .endsWith("install.ps1 KEY_INFO=" + key + " jc_jump_group=\"" + group + "\""
                            + " jc_tag=\"Headless Linux Systems\" jc_comments=\"rack 4\"");
            assertThat(browser.element(By.id("result:mailed-to")).getText())
                    .endsWith("ops@example.com, night@example.com");
            browser.screenshot("installer-created");

            browser.driver().findElement(By.id("result:download")).click();
            Path bin = awaitDownload("jumpclient-" + id + ".bin");
            String script = new String(Arrays.copyOf(Files.readAllBytes(bin), 4096), StandardCharsets.UTF_8);
            assertThat(script)
                    .startsWith("#!/bin/sh\n")
                    .contains("installer-key=" + key)
                    .contains("sites=wss\\://localhost\\:" + (8443 + TestSite.portOffset()) + "/agent")
                    .contains("site-fingerprint="
                            + TestSite.certificateFingerprint().replace(":", "\\:"));
        }
        assertThat(MAIL.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).hasSize(2);
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ops@example.com");
        assertThat(mail.getSubject()).isEqualTo("Your JumpDesk Jump Client installer");
        assertThat(GreenMailUtil.getBody(mail)).contains("/download/installer/").contains("jumpclient-");
    }

    @Test
    void eachFieldSaysWhatIsWrongWithIt() throws Exception {
        String admin = TestSite.createAdministrator(PASSWORD);
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(WIZARD, admin, PASSWORD);
            browser.element(By.id("wizard:tag")).sendKeys("x".repeat(65));
            browser.driver().findElement(By.id("wizard:valid-for")).clear();
            browser.driver().findElement(By.id("wizard:valid-for")).sendKeys("5");
            choose(browser, "wizard:validity-unit", "MINUTES");
            browser.driver().findElement(By.id("wizard:recipients")).sendKeys("ops@example.com, not-an-address");
            browser.driver().findElement(By.id("wizard:create")).click();

            assertThat(browser.element(By.id("wizard:tag-message")).getText())
                    .isEqualTo("The tag can have at most 64 characters.");
            assertThat(browser.element(By.id("wizard:valid-for-message")).getText())
                    .isEqualTo("An installer must be valid for at least 10 minutes and at most 1 year.");
            assertThat(browser.element(By.id("wizard:recipients-message")).getText())
                    .isEqualTo("not-an-address is not an e-mail address.");
            browser.screenshot("installer-wizard-errors");
        }
        assertThat(TestSite.count("SELECT count(*) FROM installer WHERE created_by = ?", admin))
                .isZero();
    }

    @Test
    void noInstallerIsMadeWhenTheDeployedQuotaIsFull() throws Exception {
        String admin = TestSite.createAdministrator(PASSWORD);
        long packs = TestSite.count("SELECT packs FROM site_license");
        TestSite.execute("UPDATE site_license SET packs = 0");
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(WIZARD, admin, PASSWORD);
            browser.element(By.id("wizard:create")).click();

            assertThat(browser.textOnceContains(By.id("messages"), "deployed"))
                    .contains("The total number of deployed Jump Clients for this site has been reached.");
        } finally {
            TestSite.execute("UPDATE site_license SET packs = ?", (int) packs);
        }
        assertThat(TestSite.count("SELECT count(*) FROM installer WHERE created_by = ?", admin))
                .isZero();
    }

    @Test
    void aRevokedInstallersLinkNoLongerDownloads() throws Exception {
        String admin = TestSite.createAdministrator(PASSWORD);
        try (Browser browser = Browser.english(TestSite.httpUrl())) {
            browser.logIn(WIZARD, admin, PASSWORD);
            browser.element(By.id("wizard:create")).click();
            String key = browser.element(By.id("result:installer-key")).getText();
            String id = installerId(admin);
            assertThat(HeadlessLinux.downloadStatus(key, "linux")).isEqualTo(200);

            browser.driver().findElement(By.id("installers-list")).click();
            browser.element(By.cssSelector("button.revoke[data-installer-id='" + id + "']"))
                    .click();

            By validity = By.xpath("//tr[.//span[@class='installer-id' and text()='" + id + "']]"
                    + "//span[contains(@class,'installer-validity')]");
            assertThat(browser.textOnceContains(validity, "Revoked")).isEqualTo("Revoked");
            browser.screenshot("installers");
            assertThat(HeadlessLinux.downloadStatus(key, "linux")).isEqualTo(403);
        }
    }

    /** Chooses an item of a PrimeFaces select menu by its value, through the menu's own widget. */
    private static void choose(Browser browser, String selectOneMenu, String value) {
        browser.element(By.id(selectOneMenu));
        browser.driver()
                .executeScript(
                        "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", selectOneMenu, value);
    }

    private static String installerId(String admin) throws Exception {
        return TestSite.text("SELECT id::text FROM installer WHERE created_by = ?", admin);
    }

    private Path awaitDownload(String name) throws Exception {
        Path file = downloads.resolve(name);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> partial = Files.list(downloads)) {
                Optional<Path> unfinished = partial.filter(p -> p.toString().endsWith(".crdownload"))
                        .findAny();
                if (Files.exists(file) && unfinished.isEmpty()) {
                    return file;
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        try (Stream<Path> present = Files.list(downloads)) {
            throw new IllegalStateException(name + " was not downloaded; present: " + present.toList());
        }
    }
}

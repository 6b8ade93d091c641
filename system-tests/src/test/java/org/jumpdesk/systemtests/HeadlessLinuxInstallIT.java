package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.systemtests.HeadlessLinux.Account;
import org.jumpdesk.systemtests.HeadlessLinux.Result;
import org.jumpdesk.systemtests.TestSite.TestInstaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The headless Linux installer as the guide describes it, run for real: the {@code .bin} downloaded from
 * the site, run under {@code sh} as root for an account made for the test, then its {@code init-script}
 * and {@code uninstall}; and every refusal, each with its message, its exit code and nothing left behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeadlessLinuxInstallIT {

    private static final Pattern CONNECTED = Pattern.compile("(?m)^connected to wss://");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    private Path machine;
    private Account account;
    private Path home;
    private Path installDir;

    @BeforeEach
    void machine() throws Exception {
        machine = HeadlessLinux.openDirectory();
        account = Account.create();
        home = account.ownDirectory(machine, "home");
        installDir = home.resolve("jumpclient");
    }

    @AfterEach
    void cleanUp() throws Exception {
        account.close();
        HeadlessLinux.delete(machine);
    }

    private Path bin(TestInstaller installer) throws Exception {
        return HeadlessLinux.download(installer.key(), "linux-headless", machine);
    }

    private Result initScript(String action) throws Exception {
        return HeadlessLinux.sh(installDir.resolve("init-script").toString(), action);
    }

    @Test
    void installsWithEveryParameterRunsAsTheAccountAndUninstalls() throws Exception {
        String group = TestSite.createSharedGroup("Linux Admins");
        TestInstaller installer = TestSite.createInstaller("Default", "SERVICE", true);
        Path bin = bin(installer);
        assertThat(bin.getFileName().toString()).isEqualTo("jumpclient-" + installer.id() + ".bin");

        Result install = HeadlessLinux.sh(
                bin.toString(),
                "--install-dir",
                installDir.toString(),
                "--user",
                account.name(),
                "--jc-jump-group",
                group,
                "--jc-tag",
                "Headless Linux Systems",
                "--jc-comments",
                "rack 4, shelf 2");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.out()).contains("Jump Client installed in " + installDir + " (runs as " + account.name());
        assertThat(installDir.resolve("init-script")).isExecutable();
        assertThat(installDir.resolve("uninstall")).isExecutable();
        assertThat(Files.readString(installDir.resolve("jumpdesk-jumpclient.service")))
                .contains("ExecStart=" + installDir.resolve("init-script") + " start");
        assertThat(Files.getOwner(installDir).getName()).isEqualTo(account.name());

        Result start = initScript("start");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        assertThat(start.out()).contains("Jump Client started");
        assertThat(TestSite.count(
                        "SELECT count(*) FROM jump_client c JOIN jump_group g ON g.id = c.jump_group_id"
                                + " WHERE c.installer_id = ? AND g.name = ? AND c.tag = ? AND c.comments = ?",
                        installer.id(),
                        group,
                        "Headless Linux Systems",
                        "rack 4, shelf 2"))
                .isEqualTo(1);
        String pid = Files.readString(installDir.resolve("agent.pid")).trim();
        assertThat(HeadlessLinux.run(List.of("ps", "-o", "user=", "-p", pid))
                        .out()
                        .trim())
                .isEqualTo(account.name());

        assertThat(awaitConnected()).contains("Jump Client running (pid " + pid + ")");

        assertThat(TestSite.count("SELECT uses FROM installer WHERE id = ?", installer.id()))
                .isEqualTo(1);
        TestSite.execute("UPDATE installer SET valid_until = now() - interval '1 minute' WHERE id = ?", installer.id());

        Result stop = initScript("stop");
        assertThat(stop.exitCode()).isZero();
        assertThat(initScript("status").exitCode()).isEqualTo(3);

        Result restart = initScript("restart");
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(awaitConnected())
                .as("later starts need not be within the installer's validity")
                .contains("Jump Client running");

        Result uninstall = HeadlessLinux.sh(installDir.resolve("uninstall").toString());
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        assertThat(installDir).doesNotExist();
        assertThat(TestSite.count(
                        "SELECT count(*) FROM jump_client WHERE installer_id = ? AND state = 'UNINSTALLED'",
                        installer.id()))
                .isEqualTo(1);
    }

    @Test
    void theLinuxArchiveInstallsWithTheMachinesJava() throws Exception {
        TestInstaller installer = TestSite.createInstaller("Default", "USER", false);
        Path unpacked = Files.createDirectories(machine.resolve("linux-zip"));
        try (ZipInputStream zip =
                new ZipInputStream(Files.newInputStream(HeadlessLinux.download(installer.key(), "linux", machine)))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Files.copy(zip, unpacked.resolve(entry.getName()));
            }
        }

        Result install = HeadlessLinux.sh(
                unpacked.resolve("install.sh").toString(),
                "--install-dir",
                installDir.toString(),
                "--user",
                account.name());
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(initScript("start").exitCode()).isZero();
        assertThat(TestSite.count("SELECT count(*) FROM jump_client WHERE installer_id = ?", installer.id()))
                .isEqualTo(1);

        Result uninstall = HeadlessLinux.sh(installDir.resolve("uninstall").toString());
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        assertThat(installDir).doesNotExist();
    }

    @Test
    void anExistingDirectoryIsRefusedAndLeftAsItWas() throws Exception {
        Files.createDirectories(installDir);
        Files.writeString(installDir.resolve("notes.txt"), "mine");

        Result install = install("--install-dir", installDir.toString(), "--user", account.name());

        assertThat(install.exitCode()).isEqualTo(3);
        assertThat(install.err()).contains("--install-dir " + installDir + " already exists");
        try (var files = Files.list(installDir)) {
            assertThat(files).containsExactly(installDir.resolve("notes.txt"));
        }
    }

    @Test
    void aDirectoryTheAccountCannotWriteIsRefused() throws Exception {
        installDir = machine.resolve("jumpclient");

        assertRefused(
                install("--install-dir", installDir.toString(), "--user", account.name()),
                3,
                "--install-dir " + installDir + " cannot be created: " + account.name() + " cannot write to "
                        + machine);
    }

    @Test
    void anUnknownUserIsRefused() throws Exception {
        assertRefused(
                install("--install-dir", installDir.toString(), "--user", "nobody-here"),
                4,
                "--user nobody-here: no such user on this machine");
    }

    @Test
    void rootWithoutUserIsWarnedAndAskedForIt() throws Exception {
        assertRefused(
                install("--install-dir", installDir.toString()),
                4,
                "warning: you are installing as root. The Jump Client does not run as root: pass --user <username>");
    }

    @Test
    void anUnknownParameterIsRefusedWithTheUsage() throws Exception {
        Result install = install("--install-dir", installDir.toString(), "--user", account.name(), "--colour", "red");

        assertRefused(install, 2, "unknown parameter '--colour'");
        assertThat(install.err()).contains("usage: sh ");
    }

    @Test
    void anOverrideTheInstallerForbidsIsRefusedNamingIt() throws Exception {
        assertRefused(
                install("--install-dir", installDir.toString(), "--user", account.name(), "--jc-tag", "mine"),
                2,
                "--jc-tag (jc_tag=): this installer does not allow changing the tag");
    }

    @Test
    void serviceModeNeedsRootButUserModeInstallsForItself() throws Exception {
        Path serviceBin = bin(TestSite.createInstaller("Default", "SERVICE", false));
        Result refused = account.run("sh", serviceBin.toString(), "--install-dir", installDir.toString());
        assertThat(refused.exitCode()).isEqualTo(4);
        assertThat(refused.err()).contains("service mode, which must be done as root");
        assertThat(installDir).doesNotExist();

        Path userBin = bin(TestSite.createInstaller("Default", "USER", false));
        Result installed = account.run("sh", userBin.toString(), "--install-dir", installDir.toString());
        assertThat(installed.exitCode()).as(installed.toString()).isZero();
        assertThat(Files.getOwner(installDir).getName()).isEqualTo(account.name());
        assertThat(installDir.resolve("jumpdesk-jumpclient.service")).doesNotExist();
    }

    @Test
    void theFirstStartAfterTheInstallerExpiredIsRefused() throws Exception {
        TestInstaller installer = installed();
        TestSite.execute("UPDATE installer SET valid_until = now() - interval '1 minute' WHERE id = ?", installer.id());

        assertFirstStartRefused(installer, "INSTALLER_INVALID", "expired");
    }

    @Test
    void theFirstStartAfterTheInstallerWasRevokedIsRefused() throws Exception {
        TestInstaller installer = installed();
        TestSite.execute("UPDATE installer SET revoked_at = now() WHERE id = ?", installer.id());

        assertFirstStartRefused(installer, "INSTALLER_INVALID", "revoked");
    }

    @Test
    void theFirstStartWithTheDeployedQuotaFullIsRefused() throws Exception {
        TestInstaller installer = installed();
        long packs = TestSite.count("SELECT packs FROM site_license");
        TestSite.execute("UPDATE site_license SET packs = 0");
        try {
            assertFirstStartRefused(installer, "JC_LIMIT_DEPLOYED", "deployed");
            assertThat(HeadlessLinux.downloadStatus(installer.key(), "linux-headless"))
                    .isEqualTo(409);
        } finally {
            TestSite.execute("UPDATE site_license SET packs = ?", (int) packs);
        }
    }

    private String agentLog() {
        try {
            return Files.readString(installDir.resolve("agent.log"), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Polls {@code init-script status} until the running agent reports a connection to the site. */
    private String awaitConnected() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Result status = initScript("status");
        while (!CONNECTED.matcher(status.out()).find() && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(300);
            status = initScript("status");
        }
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern(CONNECTED);
        return status.out();
    }

    /** Runs the {@code .bin} of a user-mode installer that allows no overrides, as root. */
    private Result install(String... parameters) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "sh", bin(TestSite.createInstaller("Default", "USER", false)).toString()));
        command.addAll(List.of(parameters));
        return HeadlessLinux.run(command);
    }

    private void assertRefused(Result install, int exitCode, String message) {
        assertThat(install.exitCode()).as(install.toString()).isEqualTo(exitCode);
        assertThat(install.err()).contains("jumpclient: " + message).contains("Nothing was installed.");
        assertThat(installDir).doesNotExist();
    }

    private TestInstaller installed() throws Exception {
        TestInstaller installer = TestSite.createInstaller("Default", "USER", false);
        Result install = HeadlessLinux.sh(
                bin(installer).toString(), "--install-dir", installDir.toString(), "--user", account.name());
        assertThat(install.exitCode()).as(install.toString()).isZero();
        return installer;
    }

    private void assertFirstStartRefused(TestInstaller installer, String code, String detail) throws Exception {
        Result start = initScript("start");

        assertThat(start.exitCode())
                .as(() -> start + "\nagent.log:\n" + agentLog())
                .isEqualTo(1);
        assertThat(start.err()).contains("jumpclient: the Jump Client stopped:", code, detail);
        assertThat(TestSite.count("SELECT count(*) FROM jump_client WHERE installer_id = ?", installer.id()))
                .isZero();
        assertThat(installDir.resolve("agent.pid")).doesNotExist();
        assertThat(installDir.resolve("state")).doesNotExist();
        assertThat(initScript("status").exitCode()).isEqualTo(3);
        assertThat(agentLog()).contains(code);
    }
}

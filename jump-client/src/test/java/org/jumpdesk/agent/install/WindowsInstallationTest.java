package org.jumpdesk.agent.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jumpdesk.protocol.InstallerPackageFile;
import org.junit.jupiter.api.Test;

class WindowsInstallationTest {

    private static final InstallerPackageFile FILE = new InstallerPackageFile(
            List.of(URI.create("wss://jump.example.com/agent")),
            "AB:CD",
            "4f1c",
            "package-key",
            Instant.parse("2030-01-01T00:00:00Z"),
            false,
            "Default",
            "",
            "",
            true,
            true,
            true);

    @Test
    void theScriptsRunTheAgentWithTheMsiFormsValuesQuotedForPowerShell() {
        InstallerCommandLine msi = InstallerCommandLine.parse("KEY_INFO=other-key", "jc_tag=O'Brien's desk");
        WindowsInstallation.Scripts scripts =
                new WindowsInstallation(FILE, msi, Path.of("package")).scripts(Path.of("jc"), Path.of("javaw.exe"));

        assertThat(scripts.start())
                .contains(
                        "Start-Process -FilePath 'javaw.exe' -ArgumentList @('-jar', 'jc/jump-client.jar',"
                                + " '--site', 'wss://jump.example.com/agent', '--site-fingerprint', 'AB:CD',"
                                + " '--state-dir', 'jc/state', '--installer-key', 'other-key', '--jc-tag', 'O''Brien''s desk')");
        assertThat(scripts.uninstall()).contains("'--uninstall')").contains("Remove-Item -Recurse -Force 'jc'");
    }

    @Test
    void userIsForLinux() {
        InstallerCommandLine line = InstallerCommandLine.parse("--user", "jsmith");

        assertThat(catchThrowableOfType(
                        () -> new WindowsInstallation(FILE, line, Path.of("package")).install(), InstallFailure.class))
                .hasMessageStartingWith("--user (user=) is for Linux")
                .extracting(InstallFailure::exitCode)
                .isEqualTo(InstallFailure.COMMAND_LINE);
    }
}

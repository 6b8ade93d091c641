package org.jumpdesk.agent.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InstallerCommandLineTest {

    /** The guide's mass-deployment example, as msiexec hands the properties on. */
    private static final String GUIDE_MSI_LINE = "msiexec /i bomgar-scc-win32.msi"
            + " KEY_INFO=w0dc3056g7ff8d1j68ee6wi6dhwzfeffggyezh7c40jc90 jc_jump_group=user:admin jc_tag=servers";

    @Test
    void readsTheGuidesMsiLine() {
        String[] words = GUIDE_MSI_LINE.split(" ");
        InstallerCommandLine line = InstallerCommandLine.parse(Arrays.copyOfRange(words, 3, words.length));

        assertThat(line.installerKey()).isEqualTo("w0dc3056g7ff8d1j68ee6wi6dhwzfeffggyezh7c40jc90");
        assertThat(line.jumpGroup()).isEqualTo("user:admin");
        assertThat(line.tag()).isEqualTo("servers");
        assertThat(line.comments()).isNull();
        assertThat(line.installDir()).isNull();
    }

    @Test
    void readsTheGuidesHeadlessLinuxLine() {
        InstallerCommandLine line = InstallerCommandLine.parse(
                "--install-dir",
                "/home/username/jumpclient",
                "--jc-jump-group",
                "Linux Admins",
                "--jc-tag",
                "Headless Linux Systems");

        assertThat(line.installDir()).isEqualTo(Path.of("/home/username/jumpclient"));
        assertThat(line.jumpGroup()).isEqualTo("Linux Admins");
        assertThat(line.tag()).isEqualTo("Headless Linux Systems");
        assertThat(line.help()).isFalse();
    }

    @Test
    void theTwoFormsMeanTheSame() {
        InstallerCommandLine dashed = InstallerCommandLine.parse(
                "--install-dir=/opt/jc", "--jc-comments", "rack 4", "--user", "jsmith", "--jc-tag", "");
        InstallerCommandLine msi =
                InstallerCommandLine.parse("installdir=/opt/jc", "jc_comments=rack 4", "user=jsmith", "JC_TAG=");

        assertThat(msi).isEqualTo(dashed);
        assertThat(dashed.tag()).isEmpty();
    }

    @Test
    void helpIsAsked() {
        assertThat(InstallerCommandLine.parse("--help").help()).isTrue();
        assertThat(InstallerCommandLine.usage("sh ./jumpclient-x.bin"))
                .contains("--install-dir <directory>", "--jc-jump-group", "--user <username>", "KEY_INFO=");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> InstallerCommandLine.parse("--install-dir", "/x", "--jc-colour", "red"))
                .hasMessage("unknown parameter '--jc-colour' (see --help)");
        assertThatThrownBy(() -> InstallerCommandLine.parse("install_dir=/x"))
                .hasMessage("unknown parameter 'install_dir' (see --help)");
        assertThatThrownBy(() -> InstallerCommandLine.parse("servers"))
                .hasMessage("unknown parameter 'servers' (see --help)");
    }

    @Test
    void refusesMissingValuesAndRepeats() {
        assertThatThrownBy(() -> InstallerCommandLine.parse("--install-dir"))
                .hasMessage("--install-dir needs a value: <directory>");
        assertThatThrownBy(() -> InstallerCommandLine.parse("--user", " "))
                .hasMessage("--user (user=) needs a value: <username>");
        assertThatThrownBy(() -> InstallerCommandLine.parse("--jc-tag", "a", "jc_tag=b"))
                .hasMessage("--jc-tag (jc_tag=) is given twice");
    }
}

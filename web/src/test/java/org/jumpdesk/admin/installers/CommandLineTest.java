package org.jumpdesk.admin.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final UUID ID = UUID.fromString("4f1c0000-0000-0000-0000-000000000001");

    @Test
    void theGuidesHeadlessLineWithTheInstallersValues() {
        List<CommandLine> lines = CommandLine.all(ID, "k3y", "Linux Admins", "Headless Linux Systems", null);

        assertThat(lines.get(0).text())
                .isEqualTo("sh ./jumpclient-" + ID + ".bin --install-dir /home/username/jumpclient --user username"
                        + " --jc-jump-group \"Linux Admins\" --jc-tag \"Headless Linux Systems\"");
        assertThat(lines.get(3).text())
                .endsWith("install.ps1 KEY_INFO=k3y jc_jump_group=\"Linux Admins\" jc_tag=\"Headless Linux Systems\"");
    }

    @Test
    void valuesAreQuotedSoThatTheShellTakesThemLiterally() {
        assertThat(CommandLine.sh("user:admin")).isEqualTo("user:admin");
        assertThat(CommandLine.sh("say \"hi\" $HOME `x` \\")).isEqualTo("\"say \\\"hi\\\" \\$HOME \\`x\\` \\\\\"");
        assertThat(CommandLine.quoted("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
    }
}

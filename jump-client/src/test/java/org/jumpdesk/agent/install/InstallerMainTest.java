package org.jumpdesk.agent.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jumpdesk.protocol.InstallerPackageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerMainTest {

    @TempDir
    Path temporary;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int install(String... parameters) throws Exception {
        Path unpacked = temporary.resolve("package");
        Files.createDirectories(unpacked);
        Files.writeString(
                unpacked.resolve(InstallerPackageFile.NAME),
                new InstallerPackageFile(
                                List.of(URI.create("wss://jump.example.com/agent")),
                                "AB:CD",
                                "4f1c",
                                "key",
                                Instant.parse("2030-01-01T00:00:00Z"),
                                false,
                                "Linux Admins",
                                "servers",
                                "",
                                true,
                                false,
                                false)
                        .text());
        return InstallerMain.run(
                unpacked,
                "sh ./jumpclient-4f1c.bin",
                parameters,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownParameterIsRefusedWithTheUsage() throws Exception {
        Path directory = temporary.resolve("jc");

        int code = install("--install-dir", directory.toString(), "--colour", "red");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("jumpclient: unknown parameter '--colour' (see --help). Nothing was installed.")
                .contains("usage: sh ./jumpclient-4f1c.bin");
        assertThat(directory).doesNotExist();
    }

    @Test
    void anOverrideTheInstallerForbidsIsRefusedNamingTheParameter() throws Exception {
        Path directory = temporary.resolve("jc");

        int code = install("--install-dir", directory.toString(), "--jc-jump-group", "Other", "jc_tag=desktops");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("jumpclient: --jc-tag (jc_tag=): this installer does not allow changing the tag."
                        + " Nothing was installed." + System.lineSeparator());
        assertThat(directory).doesNotExist();
    }

    @Test
    void theInstallersOwnValueIsNoOverride() throws Exception {
        int code = install("--jc-tag", "servers", "--help");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--jc-tag <tag>");
    }
}

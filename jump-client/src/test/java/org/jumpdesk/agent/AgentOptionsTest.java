package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    private static final String FINGERPRINT =
            "EF:14:38:16:CE:95:C3:A1:E3:F9:62:FB:04:95:58:F0:30:A0:48:88:C7:75:22:E5:45:59:E6:E3:77:DE:D6:97";

    @Test
    void readsSeveralSitesTheFingerprintAndTheStateDirectory() {
        AgentOptions options = AgentOptions.parse(
                "--site",
                "wss://jump.example.com/agent",
                "--site",
                "wss://10.0.0.5:8443/agent",
                "--site-fingerprint",
                FINGERPRINT,
                "--state-dir",
                "/var/lib/jc",
                "--connect-timeout",
                "3");

        assertThat(options.sites())
                .containsExactly(URI.create("wss://jump.example.com/agent"), URI.create("wss://10.0.0.5:8443/agent"));
        assertThat(PinnedCertificate.hex(options.certificateFingerprint())).isEqualTo(FINGERPRINT);
        assertThat(options.stateDirectory()).isEqualTo(Path.of("/var/lib/jc"));
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void readsTheRegistrationParametersAndKeepsTheKeyOutOfToString() {
        AgentOptions options = AgentOptions.parse(
                "--site",
                "ws://localhost:8080/agent",
                "--insecure-development",
                "--installer-key",
                "k3y",
                "--jc-jump-group",
                "user:ana",
                "--jc-tag",
                "servers",
                "--jc-comments",
                "rack 4",
                "--uninstall");

        assertThat(options.installerKey()).isEqualTo("k3y");
        assertThat(options.jumpGroup()).isEqualTo("user:ana");
        assertThat(options.tag()).isEqualTo("servers");
        assertThat(options.comments()).isEqualTo("rack 4");
        assertThat(options.uninstall()).isTrue();
        assertThat(options.toString()).doesNotContain("k3y");
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(AgentOptions::parse).hasMessageContaining("--site is required");
        assertThatThrownBy(() -> AgentOptions.parse("--site")).hasMessageContaining("--site needs a value");
        assertThatThrownBy(() -> AgentOptions.parse("--site", "https://x/agent"))
                .hasMessageContaining("wss://");
        assertThatThrownBy(() -> AgentOptions.parse("--site", "wss://x/agent"))
                .hasMessageContaining("--site-fingerprint is required");
        assertThatThrownBy(() -> AgentOptions.parse("--site", "ws://x/agent")).hasMessageContaining("not encrypted");
        assertThatThrownBy(() -> AgentOptions.parse("--site", "wss://x/agent", "--site-fingerprint", "ab:cd"))
                .hasMessageContaining("64 hexadecimal digits");
        assertThatThrownBy(() -> AgentOptions.parse(
                        "--site", "wss://x/agent", "--site-fingerprint", FINGERPRINT, "--connect-timeout", "0"))
                .hasMessageContaining("--connect-timeout");
        assertThatThrownBy(() -> AgentOptions.parse("--site", "wss://x/agent", "--colour", "red"))
                .hasMessageContaining("unknown argument --colour");
    }
}

package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void readsSiteAndStateDirectory() {
        AgentOptions options =
                AgentOptions.parse("--site", "wss://jump.example.com/agent", "--state-dir", "/var/lib/jc");

        assertThat(options.siteUri()).isEqualTo(URI.create("wss://jump.example.com/agent"));
        assertThat(options.stateDirectory()).isEqualTo(Path.of("/var/lib/jc"));
    }

    @Test
    void readsTheRegistrationParametersAndKeepsTheKeyOutOfToString() {
        AgentOptions options = AgentOptions.parse(
                "--site",
                "ws://localhost:8080/agent",
                "--installer-key",
                "k3y",
                "--jc-jump-group",
                "user:ana",
                "--jc-tag",
                "servers",
                "--jc-comments",
                "rack 4");

        assertThat(options.installerKey()).isEqualTo("k3y");
        assertThat(options.jumpGroup()).isEqualTo("user:ana");
        assertThat(options.tag()).isEqualTo("servers");
        assertThat(options.comments()).isEqualTo("rack 4");
        assertThat(options.toString()).doesNotContain("k3y");
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(AgentOptions::parse).hasMessageContaining("--site is required");
        assertThatThrownBy(() -> AgentOptions.parse("--site")).hasMessageContaining("--site needs a value");
        assertThatThrownBy(() -> AgentOptions.parse("--site", "https://x/agent"))
                .hasMessageContaining("wss://");
        assertThatThrownBy(() -> AgentOptions.parse("--site", "wss://x/agent", "--colour", "red"))
                .hasMessageContaining("unknown argument --colour");
    }
}

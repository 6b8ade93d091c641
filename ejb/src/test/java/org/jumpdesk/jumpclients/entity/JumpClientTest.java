package org.jumpdesk.jumpclients.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JumpClientTest {

    private static final AgentDescription LAPTOP = new AgentDescription("laptop-7", "Linux 6.1", "0.1.0");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aNewClientIsPinnedAndMayBecomeActive() {
        JumpClient client = JumpClient.pinned(UUID.randomUUID(), LAPTOP, T0);
        assertThat(client.state()).isEqualTo(JumpClientState.PINNED);

        client.moveTo(JumpClientState.ACTIVE, T0.plusSeconds(1));

        assertThat(client.state()).isEqualTo(JumpClientState.ACTIVE);
        assertThat(client.lastContactAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void anUninstalledClientStaysUninstalled() {
        JumpClient client = JumpClient.pinned(UUID.randomUUID(), LAPTOP, T0);
        client.moveTo(JumpClientState.UNINSTALLED, T0);

        assertThatThrownBy(() -> client.moveTo(JumpClientState.ACTIVE, T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UNINSTALLED to ACTIVE");
        assertThat(client.state()).isEqualTo(JumpClientState.UNINSTALLED);
    }
}

package org.jumpdesk.jumpclients.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.Test;

class MachineStatisticsTest {

    @Test
    void textsUpToTheirColumnsFit() {
        MachineStatistics full = statistics("u".repeat(255), "1".repeat(1024), "2".repeat(64));

        assertThat(full.requireFits()).isSameAs(full);
        assertThat(statistics(null, null, null).requireFits().consoleUser()).isNull();
    }

    @Test
    void aLongerTextIsRefusedNamingItsFieldAndLimit() {
        assertThatThrownBy(() -> statistics("u".repeat(256), null, null).requireFits())
                .isInstanceOfSatisfying(JumpDeskException.class, refusal -> assertThat(refusal.status())
                        .isEqualTo(JumpDeskStatus.INVALID_INPUT))
                .hasMessageContaining("statistics.consoleUser: at most 255 characters, got 256");
        assertThatThrownBy(() -> statistics(null, "1".repeat(1025), null).requireFits())
                .hasMessageContaining("statistics.privateIps: at most 1024 characters");
        assertThatThrownBy(() -> statistics(null, null, "2".repeat(65)).requireFits())
                .hasMessageContaining("statistics.publicIp: at most 64 characters");
    }

    private static MachineStatistics statistics(String consoleUser, String privateIps, String publicIp) {
        return new MachineStatistics(consoleUser, privateIps, publicIp, 1L, 0.1, 1L, 2L, 3L, 4L, null);
    }
}

package org.jumpdesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartRetryTest {

    private static final Duration USUAL = Duration.ofSeconds(10);

    @Test
    void whileTheSiteRestartsAnAgentWaitsAMinuteForItsHandshake() {
        assertThat(RestartRetry.handshakeTimeout(Duration.ofSeconds(5), USUAL)).isEqualTo(Duration.ofSeconds(60));
        assertThat(RestartRetry.handshakeTimeout(RestartRetry.WINDOW, USUAL)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void afterTheWindowTheUsualTimeoutAppliesAndALongerOwnOneIsKept() {
        assertThat(RestartRetry.handshakeTimeout(RestartRetry.WINDOW.plusSeconds(1), USUAL))
                .isEqualTo(USUAL);
        assertThat(RestartRetry.handshakeTimeout(Duration.ofSeconds(5), Duration.ofSeconds(90)))
                .isEqualTo(Duration.ofSeconds(90));
    }
}

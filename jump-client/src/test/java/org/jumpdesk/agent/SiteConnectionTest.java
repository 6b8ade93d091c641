package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jumpdesk.protocol.RestartRetry;
import org.junit.jupiter.api.Test;

class SiteConnectionTest {

    @Test
    void aBusySiteSaysWhenToComeBack() {
        assertThat(SiteConnection.retryAfterSeconds(new CloseReason(CloseCodes.TRY_AGAIN_LATER, "retry-after=7")))
                .isEqualTo(7);
    }

    @Test
    void otherClosesCarryNoWait() {
        assertThat(SiteConnection.retryAfterSeconds(new CloseReason(CloseCodes.NORMAL_CLOSURE, "retry-after=7")))
                .isNull();
        assertThat(SiteConnection.retryAfterSeconds(new CloseReason(CloseCodes.TRY_AGAIN_LATER, "retry-after=soon")))
                .isNull();
        assertThat(SiteConnection.retryAfterSeconds(new CloseReason(CloseCodes.TRY_AGAIN_LATER, null)))
                .isNull();
    }

    @Test
    void theSiteClosingForARestartIsNotALostConnection() {
        assertThat(RestartRetry.announced(CloseCodes.GOING_AWAY.getCode())).isTrue();
        assertThat(RestartRetry.announced(CloseCodes.SERVICE_RESTART.getCode())).isTrue();
        assertThat(RestartRetry.announced(CloseCodes.CLOSED_ABNORMALLY.getCode()))
                .isFalse();
        assertThat(RestartRetry.announced(CloseCodes.TRY_AGAIN_LATER.getCode())).isFalse();
        assertThat(RestartRetry.announced(CloseCodes.UNEXPECTED_CONDITION.getCode()))
                .isFalse();
    }

    @Test
    void afterARestartTheAgentTriesAgainEveryOneToThreeSecondsAtRandom() {
        Random random = new Random(11);
        long announced = 0;
        long[] waits = new long[200];
        for (int i = 0; i < waits.length; i++) {
            long now = announced + TimeUnit.MILLISECONDS.toNanos(500L * i);
            waits[i] = SiteConnection.restartWait(announced, now, random)
                    .orElseThrow()
                    .toMillis();
        }

        assertThat(Arrays.stream(waits).min().orElseThrow()).isGreaterThanOrEqualTo(1000L);
        assertThat(Arrays.stream(waits).max().orElseThrow()).isLessThanOrEqualTo(3000L);
        assertThat(Arrays.stream(waits).distinct().count())
                .as("spread, so a fleet does not return in step")
                .isGreaterThan(100);
    }

    @Test
    void theShortWaitsEndAfterTheWindowAndWithoutARestart() {
        Random random = new Random(3);
        long announced = 5_000_000_000L;

        assertThat(SiteConnection.restartWait(announced, announced + RestartRetry.WINDOW.toNanos() - 1, random))
                .isPresent();
        assertThat(SiteConnection.restartWait(
                        announced,
                        announced
                                + RestartRetry.WINDOW.plus(Duration.ofMillis(1)).toNanos(),
                        random))
                .as("back to the backoff")
                .isEmpty();
        assertThat(SiteConnection.restartWait(null, announced, random))
                .as("no restart announced")
                .isEmpty();
    }
}

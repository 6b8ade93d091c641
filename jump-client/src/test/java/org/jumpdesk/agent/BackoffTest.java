package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsGrowUpToTheCapAndStartOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(7));

        long[] waits =
                IntStream.range(0, 40).mapToLong(i -> backoff.next().toMillis()).toArray();

        for (int i = 0; i < waits.length; i++) {
            assertThat(waits[i]).isBetween(0L, Math.min(60_000L, 1000L << Math.min(i, 30)));
        }
        assertThat(IntStream.range(10, 40).mapToLong(i -> waits[i]).max().orElseThrow())
                .isGreaterThan(30_000L);
        backoff.reset();
        assertThat(backoff.next().toMillis()).isLessThanOrEqualTo(1000L);
    }
}

package org.jumpdesk.agent;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time between zero and
 * {@code min(cap, base * 2^n)}, so thousands of agents cut off together do not return together.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private int attempt;

    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** How long to wait before the next attempt. */
    Duration next() {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 30));
        attempt++;
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** A connection succeeded: start again from the shortest waits. */
    void reset() {
        attempt = 0;
    }
}

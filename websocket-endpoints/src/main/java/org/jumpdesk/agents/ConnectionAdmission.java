package org.jumpdesk.agents;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Admits new agent connections on this node at a limited rate (the site's {@code reconnects_per_second},
 * default 1,000), so that thousands of agents returning at once after an outage are spread out instead of
 * overwhelming the node and the database. A token bucket holding one second of connections.
 */
@ApplicationScoped
public class ConnectionAdmission {

    /** Refused agents are asked to come back after 1 to this many seconds, spread at random. */
    static final int MAX_RETRY_AFTER_SECONDS = 10;

    private double ratePerSecond = 1000;
    private double tokens = 1000;
    private long lastRefillNanos = System.nanoTime();

    /** Sets the rate (the timers refresh it from the settings). */
    public synchronized void rate(int perSecond) {
        ratePerSecond = Math.max(1, perSecond);
        tokens = Math.min(tokens, ratePerSecond);
    }

    /** Takes a slot for a new connection if one is free now. */
    public synchronized boolean admit() {
        long now = System.nanoTime();
        tokens = Math.min(ratePerSecond, tokens + (now - lastRefillNanos) / 1e9 * ratePerSecond);
        lastRefillNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** When a refused agent should try again, in seconds: spread so refused agents do not return together. */
    public int retryAfterSeconds() {
        return 1 + ThreadLocalRandom.current().nextInt(MAX_RETRY_AFTER_SECONDS);
    }
}

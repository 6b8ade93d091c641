package org.jumpdesk.protocol;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How an agent comes back after the site went away for a restart. WildFly closes every WebSocket with 1001
 * (going away) when it shuts down or redeploys the application, and 1012 (service restart) says the same;
 * the site will answer again after one boot. So for {@link #WINDOW} after such a close the agent tries again
 * every {@link #SHORTEST} to {@link #LONGEST}, at random so a fleet does not return in step, instead of its
 * exponential backoff: by the time a site had booted (10 s to 2 minutes) those waits had grown towards a
 * minute, and the last agents came back up to a minute after the site was ready. After the window the usual
 * backoff takes over, so a site down for longer is not called on every two seconds by every agent for ever.
 *
 * <p>One rule for the agent and for the benchmark's simulated agents, which must behave alike.
 */
public final class RestartRetry {

    /** How long after the close the short waits apply. */
    public static final Duration WINDOW = Duration.ofMinutes(3);

    /**
     * How long an agent waits for its handshake within the window. A booting node answers 503 at once
     * (JumpDesk's WildFly does not hold requests during its boot), but once it is up the whole fleet dials
     * within seconds and the node takes its upgrades far more slowly than that: with the usual 10 s, a storm of
     * 19,000 agents gave up on 34,131 handshakes after the node was ready and came back in 126.9 s; with this
     * minute, 13,689–14,278 and 93.0–99.7 s (docs/PERFORMANCE.md, 2026-11-30 evening).
     */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);

    public static final Duration SHORTEST = Duration.ofSeconds(1);
    public static final Duration LONGEST = Duration.ofSeconds(3);

    /** Going away (WildFly's close at shutdown and undeploy). */
    public static final int GOING_AWAY = 1001;

    /** Service restart. */
    public static final int SERVICE_RESTART = 1012;

    private RestartRetry() {}

    /** The handshake timeout of an attempt: {@link #HANDSHAKE_TIMEOUT} within the window, else the usual one. */
    public static Duration handshakeTimeout(Duration sinceAnnouncement, Duration usual) {
        return withinWindow(sinceAnnouncement) && HANDSHAKE_TIMEOUT.compareTo(usual) > 0 ? HANDSHAKE_TIMEOUT : usual;
    }

    /** Whether the site closed with a code that announces a restart. */
    public static boolean announced(int closeCode) {
        return closeCode == GOING_AWAY || closeCode == SERVICE_RESTART;
    }

    /**
     * The wait before the next attempt, while within the window of an announced restart.
     *
     * @param sinceAnnouncement time since the site closed for a restart
     * @return empty once the window is over: the caller backs off as usual
     */
    public static Optional<Duration> nextWait(Duration sinceAnnouncement, RandomGenerator random) {
        if (!withinWindow(sinceAnnouncement)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(random.nextLong(SHORTEST.toMillis(), LONGEST.toMillis() + 1)));
    }

    private static boolean withinWindow(Duration sinceAnnouncement) {
        return !sinceAnnouncement.isNegative() && sinceAnnouncement.compareTo(WINDOW) <= 0;
    }
}

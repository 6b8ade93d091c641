package org.jumpdesk.agents;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Admits new agent connections on this node so that thousands of agents returning at once after an outage
 * are served at the pace the node can keep, instead of overwhelming it and the database. Two limits: a
 * token bucket at the site's {@code reconnects_per_second} (default 5,000) holding one second of
 * connections, and at most {@link #MAX_IN_FLIGHT} admitted connections not yet welcomed (their hellos
 * are answered in batches, each a transaction with a durable commit). Without the second, a node that welcomes a few hundred agents a
 * second admitted a thousand a second: hellos queued behind one another, agents gave up waiting and came
 * back, and the node spent its time on connections already abandoned (2026-11-30: 3,016 of 19,000 agents
 * back five minutes after a restart).
 *
 * <p>An agent beyond those limits waits, connected, in a first-come line for its challenge, which is sent
 * when a slot frees ({@link #enter}); only when {@link #MAX_WAITING} agents already wait is it refused.
 * Refusing instead made every returning agent of a storm come back about three times: 47,804 refusals for
 * 19,000 agents after a restart, each a full WebSocket handshake and close (2026-11-30). A waiting
 * connection costs what it will cost once welcomed, and the node welcomes its line as fast as its hellos
 * go.
 *
 * <p>A refused agent is told when to come back ({@code retry-after}): refusals are given return times one
 * slot apart, after those already given, at the pace this node welcomes agents while all its slots are
 * taken, so a storm is served without idle seconds and without a crowd returning together only to be
 * refused again. The pace starts at the configured rate and learns only from seconds in which the hellos in
 * flight were the limit; it falls by at most half a second (and never below {@link #MIN_PACE}) and rises
 * at once. A freshly started node welcomes few agents in its first busy seconds (a cold JIT): taken as the
 * pace, that sent 19,000 refused agents up to a minute away and left the node idle for 40–55 s
 * (2026-11-30).
 */
@ApplicationScoped
public class ConnectionAdmission {

    /**
     * Admitted connections whose hello is not done yet, at most: two of {@link HelloBatches}' batches, one
     * being answered while the next gathers. With 100, as when each hello was its own transaction, the
     * slots were the limit once hellos came in batches (2,000 welcomes a second, every slot taken).
     */
    static final int MAX_IN_FLIGHT = 2 * HelloBatches.MAX_BATCH;

    /** The longest wait a refused agent is given, in seconds; a longer queue is told to come back then. */
    static final int MAX_RETRY_AFTER_SECONDS = 60;

    /**
     * The lowest pace refused agents are given, per second: half the hellos in flight. A node slower than
     * that is overloaded beyond what spacing the returns helps, and agents coming back early only cost a
     * refused handshake, while agents sent too far away leave the node idle.
     */
    static final double MIN_PACE = MAX_IN_FLIGHT / 2.0;

    /** Connections waiting for a slot, at most; beyond, agents are refused with {@code retry-after}. */
    static final int MAX_WAITING = 20_000;

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** A connection waiting in the line for a slot. */
    public interface Waiting {
        /**
         * A slot was taken for this connection: it starts its hello (the caller must {@link #settled} it once).
         *
         * @return false when the connection is gone, and the slot goes to the next in line
         */
        boolean admitted();
    }

    /** What became of a new connection. */
    public enum Entry {
        /** It holds a slot now. */
        ADMITTED,
        /** It waits in the line; {@link Waiting#admitted()} runs when a slot frees. */
        WAITING,
        /** The line is full: tell it when to come back ({@link #retryAfterSeconds()}). */
        REFUSED
    }

    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private int maxWaiting = MAX_WAITING;

    private double ratePerSecond = 5000;
    private double tokens = 5000;
    private long lastRefillNanos = System.nanoTime();
    /** When the last refused agent was told to return (System.nanoTime). */
    private long lastReturnNanos = lastRefillNanos;

    private int inFlight;
    /** The second being counted (System.nanoTime / 1 s), its welcomes, and whether it refused anyone. */
    private long second = lastRefillNanos / SECOND;

    private int welcomesThisSecond;
    /** Whether an agent was refused this second because the hellos in flight were at their limit. */
    private boolean saturatedThisSecond;
    /** Agents this node welcomes a second while its slots are all taken, as learnt so far (see the class). */
    private double welcomedPerSecond = Double.MAX_VALUE;

    private volatile boolean closing;

    /** Sets the rate (the timers refresh it from the settings). */
    public synchronized void rate(int perSecond) {
        ratePerSecond = Math.max(1, perSecond);
        tokens = Math.min(tokens, ratePerSecond);
    }

    /**
     * A new connection: takes a slot when one is free and nobody waits, else joins the line unless it is
     * full.
     */
    public synchronized Entry enter(Waiting connection) {
        if (waiting.isEmpty() && admit(System.nanoTime())) {
            return Entry.ADMITTED;
        }
        if (waiting.size() < maxWaiting) {
            waiting.add(connection);
            return Entry.WAITING;
        }
        return Entry.REFUSED;
    }

    /** Connections waiting in the line now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** For tests: a shorter line. */
    synchronized void maxWaiting(int connections) {
        maxWaiting = connections;
    }

    /**
     * Gives free slots to the line, first come first served. Runs after every settled hello, and on the
     * housekeeping timer for slots the token bucket frees with time.
     */
    public void admitWaiting() {
        while (true) {
            Waiting next;
            synchronized (this) {
                if (waiting.isEmpty() || closing || !admit(System.nanoTime())) {
                    return;
                }
                next = waiting.poll();
            }
            // Outside the lock: the connection sends its challenge.
            if (!next.admitted()) {
                synchronized (this) {
                    inFlight = Math.max(0, inFlight - 1);
                    tokens = Math.min(ratePerSecond, tokens + 1);
                }
            }
        }
    }

    /** Takes a slot for a new connection if one is free now; the caller must {@link #settled} it once. */
    synchronized boolean admit(long now) {
        count(now);
        tokens = Math.min(ratePerSecond, tokens + (now - lastRefillNanos) / 1e9 * ratePerSecond);
        lastRefillNanos = now;
        if (inFlight >= MAX_IN_FLIGHT) {
            saturatedThisSecond = true;
            return false;
        }
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        inFlight++;
        return true;
    }

    /**
     * An admitted connection is done with its hello: welcomed, refused or closed before that.
     *
     * @param welcomed whether the agent was welcomed, which counts for the pace refused agents are given
     */
    public void settled(boolean welcomed) {
        settled(welcomed, System.nanoTime());
        admitWaiting();
    }

    synchronized void settled(boolean welcomed, long now) {
        count(now);
        inFlight = Math.max(0, inFlight - 1);
        if (welcomed) {
            welcomesThisSecond++;
        }
    }

    /**
     * Starts counting a new second when one began. A second in which agents were refused because all slots
     * were taken measured what the node can welcome; any other says nothing of that and leaves the pace as
     * it was.
     */
    private void count(long now) {
        long current = now / SECOND;
        if (current == second) {
            return;
        }
        if (current == second + 1 && saturatedThisSecond) {
            double known = Math.min(welcomedPerSecond, ratePerSecond);
            welcomedPerSecond = Math.max(MIN_PACE, Math.max(welcomesThisSecond, known / 2));
        }
        second = current;
        welcomesThisSecond = 0;
        saturatedThisSecond = false;
    }

    /**
     * When a refused agent should try again, in seconds: the next return time one slot after the last one
     * given, rounded up (the agent adds up to a second at random), between 1 and {@link
     * #MAX_RETRY_AFTER_SECONDS}.
     */
    public int retryAfterSeconds() {
        return retryAfterSeconds(System.nanoTime());
    }

    synchronized int retryAfterSeconds(long now) {
        count(now);
        double pace = Math.min(ratePerSecond, welcomedPerSecond);
        long returnAt = Math.max(lastReturnNanos, now) + (long) (SECOND / pace);
        if (returnAt - now > MAX_RETRY_AFTER_SECONDS * SECOND) {
            return MAX_RETRY_AFTER_SECONDS;
        }
        lastReturnNanos = returnAt;
        return (int) Math.max(1, (returnAt - now + SECOND - 1) / SECOND);
    }

    /**
     * The node is shutting down: agents that still reach it are told to come back after the restart (close
     * 1012) instead of being admitted to a node about to close them.
     */
    public void closing() {
        closing = true;
    }

    public boolean isClosing() {
        return closing;
    }
}

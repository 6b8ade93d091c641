package org.jumpdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.protocol.Heartbeat;
import org.jumpdesk.protocol.MessageCodec;
import org.jumpdesk.protocol.RestartRetry;
import org.jumpdesk.protocol.SessionOpen;
import org.jumpdesk.protocol.Statistics;
import org.jumpdesk.protocol.Welcome;

/**
 * Many simulated agents in one JVM over a JDK {@link HttpClient} per destination (each with one selector
 * thread for its sockets: with one client for all, its selector thread took the handshakes of a returning
 * fleet so slowly that site challenges waited there for seconds).
 * Each agent behaves like the real one: it registers with the installer key once, then says hello on
 * every connection; it sends heartbeats and statistics at the intervals of its welcome; after a refusal
 * with {@code retry-after} it comes back then; after the site closed for a restart (1001, 1012) every 1 to 3
 * s for three minutes, waiting up to a minute for each handshake ({@link RestartRetry}); after any other
 * loss with exponential backoff and full jitter (1 s doubling to 60 s), and never after a final refusal.
 * Otherwise it waits as long for a handshake as the real agent's default connect timeout (10 s).
 *
 * <p>Agents are spread over several loopback destinations (127.0.0.1, 127.0.0.2, …) so that their
 * connections do not all share one (address, port) pair on the server side.
 */
final class AgentFleet implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AgentFleet.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();
    private static final String HEARTBEAT = CODEC.encode(new Heartbeat());
    private static final String STATISTICS =
            CODEC.encode(new Statistics("bench", "10.0.0.1", 3600L, 0.05, 2L << 30, 8L << 30, 20L << 30, 100L << 30));
    private static final List<Integer> FINAL_REFUSALS = List.of(4403, 4404, 4410);
    /** The real agent's default ({@code AgentOptions.connectTimeout}). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration UNANSWERED = Duration.ofSeconds(60);

    /** What the fleet does with each pong; pings are only sent by measurements. */
    interface PongListener {
        void pong(SimulatedAgent agent, long roundTripNanos);
    }

    private final List<URI> endpoints;
    private final String installerKey;
    private final String agentVersion;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, daemon("fleet-callback"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("fleet-timer"));
    /** One client per destination: each has its own selector thread (see the class). */
    private final List<HttpClient> clients;

    private final List<SimulatedAgent> agents = new ArrayList<>();
    /** Makes the agents' keys, in {@link #grow}'s one thread. */
    private final SecureRandom keyRandom = new SecureRandom();

    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger connecting = new AtomicInteger();
    private final LongAdder welcomes = new LongAdder();
    private final LongAdder heartbeats = new LongAdder();
    private final LongAdder statistics = new LongAdder();
    private final Map<Integer, LongAdder> closes = new ConcurrentHashMap<>();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder unansweredConnections = new LongAdder();
    private final LongAdder restartRetries = new LongAdder();

    /** When agents got {@code session-open}, and when their session socket opened (System.nanoTime), by session. */
    private final Map<UUID, Long> sessionOpenReceived = new ConcurrentHashMap<>();

    private final Map<UUID, Long> sessionSocketOpened = new ConcurrentHashMap<>();

    private volatile boolean running = true;
    private volatile boolean periodicStatistics = true;
    private volatile PongListener pongs = (agent, nanos) -> {};

    /**
     * @param agentVersion the version the agents report: the site's agent release, as a fleet kept current
     *     by the site's updates runs (an older one would be offered the update and refused jumps)
     */
    AgentFleet(List<URI> endpoints, String installerKey, String agentVersion) {
        this.endpoints = List.copyOf(endpoints);
        this.installerKey = installerKey;
        this.agentVersion = agentVersion;
        this.clients = endpoints.stream()
                .map(endpoint -> HttpClient.newBuilder()
                        .executor(callbacks)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .build())
                .toList();
        timer.scheduleWithFixedDelay(this::sendDue, 250, 250, TimeUnit.MILLISECONDS);
    }

    String installerKey() {
        return installerKey;
    }

    String agentVersion() {
        return agentVersion;
    }

    /** Agents with a live, welcomed connection. */
    int connected() {
        return connected.get();
    }

    int size() {
        synchronized (agents) {
            return agents.size();
        }
    }

    int registrations() {
        return registrations.get();
    }

    long heartbeatsSent() {
        return heartbeats.sum();
    }

    long welcomes() {
        return welcomes.sum();
    }

    /** Close codes seen so far and how often, e.g. 1013 (busy) or 1006 (connection lost). */
    Map<Integer, Long> closeCodes() {
        Map<Integer, Long> seen = new TreeMap<>();
        closes.forEach((code, count) -> seen.put(code, count.sum()));
        return seen;
    }

    long connectFailures() {
        return connectFailures.sum();
    }

    /** Connections dropped by the fleet because the site never welcomed them. */
    long unansweredConnections() {
        return unansweredConnections.sum();
    }

    /** Attempts made on the short schedule of an announced restart. */
    long restartRetries() {
        return restartRetries.sum();
    }

    /** Whether agents send their statistics at the welcome's interval (paused while measuring writes). */
    void periodicStatistics(boolean enabled) {
        periodicStatistics = enabled;
    }

    /**
     * Adds new agents (each with a fresh key pair) until the fleet has {@code total}, starting a connection
     * whenever fewer than {@code inFlight} are between connecting and welcomed, and waits until every agent
     * of the fleet is connected.
     *
     * @return whether all were connected within the timeout
     */
    boolean grow(int total, int inFlight, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size() < total && System.nanoTime() < deadline) {
            if (connecting.get() >= inFlight) {
                TimeUnit.MILLISECONDS.sleep(2);
                continue;
            }
            SimulatedAgent agent = new SimulatedAgent(this, size(), new SimulatedAgentKey(keyRandom));
            synchronized (agents) {
                agents.add(agent);
            }
            connect(agent);
        }
        return awaitConnected(total, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Waits until at least {@code count} agents are connected. */
    boolean awaitConnected(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connected.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    private void connect(SimulatedAgent agent) {
        if (!running || !move(agent, SimulatedAgent.State.CONNECTING)) {
            return;
        }
        long announced = agent.restartAnnounced;
        Duration handshakeTimeout = announced == 0
                ? CONNECT_TIMEOUT
                : RestartRetry.handshakeTimeout(Duration.ofNanos(System.nanoTime() - announced), CONNECT_TIMEOUT);
        client(agent)
                .newWebSocketBuilder()
                .connectTimeout(handshakeTimeout)
                .buildAsync(endpoint(agent), agent)
                .whenComplete((webSocket, failure) -> {
                    if (failure != null) {
                        connectFailures.increment();
                        move(agent, SimulatedAgent.State.IDLE);
                        retryWithBackoff(agent);
                    }
                });
    }

    private URI endpoint(SimulatedAgent agent) {
        return endpoints.get(agent.index() % endpoints.size());
    }

    private HttpClient client(SimulatedAgent agent) {
        return clients.get(agent.index() % clients.size());
    }

    /**
     * A representative jumped to this agent: as the real agent does, it dials the session endpoint next to
     * the agent endpoint it is connected to and serves the session there.
     */
    void openSession(SimulatedAgent agent, SessionOpen open) {
        sessionOpenReceived.put(open.sessionId(), System.nanoTime());
        client(agent)
                .newWebSocketBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .buildAsync(
                        endpoint(agent).resolve("/agent-session"),
                        new SimulatedShell(open, () -> sessionSocketOpened.put(open.sessionId(), System.nanoTime())))
                .whenComplete((webSocket, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, "agent " + agent.index() + " could not open its session", failure);
                    }
                });
    }

    /**
     * When the agent got the session's {@code session-open} and when its session socket was open
     * ({@link System#nanoTime()}; 0 when not seen), forgotten once asked.
     */
    long[] sessionMarks(UUID sessionId) {
        Long received = sessionOpenReceived.remove(sessionId);
        Long opened = sessionSocketOpened.remove(sessionId);
        return new long[] {received == null ? 0 : received, opened == null ? 0 : opened};
    }

    /**
     * Moves the agent to a state and keeps the counts of connecting and connected agents.
     *
     * @return false when it already was in that state
     */
    private boolean move(SimulatedAgent agent, SimulatedAgent.State next) {
        synchronized (agent) {
            SimulatedAgent.State previous = agent.state;
            if (previous == next) {
                return false;
            }
            agent.state = next;
            agent.connectingSince = System.nanoTime();
            counter(previous).ifPresent(AtomicInteger::decrementAndGet);
            counter(next).ifPresent(AtomicInteger::incrementAndGet);
            return true;
        }
    }

    private Optional<AtomicInteger> counter(SimulatedAgent.State state) {
        return switch (state) {
            case IDLE -> Optional.empty();
            case CONNECTING -> Optional.of(connecting);
            case CONNECTED -> Optional.of(connected);
        };
    }

    void registered() {
        registrations.incrementAndGet();
    }

    void welcomed(SimulatedAgent agent, Welcome welcome) {
        long now = System.nanoTime();
        agent.restartAnnounced = 0;
        agent.heartbeatNanos = TimeUnit.SECONDS.toNanos(welcome.heartbeatSeconds());
        agent.statisticsNanos = TimeUnit.SECONDS.toNanos(welcome.statisticsSeconds());
        agent.heartbeatDue = now + agent.heartbeatNanos;
        agent.statisticsDue = now + agent.statisticsNanos;
        move(agent, SimulatedAgent.State.CONNECTED);
        welcomes.increment();
        // As the real agent does: statistics at once, then at the interval.
        agent.sendText(STATISTICS);
        statistics.increment();
    }

    void closed(SimulatedAgent agent, int code, String reason) {
        move(agent, SimulatedAgent.State.IDLE);
        closes.computeIfAbsent(code, c -> new LongAdder()).increment();
        if (FINAL_REFUSALS.contains(code)) {
            LOG.warning(() -> "agent " + agent.index() + " refused for good: " + code + " " + reason);
            return;
        }
        if (RestartRetry.announced(code)) {
            agent.restartAnnounced = System.nanoTime();
        }
        if (code == 1013 && reason != null && reason.startsWith("retry-after=")) {
            long seconds = Long.parseLong(reason.substring("retry-after=".length()));
            later(agent, seconds * 1000 + ThreadLocalRandom.current().nextInt(1000));
            return;
        }
        retryWithBackoff(agent);
    }

    void broke(SimulatedAgent agent, Throwable failure) {
        LOG.log(Level.FINE, "agent " + agent.index() + " connection broke", failure);
        move(agent, SimulatedAgent.State.IDLE);
        closes.computeIfAbsent(1006, c -> new LongAdder()).increment();
        retryWithBackoff(agent);
    }

    /** As the real agent: a short wait while the site restarts, else the backoff's. */
    private void retryWithBackoff(SimulatedAgent agent) {
        long announced = agent.restartAnnounced;
        if (announced != 0) {
            Optional<Duration> restarting =
                    RestartRetry.nextWait(Duration.ofNanos(System.nanoTime() - announced), ThreadLocalRandom.current());
            if (restarting.isPresent()) {
                restartRetries.increment();
                later(agent, restarting.get().toMillis());
                return;
            }
        }
        long ceiling = Math.min(60_000, 1000L << Math.min(agent.attempts, 20));
        agent.attempts++;
        later(agent, ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private void later(SimulatedAgent agent, long millis) {
        if (running) {
            timer.schedule(() -> connect(agent), millis, TimeUnit.MILLISECONDS);
        }
    }

    void pong(SimulatedAgent agent, long sentAt) {
        pongs.pong(agent, System.nanoTime() - sentAt);
    }

    void onPong(PongListener listener) {
        pongs = listener;
    }

    /** Connected agents, in the order they joined. */
    List<SimulatedAgent> connectedAgents() {
        List<SimulatedAgent> live = new ArrayList<>();
        synchronized (agents) {
            for (SimulatedAgent agent : agents) {
                if (agent.connected()) {
                    live.add(agent);
                }
            }
        }
        return live;
    }

    /**
     * Heartbeat latency: {@code samples} connected agents, one every millisecond, each send a heartbeat
     * followed by a ping; the pong comes back once the server has read both.
     *
     * @return the round trips in nanoseconds, as many as came back within ten seconds
     */
    long[] heartbeatRoundTrips(int samples) throws InterruptedException {
        List<SimulatedAgent> live = connectedAgents();
        Collections.shuffle(live);
        int count = Math.min(samples, live.size());
        long[] roundTrips = new long[count];
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        onPong((agent, nanos) -> {
            int slot = answered.getAndIncrement();
            if (slot < count) {
                roundTrips[slot] = nanos;
                done.countDown();
            }
        });
        for (int i = 0; i < count; i++) {
            SimulatedAgent agent = live.get(i);
            agent.sendText(HEARTBEAT);
            agent.ping();
            TimeUnit.MILLISECONDS.sleep(1);
        }
        done.await(10, TimeUnit.SECONDS);
        onPong((agent, nanos) -> {});
        return Arrays.copyOf(roundTrips, Math.min(answered.get(), count));
    }

    /** What a heartbeat burst achieved. */
    record Burst(int agents, long heartbeats, long nanos, long[] roundTrips) {

        double perSecond() {
            return heartbeats * 1e9 / nanos;
        }
    }

    /**
     * Heartbeat throughput: {@code participants} connected agents each send {@code batch} heartbeats and a
     * ping, and on the pong (the server has read them all) the next batch, until the time is up. Only
     * heartbeats whose ping came back are counted, over the time until the last pong.
     */
    Burst heartbeatBurst(int participants, int batch, Duration duration) throws InterruptedException {
        List<SimulatedAgent> live = connectedAgents();
        int count = Math.min(participants, live.size());
        LongAdder acknowledged = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(count);
        long[] lastPong = new long[1];
        long[] roundTrips = new long[count];
        AtomicInteger done = new AtomicInteger();
        onPong((agent, nanos) -> {
            acknowledged.add(batch);
            long now = System.nanoTime();
            if (now - deadline < 0) {
                sendBatch(agent, batch);
            } else {
                synchronized (lastPong) {
                    lastPong[0] = Math.max(lastPong[0], now);
                }
                roundTrips[done.getAndIncrement()] = nanos;
                finished.countDown();
            }
        });
        for (int i = 0; i < count; i++) {
            sendBatch(live.get(i), batch);
        }
        boolean all = finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        onPong((agent, nanos) -> {});
        long end;
        synchronized (lastPong) {
            end = all ? lastPong[0] : System.nanoTime();
        }
        return new Burst(count, acknowledged.sum(), end - start, roundTrips);
    }

    private void sendBatch(SimulatedAgent agent, int batch) {
        for (int i = 0; i < batch; i++) {
            agent.sendText(HEARTBEAT);
        }
        heartbeats.add(batch);
        agent.ping();
    }

    /**
     * Heartbeats and statistics that are due, checked four times a second; and connections that were
     * opened but never welcomed (a site that stopped answering) are dropped and tried again.
     */
    private void sendDue() {
        long now = System.nanoTime();
        List<SimulatedAgent> unanswered = new ArrayList<>();
        synchronized (agents) {
            for (SimulatedAgent agent : agents) {
                if (agent.state == SimulatedAgent.State.CONNECTING
                        && agent.hasSocket()
                        && now - agent.connectingSince > UNANSWERED.toNanos()) {
                    unanswered.add(agent);
                }
            }
        }
        for (SimulatedAgent agent : unanswered) {
            agent.abort();
            unansweredConnections.increment();
            move(agent, SimulatedAgent.State.IDLE);
            retryWithBackoff(agent);
        }
        for (SimulatedAgent agent : connectedAgents()) {
            if (now - agent.heartbeatDue >= 0) {
                agent.heartbeatDue = now + agent.heartbeatNanos;
                agent.sendText(HEARTBEAT);
                heartbeats.increment();
            }
            if (periodicStatistics && now - agent.statisticsDue >= 0) {
                agent.statisticsDue = now + agent.statisticsNanos;
                agent.sendText(STATISTICS);
                statistics.increment();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        timer.shutdownNow();
        synchronized (agents) {
            agents.forEach(SimulatedAgent::abort);
        }
        callbacks.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

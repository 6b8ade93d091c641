package org.jumpdesk.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs every benchmark against one site and prints the result table (Markdown), also written to
 * {@code results.md} in the output directory with the plot. Settings are system properties:
 * {@code jumpdesk.bench.server} (provisioned WildFly), {@code jumpdesk.bench.ear}, {@code
 * jumpdesk.bench.port-offset}, {@code jumpdesk.bench.steps} (agents held at each step, e.g.
 * {@code 1000,5000,10000,19000}), {@code jumpdesk.bench.phases} (what runs besides the steps' joins and
 * heap: {@code jumps,heartbeats,flush,audit,storm,search} by default; a subset to work on one figure), {@code
 * jumpdesk.bench.search.clients} (1,000,000), {@code jumpdesk.bench.output}, {@code jumpdesk.bench.plot}.
 */
public final class Benchmark {

    /** Loopback addresses the agents connect to, to spread their connections. */
    private static final int LOOPBACK_ADDRESSES = 4;

    private static final int HANDSHAKES_IN_FLIGHT = 200;

    /** Jumps measured at each step, one after the other, and keystrokes typed in each. */
    private static final int JUMPS = Integer.getInteger("jumpdesk.bench.jumps", 200);

    /**
     * Jumps made before the first step's measured ones and not counted: the first jumps of a fresh server
     * run its code interpreted until the JIT has compiled it (a site that has run for a while has).
     */
    private static final int WARM_UP_JUMPS = Integer.getInteger("jumpdesk.bench.warm-up-jumps", 50);

    /**
     * Where to write a Flight Recording of the server during each step's join and jumps ({@code
     * join-<agents>.jfr}, {@code jumps-<agents>.jfr})
     * and during the measured audited changes ({@code audit.jfr}, with PostgreSQL's statements and their
     * cost in {@code audit-statements.tsv}) and the reconnect storm from the site answering until all
     * agents are back ({@code storm.jfr}), or null for none: {@code jumpdesk.bench.profile}.
     */
    private static final Path PROFILE =
            System.getProperty("jumpdesk.bench.profile", "").isBlank()
                    ? null
                    : Path.of(System.getProperty("jumpdesk.bench.profile"));

    private static final int KEYSTROKES = 10;

    /** How long the database takes at most to count other connections' writes in its statistics views. */
    private static final int STATISTICS_SETTLE_SECONDS = 11;

    /** What runs after the agents joined, in this order ({@code jumpdesk.bench.phases}). */
    private static final List<String> PHASES = List.of("jumps", "heartbeats", "flush", "audit", "storm", "search");
    /** The embedded PostgreSQL narrates its start-up at INFO; held here so the level sticks. */
    private static final Logger EMBEDDED_DATABASE_LOG = Logger.getLogger("io.zonky");

    private static final Pattern NUMBER = Pattern.compile("(\\w+)=(\\d+)");

    private final List<String> log = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Plot.Point> points = new ArrayList<>();
    private final Map<Integer, Jumps> jumpsAtStep = new LinkedHashMap<>();

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        EMBEDDED_DATABASE_LOG.setLevel(Level.WARNING);
        new Benchmark().run();
    }

    private void run() throws Exception {
        Path server = Path.of(System.getProperty("jumpdesk.bench.server"));
        Path ear = Path.of(System.getProperty("jumpdesk.bench.ear"));
        int offset = Integer.getInteger("jumpdesk.bench.port-offset", 1750);
        List<Integer> steps = Arrays.stream(System.getProperty("jumpdesk.bench.steps", "1000,5000,10000,19000")
                        .split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
        int agents = steps.get(steps.size() - 1);
        // Phases after the steps, e.g. "storm" or "audit,flush" to work on one figure; all by default.
        List<String> phases = Arrays.stream(System.getProperty("jumpdesk.bench.phases", String.join(",", PHASES))
                        .split(","))
                .map(String::trim)
                .toList();
        Path output = Path.of(System.getProperty("jumpdesk.bench.output", "target/bench"));
        Path plot = Path.of(System.getProperty(
                "jumpdesk.bench.plot", output.resolve("performance.png").toString()));
        Path work = output.resolve("work");
        Files.createDirectories(work);
        Instant began = Instant.now();
        say("JumpDesk benchmark, " + began + ", " + Runtime.getRuntime().availableProcessors() + " cores, steps "
                + steps);

        Path benchEar = BenchEar.write(ear, work.resolve("jumpdesk-bench.ear"));
        try (BenchSite site = BenchSite.start(work, server, benchEar, offset, PROFILE != null)) {
            Thread stopOnInterrupt = new Thread(() -> {
                try {
                    site.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            say("site started in " + site.startServer().toMillis() + " ms");
            String installerKey;
            try (Connection db = site.database()) {
                installerKey = SiteData.prepare(db, agents);
            }
            List<URI> endpoints = reachable(site.agentEndpoints(LOOPBACK_ADDRESSES));
            long idleHeap = site.heapAfterFullGc();
            Map<String, long[]> idleClasses = site.classHistogram();
            say("heap with no agent: " + mib(idleHeap) + " MiB");
            String agentVersion = BenchEar.agentReleaseVersion(ear);
            say("agents report version " + agentVersion + " (the site's agent release)");
            RepresentativeConsole console =
                    RepresentativeConsole.logIn(site.console(), SiteData.REPRESENTATIVE, SiteData.PASSWORD);
            try (AgentFleet fleet = new AgentFleet(endpoints, installerKey, agentVersion)) {
                double perConnection = Double.NaN;
                double joinRate = Double.NaN;
                for (int step : steps) {
                    long before = System.nanoTime();
                    long auditBefore = audit(site);
                    if (PROFILE != null) {
                        site.startRecording(PROFILE.resolve("join-" + step + ".jfr"));
                    }
                    long cpuBefore = site.serverCpuNanos();
                    int joining = step - fleet.size();
                    boolean joined = fleet.grow(step, HANDSHAKES_IN_FLIGHT, Duration.ofMinutes(15));
                    if (PROFILE != null) {
                        site.stopRecording();
                    }
                    if (!joined) {
                        say("only " + fleet.connected() + " of " + step + " agents connected; closes "
                                + fleet.closeCodes() + ", connect failures " + fleet.connectFailures());
                        break;
                    }
                    double seconds = (System.nanoTime() - before) / 1e9;
                    joinRate = (audit(site) - auditBefore) / seconds;
                    double cpuPerJoin = (site.serverCpuNanos() - cpuBefore) / 1e6 / joining;
                    TimeUnit.SECONDS.sleep(5);
                    long heap = site.heapAfterFullGc();
                    perConnection = (heap - idleHeap) / (double) step;
                    long[] roundTrips = fleet.heartbeatRoundTrips(1000);
                    points.add(new Plot.Point(step, mib(heap), percentile(roundTrips, 50), percentile(roundTrips, 99)));
                    say(String.format(
                            "%,d agents: joined in %.1f s (%.0f audited changes/s, server CPU %.1f ms per agent), heap %.1f MiB (%.2f KiB per"
                                    + " connection), heartbeat round trip p50 %.2f ms p99 %.2f ms; closes %s",
                            step,
                            seconds,
                            joinRate,
                            cpuPerJoin,
                            mib(heap),
                            perConnection / 1024,
                            percentile(roundTrips, 50),
                            percentile(roundTrips, 99),
                            fleet.closeCodes()));
                    if (phases.contains("jumps")) {
                        if (jumpsAtStep.isEmpty()) {
                            warmUp(console, fleet);
                        }
                        jumpsAtStep.put(step, jumps(site, console, fleet, step));
                    }
                }
                int held = fleet.connected();
                site.heapAfterFullGc();
                Files.writeString(
                        output.resolve("heap-per-connection.md"),
                        perConnection(idleClasses, site.classHistogram(), held));
                figures.add(new Figure(
                        "connected agents held by one node",
                        held,
                        "agents",
                        19_000,
                        true,
                        "simulated agents, real protocol, ws:// on loopback; open-file limit 20,000 per process"));
                double slope = heapSlopeKiB(points);
                figures.add(new Figure(
                        "heap per idle connection",
                        Double.isNaN(slope) ? perConnection / 1024 : slope,
                        "KiB",
                        10,
                        false,
                        Double.isNaN(slope)
                                ? "(heap after full GC at " + String.format("%,d", held) + " − with none) ÷ agents"
                                : String.format(
                                        "growth of the heap after full GC per added agent, least squares over the %d"
                                                + " steps; (heap at %,d − with none) ÷ agents = %.2f KiB, which also"
                                                + " counts what the site allocates once after boot (first jumps,"
                                                + " caches, pools)",
                                        points.size(), held, perConnection / 1024)));
                if (phases.contains("heartbeats")) {
                    heartbeats(site, fleet);
                }
                if (phases.contains("flush")) {
                    lastSeenFlush(site);
                }
                if (phases.contains("audit")) {
                    auditedChanges(site, joinRate);
                }
                if (phases.contains("storm")) {
                    reconnectStorm(site, fleet, held);
                }
            }
        } catch (Exception e) {
            say("the run stopped early: " + e);
            report(began, output, plot);
            throw e;
        }
        jumpFigures();
        if (phases.contains("search")) {
            search();
        } else {
            figures.add(Figure.notMeasured(
                    "search + first page over 1,000,000 clients", "ms p95", 50, false, "not among this run's phases"));
        }
        report(began, output, plot);
    }

    /** The jumps measured at one step, in nanoseconds, and the answers of those that did not start. */
    private record Jumps(int agents, long[] attach, long[] firstByte, long[] echo, Map<String, Integer> failures) {}

    /** Jumps not counted, so that the measured ones run compiled code (see {@link #WARM_UP_JUMPS}). */
    private void warmUp(RepresentativeConsole console, AgentFleet fleet) throws InterruptedException {
        List<SimulatedAgent> live = fleet.connectedAgents();
        Collections.shuffle(live);
        long began = System.nanoTime();
        int started = 0;
        for (int i = 0; i < Math.min(WARM_UP_JUMPS, live.size()); i++) {
            RepresentativeConsole.Jump jump = console.jump(live.get(i).clientId(), KEYSTROKES);
            fleet.sessionMarks(jump.sessionId() == null ? new UUID(0, 0) : jump.sessionId());
            started += jump.started() ? 1 : 0;
        }
        say(String.format(
                "warm-up: %d jumps (not counted), %d started, in %.1f s",
                Math.min(WARM_UP_JUMPS, live.size()), started, (System.nanoTime() - began) / 1e9));
    }

    /**
     * {@link #JUMPS} jumps from the console to random connected agents, one after the other, each with
     * {@link #KEYSTROKES} keystrokes echoed by the agent's shell. Each jump's time is also split where the
     * benchmark sees it pass: the terminal socket's handshake, the agent getting {@code session-open}, the
     * agent's session socket open, the site's {@code started}, the first byte.
     */
    private Jumps jumps(BenchSite site, RepresentativeConsole console, AgentFleet fleet, int step) throws Exception {
        List<SimulatedAgent> live = fleet.connectedAgents();
        Collections.shuffle(live);
        List<Long> attach = new ArrayList<>();
        List<Long> firstByte = new ArrayList<>();
        List<Long> echo = new ArrayList<>();
        Map<String, List<Long>> segments = new LinkedHashMap<>();
        List<String> slowest = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        long idleCpu = site.serverCpuNanos();
        long idleDatabaseCpu = site.databaseCpuNanos();
        long idleFrom = System.nanoTime();
        TimeUnit.SECONDS.sleep(3);
        double idleSeconds = (System.nanoTime() - idleFrom) / 1e9;
        double idleCpuPerSecond = (site.serverCpuNanos() - idleCpu) / 1e9 / idleSeconds;
        double idleDatabaseCpuPerSecond = (site.databaseCpuNanos() - idleDatabaseCpu) / 1e9 / idleSeconds;
        Map<String, Double> gcBefore = site.gcCounters();
        long benchGcBefore = benchGcMillis();
        if (PROFILE != null) {
            site.startRecording(PROFILE.resolve("jumps-" + step + ".jfr"));
        }
        long cpuBefore = site.serverCpuNanos();
        long databaseCpuBefore = site.databaseCpuNanos();
        long began = System.nanoTime();
        for (int i = 0; i < Math.min(JUMPS, live.size()); i++) {
            RepresentativeConsole.Jump jump;
            try {
                jump = console.jump(live.get(i).clientId(), KEYSTROKES);
            } catch (RuntimeException e) {
                failures.merge(e.toString(), 1, Integer::sum);
                continue;
            }
            if (jump.started()) {
                attach.add(jump.attachNanos());
                firstByte.add(jump.firstByteNanos());
                Arrays.stream(jump.echoNanos()).forEach(echo::add);
                Map<String, Long> split = split(jump, fleet.sessionMarks(jump.sessionId()));
                split.forEach((name, nanos) ->
                        segments.computeIfAbsent(name, n -> new ArrayList<>()).add(nanos));
                slowest.add(String.format("%012d %s", jump.firstByteNanos(), describe(split)));
            } else {
                failures.merge(jump.refusal(), 1, Integer::sum);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double serverCpu = (site.serverCpuNanos() - cpuBefore) / 1e9 - idleCpuPerSecond * seconds;
        double databaseCpu = (site.databaseCpuNanos() - databaseCpuBefore) / 1e9 - idleDatabaseCpuPerSecond * seconds;
        Map<String, Double> gcAfter = site.gcCounters();
        if (PROFILE != null) {
            site.stopRecording();
        }
        Jumps jumps = new Jumps(step, nanos(attach), nanos(firstByte), nanos(echo), failures);
        say(String.format(
                "%,d agents: %d jumps; request → agent attached p50 %.1f ms p99 %.1f ms; → first shell byte p50 %.1f"
                        + " ms p99 %.1f ms; keystroke echo p50 %.2f ms p99 %.2f ms (%d); failed %s",
                step,
                jumps.attach().length,
                percentile(jumps.attach(), 50),
                percentile(jumps.attach(), 99),
                percentile(jumps.firstByte(), 50),
                percentile(jumps.firstByte(), 99),
                percentile(jumps.echo(), 50),
                percentile(jumps.echo(), 99),
                jumps.echo().length,
                failures));
        StringBuilder parts = new StringBuilder();
        segments.forEach((name, values) -> parts.append(String.format(
                "; %s p50 %.2f p99 %.2f max %.2f",
                name, percentile(nanos(values), 50), percentile(nanos(values), 99), percentile(nanos(values), 100))));
        say(String.format("%,d agents: jump split (ms)%s", step, parts));
        Collections.sort(slowest, Collections.reverseOrder());
        say(String.format(
                "%,d agents: slowest jumps (ms): %s",
                step, slowest.stream().limit(3).map(s -> s.substring(13)).collect(Collectors.joining(" | "))));
        say(String.format(
                "%,d agents: %.1f s for %d jumps; per jump (with its %d keystrokes and its end), beyond the idle"
                        + " rate: WildFly CPU %.2f ms, PostgreSQL CPU %.2f ms (idle: %.0f ms/s and %.0f ms/s);"
                        + " server GC during the jumps %s; benchmark JVM GC %d ms; load average %s",
                step,
                seconds,
                attach.size(),
                KEYSTROKES,
                serverCpu * 1000 / Math.max(1, attach.size()),
                databaseCpu * 1000 / Math.max(1, attach.size()),
                idleCpuPerSecond * 1000,
                idleDatabaseCpuPerSecond * 1000,
                difference(gcBefore, gcAfter),
                benchGcMillis() - benchGcBefore,
                loadAverage()));
        return jumps;
    }

    /** Where one jump's time went, in nanoseconds, by segment (empty where the agent's marks are missing). */
    private static Map<String, Long> split(RepresentativeConsole.Jump jump, long[] agentMarks) {
        Map<String, Long> split = new LinkedHashMap<>();
        // The site runs the request while the handshake's answer travels: the two overlap.
        split.put("(terminal handshake)", jump.handshakeNanos());
        if (agentMarks[0] != 0 && agentMarks[1] != 0) {
            split.put("request → session-open at the agent", agentMarks[0] - jump.requestedAt());
            split.put("agent dials /agent-session", agentMarks[1] - agentMarks[0]);
            split.put("attach → started", jump.requestedAt() + jump.attachNanos() - agentMarks[1]);
        }
        split.put("started → first byte", jump.firstByteNanos() - jump.attachNanos());
        return split;
    }

    private static String describe(Map<String, Long> split) {
        return split.entrySet().stream()
                .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e6))
                .collect(Collectors.joining(", "));
    }

    private static String difference(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream()
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Collections of this JVM so far (the agents' and the console's), in milliseconds. */
    private static long benchGcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * KiB of heap each added agent costs: the least-squares slope of the heap after full GC against the agents
     * held, over the steps (NaN with fewer than two). Unlike the heap at one step divided by its agents, it
     * does not count what the site allocated once since boot.
     */
    static double heapSlopeKiB(List<Plot.Point> steps) {
        if (steps.size() < 2) {
            return Double.NaN;
        }
        double meanAgents =
                steps.stream().mapToDouble(Plot.Point::agents).average().orElseThrow();
        double meanHeap =
                steps.stream().mapToDouble(Plot.Point::heapMiB).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (Plot.Point step : steps) {
            covariance += (step.agents() - meanAgents) * (step.heapMiB() - meanHeap);
            variance += (step.agents() - meanAgents) * (step.agents() - meanAgents);
        }
        return covariance / variance * 1024;
    }

    private static long[] nanos(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Issue #10's jump round-trip at the largest step, #7's jump and echo at 1,000 and 10,000 agents. */
    private void jumpFigures() {
        if (jumpsAtStep.isEmpty()) {
            figures.add(Figure.notMeasured(
                    "jump round-trip (request → agent acknowledgement)", "ms p99", 25, false, "no step completed"));
            return;
        }
        Jumps largest = jumpsAtStep.values().stream().reduce((a, b) -> b).orElseThrow();
        figures.add(new Figure(
                String.format("jump round-trip (request → agent acknowledgement) with %,d connected", largest.agents()),
                percentile(largest.attach(), 99),
                "ms p99",
                25,
                false,
                String.format(
                        "console terminal socket opened → site's `started` (the agent dialled /agent-session and"
                                + " attached with its token); %d jumps one after the other (after %d warm-up jumps not"
                                + " counted), p50 %.1f ms; failed %s",
                        largest.attach().length, WARM_UP_JUMPS, percentile(largest.attach(), 50), largest.failures())));
        for (int agents : List.of(1_000, 10_000)) {
            Jumps jumps = jumpsAtStep.get(agents);
            String name = String.format("jump click → first shell byte with %,d connected", agents);
            figures.add(
                    jumps == null
                            ? Figure.notMeasured(name, "ms p99", 100, false, "no step of this size in this run")
                            : new Figure(
                                    name,
                                    percentile(jumps.firstByte(), 99),
                                    "ms p99",
                                    100,
                                    false,
                                    String.format(
                                            "console terminal socket opened → first byte of the simulated shell's"
                                                    + " prompt; p50 %.1f ms, %d jumps",
                                            percentile(jumps.firstByte(), 50), jumps.firstByte().length)));
        }
        figures.add(new Figure(
                String.format("keystroke echo round trip through the relay with %,d connected", largest.agents()),
                percentile(largest.echo(), 99),
                "ms p99",
                10,
                false,
                String.format(
                        "browser socket → site → agent's session socket → echoed → site → browser; %,d keystrokes,"
                                + " p50 %.2f ms",
                        largest.echo().length, percentile(largest.echo(), 50))));
    }

    /** Heartbeats per second with zero database writes, timed between two of the node's last-seen flushes. */
    private void heartbeats(BenchSite site, AgentFleet fleet) throws Exception {
        awaitAfterFlush();
        fleet.periodicStatistics(false);
        long writes;
        long commits;
        try (Connection db = site.database()) {
            writes = SiteData.rowWrites(db);
            commits = SiteData.commits(db);
        }
        long cpu = site.serverCpuNanos();
        AgentFleet.Burst burst = fleet.heartbeatBurst(2000, 10, Duration.ofSeconds(19));
        double serverCpuSeconds = (site.serverCpuNanos() - cpu) / 1e9;
        TimeUnit.MILLISECONDS.sleep(1500);
        long written;
        long committed;
        try (Connection db = site.database()) {
            written = SiteData.rowWrites(db) - writes;
            committed = SiteData.commits(db) - commits;
        }
        fleet.periodicStatistics(true);
        say(String.format(
                "heartbeat burst: %,d heartbeats from %,d agents in %.1f s = %,.0f/s; server CPU %.1f s (%.1f µs per"
                        + " heartbeat); rows written %d, commits %d; batch round trip p50 %.1f ms p99 %.1f ms",
                burst.heartbeats(),
                burst.agents(),
                burst.nanos() / 1e9,
                burst.perSecond(),
                serverCpuSeconds,
                serverCpuSeconds * 1e6 / burst.heartbeats(),
                written,
                committed,
                percentile(burst.roundTrips(), 50),
                percentile(burst.roundTrips(), 99)));
        figures.add(new Figure(
                "heartbeats processed per second",
                burst.perSecond(),
                "/s",
                20_000,
                true,
                String.format(
                        "%,d agents × batches of 10 + ping, 19 s between two last-seen flushes; %d rows written during the"
                                + " burst (pg_stat_user_tables)",
                        burst.agents(), written)));
    }

    /**
     * Waits until 5 s after the node's last-seen flush (every 30 s on the clock): the flush has committed and
     * reached the statistics, and a 20 s burst ends before the next one.
     */
    private static void awaitAfterFlush() throws InterruptedException {
        while (Instant.now().getEpochSecond() % 30 != 5) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private void lastSeenFlush(BenchSite site) throws Exception {
        List<UUID> ids;
        try (Connection db = site.database()) {
            ids = SiteData.clientIds(db);
        }
        String body = ids.stream().map(UUID::toString).collect(Collectors.joining("\n"));
        long[] micros = new long[5];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = drive(site.benchDriver().resolve("last-contacts"), body).get("micros");
        }
        Arrays.sort(micros);
        double millis = micros[micros.length / 2] / 1000.0;
        say(String.format(
                "last-seen flush of %,d clients: %s µs (median %.1f ms)", ids.size(), Arrays.toString(micros), millis));
        figures.add(
                new Figure(
                        "last-seen flush of " + String.format("%,d", ids.size()) + " clients",
                        millis,
                        "ms",
                        500,
                        false,
                        "AgentConnections.recordLastHeard (one UPDATE … FROM unnest of the presence rows), median of 5, in the server"));
    }

    private void auditedChanges(BenchSite site, double joinRate) throws Exception {
        auditedChangesPerSecond(site, 5);
        if (PROFILE != null) {
            site.resetStatementCosts();
            site.startRecording(PROFILE.resolve("audit.jfr"));
        }
        AuditedChanges durable = auditedChangesPerSecond(site, 15);
        if (PROFILE != null) {
            site.stopRecording();
            Files.writeString(PROFILE.resolve("audit-statements.tsv"), site.statementCosts());
        }
        site.durableCommits(false);
        AuditedChanges asynchronous = auditedChangesPerSecond(site, 15);
        site.durableCommits(true);
        double floor = auditFloor(site);
        figures.add(new Figure(
                "audited state changes per second",
                durable.perSecond(),
                "/s",
                2_000,
                true,
                String.format(
                        "JumpClients.applyProperties from 8 threads in the server, 15 s after 5 s of warm-up,"
                                + " commits on disk; CPU per change %.2f ms in WildFly + %.2f ms in PostgreSQL; every"
                                + " row sealed into the hash chain %.1f s after the last commit; %.0f/s with"
                                + " synchronous_commit off; agents joining (register + first connect) reached %.0f/s",
                        durable.cpuMillisPerChange(),
                        durable.databaseCpuMillisPerChange(),
                        durable.sealedAfterSeconds(),
                        asynchronous.perSecond(),
                        joinRate)));
        figures.add(new Figure(
                "audited state changes per second, PostgreSQL alone (the baseline)",
                floor,
                "/s",
                2_000,
                true,
                String.format(
                        "the same statements per change (lock, group, user, tag update, audit insert, commit) by"
                                + " plain JDBC from 8 threads, WildFly idle, 15 s, commits on disk; the server reached"
                                + " %.0f %% of it",
                        100 * durable.perSecond() / floor)));
    }

    /**
     * The console's search over generated clients ({@link SearchBenchmark}), in a second embedded PostgreSQL
     * once the site has stopped: the figure is the slowest query's p95.
     */
    private void search() throws Exception {
        int clients = Integer.getInteger("jumpdesk.bench.search.clients", 1_000_000);
        say(String.format("search: generating %,d clients in a second embedded PostgreSQL", clients));
        SearchBenchmark.Slowest slowest = SearchBenchmark.run(new int[] {clients}, line -> say("search: " + line));
        figures.add(new Figure(
                String.format("search + first page over %,d clients", clients),
                slowest.p95Millis(),
                "ms p95",
                50,
                false,
                String.format(
                        "the slowest of the 10 queries of SearchBenchmark (%s), each 60 times after 5 unmeasured:"
                                + " the console's SQL and bindings (JumpClientSearch), generated clients and"
                                + " presence rows, the site stopped; every query's line is in the log",
                        slowest.query())));
    }

    /** The audited changes' baseline: PostgreSQL alone with the same statements ({@link AuditFloor}). */
    private double auditFloor(BenchSite site) throws Exception {
        List<UUID> ids;
        try (Connection db = site.database()) {
            ids = SiteData.clientIds(db);
        }
        CoreShares start = CoreShares.now(site);
        AuditFloor.Run run = AuditFloor.run(site, ids, 8, 15);
        CoreShares end = CoreShares.now(site);
        double databaseCpuPerChange = end.databaseSince(start) / 1e6 / Math.max(1, run.changes());
        say(String.format(
                "audited changes, PostgreSQL alone (15 s, plain JDBC, 8 threads): %.0f/s, CPU %.2f ms per change in"
                        + " PostgreSQL; of the machine's cores: %s",
                run.perSecond(), databaseCpuPerChange, end.since(start)));
        return run.perSecond();
    }

    /** One run of audited changes: the rate, the server's CPU per change, and how long sealing lagged. */
    private record AuditedChanges(
            double perSecond,
            double cpuMillisPerChange,
            double databaseCpuMillisPerChange,
            double sealedAfterSeconds) {}

    private AuditedChanges auditedChangesPerSecond(BenchSite site, int seconds) throws Exception {
        List<UUID> ids;
        long auditBefore;
        try (Connection db = site.database()) {
            ids = SiteData.clientIds(db);
            auditBefore = SiteData.auditEvents(db);
        }
        String body = ids.stream().map(UUID::toString).collect(Collectors.joining("\n"));
        CoreShares start = CoreShares.now(site);
        Map<String, Long> result = drive(
                site.benchDriver()
                        .resolve("audited-changes?actor=" + SiteData.REPRESENTATIVE + "&group=" + SiteData.GROUP
                                + "&threads=8&seconds=" + seconds),
                body);
        CoreShares end = CoreShares.now(site);
        long ended = end.nanos();
        double serverCpuSeconds = end.serverSince(start) / 1e9;
        double databaseCpuSeconds = end.databaseSince(start) / 1e9;
        long unsealedAtEnd;
        try (Connection db = site.database()) {
            unsealedAtEnd = SiteData.unsealedAuditEvents(db);
            while (SiteData.unsealedAuditEvents(db) > 0 && System.nanoTime() - ended < TimeUnit.MINUTES.toNanos(1)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        double sealedAfter = (System.nanoTime() - ended) / 1e9;
        long audited = audit(site) - auditBefore;
        double perSecond = result.get("changes") * 1000.0 / result.get("millis");
        double cpuPerChange = serverCpuSeconds * 1000 / Math.max(1, result.get("changes"));
        double databaseCpuPerChange = databaseCpuSeconds * 1000 / Math.max(1, result.get("changes"));
        say(String.format(
                "audited changes (%d s): %s, %,d audit rows written, %.0f/s; CPU %.1f s in WildFly (%.2f ms per change),"
                        + " %.1f s in PostgreSQL (%.2f ms per change); %,d rows unsealed at the end, all sealed %.2f s"
                        + " later; of the machine's cores: %s",
                seconds,
                result,
                audited,
                perSecond,
                serverCpuSeconds,
                cpuPerChange,
                databaseCpuSeconds,
                databaseCpuPerChange,
                unsealedAtEnd,
                sealedAfter,
                end.since(start)));
        return new AuditedChanges(perSecond, cpuPerChange, databaseCpuPerChange, sealedAfter);
    }

    private void reconnectStorm(BenchSite site, AgentFleet fleet, int held) throws Exception {
        long clientsBefore;
        long[] clientUpdatesBefore;
        // The database's counters of the phases before, reported by now (see clientRowUpdates).
        TimeUnit.SECONDS.sleep(STATISTICS_SETTLE_SECONDS);
        try (Connection db = site.database()) {
            clientsBefore = SiteData.registeredClients(db);
            clientUpdatesBefore = SiteData.clientRowUpdates(db);
        }
        int registrationsBefore = fleet.registrations();
        long welcomesBefore = fleet.welcomes();
        long stopping = System.nanoTime();
        Map<Integer, Long> closesBefore = fleet.closeCodes();
        site.stopServer();
        double down = (System.nanoTime() - stopping) / 1e9;
        Map<Integer, Long> closesAtStop = new TreeMap<>();
        fleet.closeCodes().forEach((code, count) -> {
            long added = count - closesBefore.getOrDefault(code, 0L);
            if (added > 0) {
                closesAtStop.put(code, added);
            }
        });
        say("reconnect storm: the stop closed connections with " + closesAtStop);
        long starting = System.nanoTime();
        Duration boot;
        try {
            boot = site.startServer();
        } catch (IllegalStateException failed) {
            say("reconnect storm: the site did not come back (" + failed.getMessage() + "); agents connected "
                    + fleet.connected() + ", closes " + fleet.closeCodes());
            figures.add(new Figure(
                    "reconnect storm: all agents back after a restart, no duplicates",
                    Double.POSITIVE_INFINITY,
                    "s",
                    30,
                    false,
                    String.format("%,d agents: the restarted site did not finish deploying (see the log)", held)));
            return;
        }
        long ready = System.nanoTime();
        if (PROFILE != null) {
            site.startRecording(PROFILE.resolve("storm.jfr"));
        }
        CoreShares atReady = CoreShares.now(site);
        int connectedAtReady = fleet.connected();
        long retriesAtReady = fleet.restartRetries();
        // How many are back after each 5 s, to show the tail.
        List<String> progress = new ArrayList<>();
        boolean all = false;
        for (int seconds = 5; seconds <= 300 && !all; seconds += 5) {
            all = fleet.awaitConnected(
                    held, Duration.ofNanos(ready + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime()));
            progress.add(String.format("%d s: %,d", seconds, fleet.connected()));
        }
        long back = System.nanoTime();
        if (PROFILE != null) {
            site.stopRecording();
        }
        CoreShares atEnd = CoreShares.now(site);
        int returned = Math.max(1, held - connectedAtReady);
        double cpuPerReconnect = atEnd.serverSince(atReady) / 1e6 / returned;
        double databaseCpuPerReconnect = atEnd.databaseSince(atReady) / 1e6 / returned;
        String machine = String.format(
                "of the machine's cores over the storm: %s; with every core to the site, %,d agents at that CPU"
                        + " would take %.1f s",
                atEnd.since(atReady),
                held,
                (cpuPerReconnect + databaseCpuPerReconnect)
                        * held
                        / 1e3
                        / Runtime.getRuntime().availableProcessors());
        say("reconnect storm: " + machine);
        say(String.format(
                "reconnect storm: %,d agents connected when the site answered (queued during the boot); back after %s;"
                        + " CPU per agent back %.2f ms in WildFly + %.2f ms in PostgreSQL; %,d attempts on the restart"
                        + " schedule during the boot, %,d after",
                connectedAtReady,
                progress,
                cpuPerReconnect,
                databaseCpuPerReconnect,
                retriesAtReady,
                fleet.restartRetries() - retriesAtReady));
        long clientsAfter;
        long[] clientUpdates;
        TimeUnit.SECONDS.sleep(STATISTICS_SETTLE_SECONDS);
        try (Connection db = site.database()) {
            clientsAfter = SiteData.registeredClients(db);
            clientUpdates = SiteData.clientRowUpdates(db);
        }
        String clientRows = String.format(
                "Jump Client rows written over the stop, the storm and %d s after: %,d, of them %,d heap-only",
                STATISTICS_SETTLE_SECONDS,
                clientUpdates[0] - clientUpdatesBefore[0],
                clientUpdates[1] - clientUpdatesBefore[1]);
        say("reconnect storm: " + clientRows);
        double fromReady = (back - ready) / 1e9;
        double fromStart = (back - starting) / 1e9;
        long heap = site.heapAfterFullGc();
        int duplicates = fleet.registrations() - registrationsBefore;
        say(String.format(
                "reconnect storm: stop took %.1f s, boot %.1f s; %,d of %,d agents back %.1f s after the site was ready"
                        + " (%.1f s after start); %d new registrations, clients %,d → %,d; %,d welcomes; heap %.1f MiB;"
                        + " closes %s",
                down,
                boot.toMillis() / 1e3,
                fleet.connected(),
                held,
                fromReady,
                fromStart,
                duplicates,
                clientsBefore,
                clientsAfter,
                fleet.welcomes() - welcomesBefore,
                mib(heap),
                fleet.closeCodes()));
        figures.add(new Figure(
                "reconnect storm: all agents back after a restart, no duplicates",
                all && duplicates == 0 && clientsAfter == clientsBefore ? fromReady : Double.POSITIVE_INFINITY,
                "s",
                30,
                false,
                String.format(
                        "%,d agents, from the site answering again; %.1f s from its start; %d re-registrations;"
                                + " closed with %s when the stop returned, agents retry every 1–3 s for 3 min after"
                                + " 1001/1012 (waiting up to 60 s for each handshake), the site admits 5,000/s (the"
                                + " default) with 400 hellos in flight and the rest waiting in line; %s; %s",
                        held, fromStart, duplicates, closesAtStop, machine, clientRows)));
    }

    /** What each connection adds to the server heap, by class: the histogram's growth divided by the agents. */
    private static String perConnection(Map<String, long[]> idle, Map<String, long[]> loaded, int agents) {
        StringBuilder table = new StringBuilder(
                "| class | instances per connection | bytes per connection |\n" + "| --- | --- | --- |\n");
        loaded.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                    e.getValue()[0] - idle.getOrDefault(e.getKey(), new long[2])[0],
                    e.getValue()[1] - idle.getOrDefault(e.getKey(), new long[2])[1]
                }))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .filter(new Predicate<Map.Entry<String, long[]>>() {
                    private int rank;

                    /** The 30 largest, and JumpDesk's own classes that grew, wherever they rank. */
                    @Override
                    public boolean test(Map.Entry<String, long[]> entry) {
                        return rank++ < 30 || entry.getKey().startsWith("org.jumpdesk") && entry.getValue()[1] != 0;
                    }
                })
                .forEach(e -> table.append(String.format(
                        "| `%s` | %.2f | %.0f |%n",
                        e.getKey(), e.getValue()[0] / (double) agents, e.getValue()[1] / (double) agents)));
        return table.toString();
    }

    private static Map<String, Long> drive(URI uri, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofMinutes(2))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher matcher = NUMBER.matcher(response.body());
        while (matcher.find()) {
            values.put(matcher.group(1), Long.valueOf(matcher.group(2)));
        }
        return values;
    }

    /** The endpoints the server answers on; the server listens on 0.0.0.0, so every loopback address. */
    private List<URI> reachable(List<URI> endpoints) {
        List<URI> reachable = new ArrayList<>();
        for (URI endpoint : endpoints) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2000);
                reachable.add(endpoint);
            } catch (IOException e) {
                say("not listening on " + endpoint + ": " + e.getMessage());
            }
        }
        say("agents connect to " + reachable);
        return reachable;
    }

    private static long audit(BenchSite site) throws Exception {
        try (Connection db = site.database()) {
            return SiteData.auditEvents(db);
        }
    }

    private void report(Instant began, Path output, Path plot) throws IOException {
        String date = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                began.atOffset(ZoneOffset.UTC).withNano(0));
        Plot.write(points, "JumpDesk, one WildFly node, " + date + " UTC", plot);
        StringBuilder table = new StringBuilder(Figure.header()).append('\n');
        figures.forEach(f -> table.append(f.row()).append('\n'));
        StringBuilder steps =
                new StringBuilder("| agents | heap after full GC (MiB) | heartbeat p50 (ms) | p99 (ms) |\n"
                        + "| --- | --- | --- | --- |\n");
        points.forEach(p -> steps.append(String.format(
                "| %,d | %.1f | %.2f | %.2f |%n",
                p.agents(), p.heapMiB(), p.latencyP50Millis(), p.latencyP99Millis())));
        String results = "Run of " + date + " UTC on " + Runtime.getRuntime().availableProcessors() + " cores\n\n"
                + table + "\n" + steps + "\nLog:\n\n```\n" + String.join("\n", log) + "\n```\n";
        Files.writeString(output.resolve("results.md"), results, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(results);
        System.out.println("Plot: " + plot.toAbsolutePath());
    }

    private void say(String line) {
        String stamped = Instant.now().toString().substring(11, 19) + " " + line;
        log.add(stamped);
        System.out.println(stamped);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** The p-th percentile of round trips given in nanoseconds, in milliseconds. */
    static double percentile(long[] nanos, int p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}

package org.jumpdesk.bench;

import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs every benchmark against one site and prints the result table (Markdown), also written to
 * {@code results.md} in the output directory with the plot. Settings are system properties:
 * {@code jumpdesk.bench.server} (provisioned WildFly), {@code jumpdesk.bench.ear}, {@code
 * jumpdesk.bench.port-offset}, {@code jumpdesk.bench.steps} (agents held at each step, e.g.
 * {@code 1000,5000,10000,19000}), {@code jumpdesk.bench.output}, {@code jumpdesk.bench.plot}.
 */
public final class Benchmark {

    /** Loopback addresses the agents connect to, to spread their connections. */
    private static final int LOOPBACK_ADDRESSES = 4;

    private static final int HANDSHAKES_IN_FLIGHT = 200;
    /** The embedded PostgreSQL narrates its start-up at INFO; held here so the level sticks. */
    private static final java.util.logging.Logger EMBEDDED_DATABASE_LOG =
            java.util.logging.Logger.getLogger("io.zonky");

    private static final Pattern NUMBER = Pattern.compile("(\\w+)=(\\d+)");

    private final List<String> log = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Plot.Point> points = new ArrayList<>();

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        EMBEDDED_DATABASE_LOG.setLevel(java.util.logging.Level.WARNING);
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
        Path output = Path.of(System.getProperty("jumpdesk.bench.output", "target/bench"));
        Path plot = Path.of(System.getProperty(
                "jumpdesk.bench.plot", output.resolve("performance.png").toString()));
        Path work = output.resolve("work");
        Files.createDirectories(work);
        Instant began = Instant.now();
        say("JumpDesk benchmark, " + began + ", " + Runtime.getRuntime().availableProcessors() + " cores, steps "
                + steps);

        Path benchEar = BenchEar.write(ear, work.resolve("jumpdesk-bench.ear"));
        try (BenchSite site = BenchSite.start(work, server, benchEar, offset)) {
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
            try (AgentFleet fleet = new AgentFleet(endpoints, installerKey)) {
                double perConnection = Double.NaN;
                double joinRate = Double.NaN;
                for (int step : steps) {
                    long before = System.nanoTime();
                    long auditBefore = audit(site);
                    long cpuBefore = site.serverCpuNanos();
                    int joining = step - fleet.size();
                    if (!fleet.grow(step, HANDSHAKES_IN_FLIGHT, Duration.ofMinutes(15))) {
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
                figures.add(new Figure(
                        "heap per idle connection",
                        perConnection / 1024,
                        "KiB",
                        10,
                        false,
                        "(heap after full GC at " + String.format("%,d", held) + " − with none) ÷ agents"));
                heartbeats(site, fleet);
                lastSeenFlush(site);
                auditedChanges(site, joinRate);
                reconnectStorm(site, fleet, held);
            }
        } catch (Exception e) {
            say("the run stopped early: " + e);
            report(began, output, plot);
            throw e;
        }
        figures.add(Figure.notMeasured(
                "jump round-trip (request → agent acknowledgement) with 19,000 connected",
                "ms p99",
                25,
                false,
                "needs #7 (sessions): no jump request in the protocol yet"));
        figures.add(Figure.notMeasured(
                "search + first page over 1,000,000 clients", "ms p95", 50, false, "needs #6 (console search)"));
        report(began, output, plot);
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
        figures.add(new Figure(
                "last-seen flush of " + String.format("%,d", ids.size()) + " clients",
                millis,
                "ms",
                500,
                false,
                "JumpClients.recordLastContacts (one UPDATE … FROM unnest), median of 5, in the server"));
    }

    private void auditedChanges(BenchSite site, double joinRate) throws Exception {
        double durable = auditedChangesPerSecond(site);
        site.durableCommits(false);
        double asynchronous = auditedChangesPerSecond(site);
        site.durableCommits(true);
        figures.add(new Figure(
                "audited state changes per second",
                durable,
                "/s",
                2_000,
                true,
                String.format(
                        "JumpClients.changeProperties from 8 threads in the server, 15 s, commits on disk; %.0f/s with"
                                + " synchronous_commit off (the disk's share); agents joining (register + first"
                                + " connect) reached %.0f/s",
                        asynchronous, joinRate)));
    }

    private double auditedChangesPerSecond(BenchSite site) throws Exception {
        List<UUID> ids;
        long auditBefore;
        try (Connection db = site.database()) {
            ids = SiteData.clientIds(db);
            auditBefore = SiteData.auditEvents(db);
        }
        String body = ids.stream().map(UUID::toString).collect(Collectors.joining("\n"));
        long cpu = site.serverCpuNanos();
        Map<String, Long> result = drive(
                site.benchDriver()
                        .resolve("audited-changes?actor=" + SiteData.REPRESENTATIVE + "&group=" + SiteData.GROUP
                                + "&threads=8&seconds=15"),
                body);
        double serverCpuSeconds = (site.serverCpuNanos() - cpu) / 1e9;
        long audited = audit(site) - auditBefore;
        double perSecond = result.get("changes") * 1000.0 / result.get("millis");
        say(String.format(
                "audited changes: %s, %,d audit rows written, %.0f/s; server CPU %.1f s",
                result, audited, perSecond, serverCpuSeconds));
        return perSecond;
    }

    private void reconnectStorm(BenchSite site, AgentFleet fleet, int held) throws Exception {
        long clientsBefore;
        try (Connection db = site.database()) {
            clientsBefore = SiteData.registeredClients(db);
        }
        int registrationsBefore = fleet.registrations();
        long welcomesBefore = fleet.welcomes();
        long stopping = System.nanoTime();
        site.stopServer();
        double down = (System.nanoTime() - stopping) / 1e9;
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
        boolean all = fleet.awaitConnected(held, Duration.ofMinutes(5));
        long back = System.nanoTime();
        long clientsAfter;
        try (Connection db = site.database()) {
            clientsAfter = SiteData.registeredClients(db);
        }
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
                                + " agents back off 1 s doubling to 60 s with full jitter, site admits 1,000/s",
                        held, fromStart, duplicates)));
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
                .filter(new java.util.function.Predicate<Map.Entry<String, long[]>>() {
                    private int rank;

                    /** The 30 largest, and JumpDesk's own classes wherever they rank. */
                    @Override
                    public boolean test(Map.Entry<String, long[]> entry) {
                        return rank++ < 30 || entry.getKey().startsWith("org.jumpdesk");
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

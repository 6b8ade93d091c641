package org.jumpdesk.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jumpdesk.launcher.WildFlyProcess;

/**
 * The site under load: an embedded PostgreSQL (with {@code synchronous_commit} on, as a production
 * server has it) and the provisioned WildFly running the benchmark EAR, listening on every loopback
 * address. Also reads the server's own figures: heap after a full collection, CPU time, class histogram.
 */
final class BenchSite implements AutoCloseable {

    /** WildFly took up to 7 minutes to deploy on the shared build machine under load. */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(15);

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final Path work;
    private final Path server;
    private final Path ear;
    private final int portOffset;
    private final EmbeddedPostgres postgres;
    private WildFlyProcess wildfly;
    private long pid;
    private int starts;
    private boolean closed;

    private BenchSite(Path work, Path server, Path ear, int portOffset, EmbeddedPostgres postgres) {
        this.work = work;
        this.server = server;
        this.ear = ear;
        this.portOffset = portOffset;
        this.postgres = postgres;
    }

    /** Starts the database with an empty schema; {@link #startServer} then migrates it. */
    static BenchSite start(Path work, Path server, Path ear, int portOffset, boolean countStatements)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (countStatements) {
            // What statements a phase runs and what each costs (statementCosts); only when profiling.
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            // And which statements were slow, beside the database's own work (postgres-log/*.log).
            builder.setServerConfig("logging_collector", "on")
                    .setServerConfig(
                            "log_directory",
                            work.resolve("postgres-log").toAbsolutePath().toString())
                    .setServerConfig("log_min_duration_statement", "20")
                    .setServerConfig("log_autovacuum_min_duration", "0")
                    .setServerConfig("log_checkpoints", "on");
        }
        EmbeddedPostgres postgres = builder.setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setPort(freePort())
                // The embedded server's defaults (fsync off, synchronous_commit off) lose commits in a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        return new BenchSite(work, server, ear, portOffset, postgres);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Whether a commit waits until its WAL is on disk (PostgreSQL's default, and the figures' setting), or
     * returns before, risking the last commits in a crash: a baseline that shows what the disk costs.
     */
    void durableCommits(boolean durable) throws SQLException {
        try (Connection connection = database();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SYSTEM SET synchronous_commit = " + (durable ? "on" : "off"));
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /** Forgets the statements counted so far (the site must have been started with them counted). */
    void resetStatementCosts() throws SQLException {
        try (Connection connection = database();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements run since {@link #resetStatementCosts}, the costliest first: calls, rows, time. */
    String statementCosts() throws SQLException {
        StringBuilder costs = new StringBuilder("calls\trows\ttotal ms\tmean ms\tstatement\n");
        try (Connection connection = database();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT calls, rows, total_exec_time, mean_exec_time,"
                        + " regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements"
                        + " ORDER BY total_exec_time DESC LIMIT 40")) {
            while (rows.next()) {
                costs.append(String.format(
                        "%d\t%d\t%.1f\t%.3f\t%s%n",
                        rows.getLong(1), rows.getLong(2), rows.getDouble(3), rows.getDouble(4), rows.getString(5)));
            }
        }
        return costs.toString();
    }

    Connection database() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** Starts WildFly and waits until the application answers. */
    Duration startServer() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path base = work.resolve("wildfly-" + ++starts);
        wildfly = WildFlyProcess.start(
                server,
                ear,
                base,
                Map.of(
                        "JUMPDESK_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                        "JUMPDESK_DB_USER", "postgres",
                        "JUMPDESK_DB_PASSWORD", "postgres",
                        "JUMPDESK_NODE_ID", "bench",
                        "JUMPDESK_INITIAL_ADMIN_PASSWORD", UUID.randomUUID().toString()),
                List.of("-b", "0.0.0.0", "-Djboss.socket.binding.port-offset=" + portOffset));
        if (!wildfly.awaitReady(URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/login.xhtml"), BOOT_TIMEOUT)) {
            throw new IllegalStateException("the site did not start; see " + wildfly.log());
        }
        pid = serverPid(base);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops WildFly as an operator would (SIGTERM, a clean shutdown). */
    synchronized void stopServer() throws InterruptedException {
        if (wildfly != null) {
            wildfly.stop();
            wildfly = null;
        }
    }

    Path serverLog() {
        return wildfly.log();
    }

    /** The agent endpoint on each of the first {@code count} loopback addresses. */
    List<URI> agentEndpoints(int count) {
        List<URI> endpoints = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            endpoints.add(URI.create("ws://127.0.0." + i + ":" + (8080 + portOffset) + "/agent"));
        }
        return endpoints;
    }

    /** The console, where representatives log in and jump. */
    URI console() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/");
    }

    URI benchDriver() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/jumpdesk-bench/");
    }

    /** The WildFly JVM (not its start script): the java process started with our base directory. */
    private static long serverPid(Path base) {
        String marker = "-Djboss.server.base.dir=" + base;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> List.of(a).contains(marker))
                        .orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no WildFly JVM with " + marker));
    }

    /** Live heap of the server after two full collections, in bytes. */
    long heapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd GC.heap_info");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Bytes and instances on the server heap by class, as {@code jcmd GC.class_histogram} counts them. */
    Map<String, long[]> classHistogram() throws IOException, InterruptedException {
        Map<String, long[]> classes = new HashMap<>();
        Matcher line = HISTOGRAM_LINE.matcher(jcmd("GC.class_histogram"));
        while (line.find()) {
            classes.put(line.group(3), new long[] {Long.parseLong(line.group(1)), Long.parseLong(line.group(2))});
        }
        return classes;
    }

    /** CPU time the server has used so far (user + system), in nanoseconds. */
    long serverCpuNanos() throws IOException {
        return cpuNanos(pid, false);
    }

    /**
     * CPU time PostgreSQL has used so far: the postmaster and its live backends, and the backends that
     * already exited (counted in the postmaster's children's time), in nanoseconds.
     */
    long databaseCpuNanos() throws IOException {
        String marker = work.resolve("postgres").toString();
        ProcessHandle postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> List.of(a).contains(marker))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no postmaster for " + marker));
        long nanos = cpuNanos(postmaster.pid(), true);
        for (ProcessHandle backend : postmaster.children().toList()) {
            try {
                nanos += cpuNanos(backend.pid(), false);
            } catch (IOException gone) {
                // exited meanwhile: its time went to the postmaster's children's time
            }
        }
        return nanos;
    }

    /** User + system time of the benchmark's own JVM: the simulated agents. */
    static long agentsCpuNanos() throws IOException {
        return cpuNanos(ProcessHandle.current().pid(), false);
    }

    /** Idle time of the whole machine (all cores, with time waiting for the disk) from /proc/stat. */
    static long machineIdleNanos() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return TimeUnit.MILLISECONDS.toNanos((Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])) * 10);
    }

    /** User + system time of one process from /proc, with its waited-for children's when asked. */
    private static long cpuNanos(long process, boolean withChildren) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return TimeUnit.MILLISECONDS.toNanos(ticks * 10);
    }

    /**
     * The server's collections so far ({@code jstat -gc}): young, full and concurrent collections and the
     * milliseconds spent in each ({@code YGC}, {@code YGCT ms}, …).
     */
    Map<String, Double> gcCounters() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jstat", "-gc", Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        String[] lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .trim()
                .split("\n");
        process.waitFor();
        Map<String, Double> counters = new LinkedHashMap<>();
        if (lines.length < 2) {
            return counters;
        }
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        for (int i = 0; i < Math.min(names.length, values.length); i++) {
            if (names[i].matches("[YFC]GCT?") && !values[i].equals("-")) {
                double value = Double.parseDouble(values[i]);
                counters.put(
                        names[i].endsWith("T") ? names[i] + " ms" : names[i],
                        names[i].endsWith("T") ? value * 1000 : value);
            }
        }
        return counters;
    }

    /** Starts a Flight Recording of the server (JFR's "profile" settings: stacks sampled every 10 ms). */
    void startRecording(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    void stopRecording() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench");
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        stopServer();
        if (!closed) {
            closed = true;
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package org.jumpdesk.bench;

import java.io.IOException;

/**
 * Where the machine's cores went over a measured span: WildFly, PostgreSQL, the benchmark's own JVM (the
 * simulated agents, and during a baseline its JDBC client) and idle. The simulated agents share the cores
 * with the site here, which 19,000 real machines would not, so a figure is read beside these shares.
 */
record CoreShares(long nanos, long server, long database, long benchmark, long idle) {

    /** The counters now; {@link #since} gives the shares from here. */
    static CoreShares now(BenchSite site) throws IOException {
        return new CoreShares(
                System.nanoTime(),
                site.serverCpuNanos(),
                site.databaseCpuNanos(),
                BenchSite.agentsCpuNanos(),
                BenchSite.machineIdleNanos());
    }

    /** CPU WildFly used since {@code start}, in nanoseconds. */
    long serverSince(CoreShares start) {
        return server - start.server;
    }

    /** CPU PostgreSQL used since {@code start}, in nanoseconds. */
    long databaseSince(CoreShares start) {
        return database - start.database;
    }

    /** "WildFly 41 %, PostgreSQL 30 %, the benchmark's JVM 20 %, idle 9 %" of all cores since {@code start}. */
    String since(CoreShares start) {
        double cores = (double) (nanos - start.nanos) * Runtime.getRuntime().availableProcessors();
        return String.format(
                "WildFly %.0f %%, PostgreSQL %.0f %%, the benchmark's JVM %.0f %%, idle %.0f %%",
                100 * serverSince(start) / cores,
                100 * databaseSince(start) / cores,
                100 * (benchmark - start.benchmark) / cores,
                100 * (idle - start.idle) / cores);
    }
}

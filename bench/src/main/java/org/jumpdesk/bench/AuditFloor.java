package org.jumpdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline of the audited changes: what PostgreSQL alone does with the statements of one audited tag
 * change, sent by plain JDBC from the benchmark's JVM with WildFly out of the path. Per transaction, as the
 * server's use case sends them (see {@code audit-statements.tsv} of a profiled run): the client row locked,
 * the group and the representative read (the server's role query is one larger statement), the tag
 * updated with the row version, the audit row inserted, the commit. The server can be no faster than this
 * on the same database, so it tells what of the target the database itself leaves.
 */
final class AuditFloor {

    private static final String LOCK = "SELECT * FROM jump_client WHERE id = ? FOR UPDATE";
    private static final String GROUP = "SELECT id, created_at, name, owner_id FROM jump_group WHERE id = ?";
    private static final String USER = "SELECT id FROM console_user WHERE username = ?";
    private static final String UPDATE =
            "UPDATE jump_client SET tag = ?, row_version = row_version + 1 WHERE id = ? AND row_version = ?";
    private static final String AUDIT = "INSERT INTO audit_event (occurred_at, actor, action, target, outcome, detail)"
            + " VALUES (?, ?, 'jump-client.properties', ?, 'SUCCESS', ?)";

    private AuditFloor() {}

    /** Changes committed over the run's time. */
    record Run(long changes, double seconds) {
        double perSecond() {
            return changes / seconds;
        }
    }

    /** Changes for {@code seconds} from {@code threads} connections, each with its share of the clients. */
    static Run run(BenchSite site, List<UUID> clients, int threads, int seconds) throws Exception {
        LongAdder changes = new LongAdder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int first = t;
                workers.add(pool.submit(() -> {
                    try (Connection db = site.database()) {
                        change(db, clients, first, threads, deadline, changes);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return new Run(changes.sum(), (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void change(Connection db, List<UUID> clients, int first, int step, long deadline, LongAdder changes)
            throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement lock = db.prepareStatement(LOCK);
                PreparedStatement group = db.prepareStatement(GROUP);
                PreparedStatement user = db.prepareStatement(USER);
                PreparedStatement update = db.prepareStatement(UPDATE);
                PreparedStatement audit = db.prepareStatement(AUDIT)) {
            for (int i = first; System.nanoTime() < deadline; i += step) {
                UUID client = clients.get(i % clients.size());
                lock.setObject(1, client);
                long groupId;
                long version;
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    groupId = row.getLong("jump_group_id");
                    version = row.getLong("row_version");
                }
                group.setLong(1, groupId);
                group.executeQuery().close();
                user.setString(1, SiteData.REPRESENTATIVE);
                user.executeQuery().close();
                String tag = "floor-" + (i % 997);
                update.setString(1, tag);
                update.setObject(2, client);
                update.setLong(3, version);
                update.executeUpdate();
                audit.setTimestamp(1, Timestamp.from(Instant.now()));
                audit.setString(2, SiteData.REPRESENTATIVE);
                audit.setString(3, client.toString());
                audit.setString(4, "tag " + tag);
                audit.executeUpdate();
                db.commit();
                changes.increment();
            }
        }
    }
}

package org.jumpdesk.systemtests;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/** Plain JDBC for tests that read or prepare the database around the use cases. */
final class Statements {

    private Statements() {}

    /** Binds the parameters in order and returns the statement. */
    static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** A query that answers one number. */
    @FunctionalInterface
    interface Count {
        long run() throws SQLException;
    }

    /**
     * Runs the count until it reaches at least {@code expected} or ten seconds pass, and returns the last
     * count. For what the site writes asynchronously, like the audit rows of refusals.
     */
    static long eventuallyAtLeast(long expected, Count count) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long counted = count.run();
        while (counted < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            counted = count.run();
        }
        return counted;
    }

    /** Runs a query that answers one number. */
    static long count(PreparedStatement statement, Object... parameters) throws SQLException {
        try (ResultSet result = bind(statement, parameters).executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}

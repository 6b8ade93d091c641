package org.jumpdesk.systemtests;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** Runs a query that answers one number. */
    static long count(PreparedStatement statement, Object... parameters) throws SQLException {
        try (ResultSet result = bind(statement, parameters).executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}

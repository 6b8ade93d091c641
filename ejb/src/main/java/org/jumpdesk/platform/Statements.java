package org.jumpdesk.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Plain JDBC for the hot paths that skip the entity manager (a hello, a statistics report). */
public final class Statements {

    private Statements() {}

    /**
     * Runs one statement with its parameters in order on the transaction's connection.
     *
     * @return the rows it changed
     */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}

package org.jumpdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The path a machine without PostgreSQL takes: embedded server, the real migrations, data that persists. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void migratesTheSchemaAndKeepsDataAcrossRestarts() throws Exception {
        int port = freePort();
        String url;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port)) {
            url = database.createDatabaseIfMissing("jumpdesk_it");
            var result = Flyway.configure()
                    .dataSource(url, EmbeddedDatabase.USER, "")
                    .load()
                    .migrate();
            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isPositive();
            execute(url, "INSERT INTO console_user (username, password_hash) VALUES ('kept', 'x')");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port)) {
            assertThat(database.createDatabaseIfMissing("jumpdesk_it")).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT username FROM console_user")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
            }
            assertThat(Flyway.configure()
                            .dataSource(url, EmbeddedDatabase.USER, "")
                            .load()
                            .migrate()
                            .migrationsExecuted)
                    .isZero();
        }
    }

    @Test
    void refusesADatabaseNameThatWouldNeedQuoting() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, freePort())) {
            assertThatThrownBy(() -> database.createDatabaseIfMissing("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("database name");
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.jumpdesk.systemtests;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.jumpdesk.users.control.PasswordHashing;

/** Where the site under test listens and how a test gets its own data into it. */
final class TestSite {

    private TestSite() {}

    static int portOffset() {
        return Integer.parseInt(System.getProperty("jumpdesk.test.port-offset", "0"));
    }

    /** The site's base URL over plain HTTP, e.g. {@code http://localhost:8180/}. */
    static URI httpUrl() {
        return URI.create("http://localhost:" + (8080 + portOffset()) + "/");
    }

    /** The agent endpoint over plain WebSocket. */
    static URI agentUrl() {
        return URI.create("ws://localhost:" + (8080 + portOffset()) + "/agent");
    }

    /**
     * Creates a representative with a unique name directly in the site's database.
     *
     * @return the username
     */
    static String createRepresentative(String password) throws SQLException {
        String username = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = DriverManager.getConnection(
                        System.getenv("JUMPDESK_DB_URL"),
                        System.getenv().getOrDefault("JUMPDESK_DB_USER", "jumpdesk"),
                        System.getenv().getOrDefault("JUMPDESK_DB_PASSWORD", "jumpdesk"));
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO console_user (username, password_hash, administrator) VALUES (?, ?, FALSE)")) {
            insert.setString(1, username);
            insert.setString(2, PasswordHashing.hash(password.toCharArray()));
            insert.executeUpdate();
        }
        return username;
    }
}

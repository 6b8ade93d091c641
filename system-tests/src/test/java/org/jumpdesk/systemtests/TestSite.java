package org.jumpdesk.systemtests;

import java.net.URI;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jumpdesk.installers.control.InstallerKeys;
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

    /** The agent endpoint over TLS. */
    static URI secureAgentUrl() {
        return URI.create("wss://localhost:" + (8443 + portOffset()) + "/agent");
    }

    /** SHA-256 of the certificate the site presents, read as an administrator would read it off the site. */
    static String certificateFingerprint() throws Exception {
        SSLContext trustingAll = SSLContext.getInstance("TLS");
        trustingAll.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        try (SSLSocket socket =
                (SSLSocket) trustingAll.getSocketFactory().createSocket("localhost", 8443 + portOffset())) {
            socket.startHandshake();
            byte[] certificate = socket.getSession().getPeerCertificates()[0].getEncoded();
            return HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
        }
    }

    /** The agent endpoint over plain WebSocket. */
    static URI agentUrl() {
        return URI.create("ws://localhost:" + (8080 + portOffset()) + "/agent");
    }

    /**
     * Creates a representative with a unique name, and their personal Jump Group, directly in the site's
     * database (black-box tests have no use case to call).
     *
     * @return the username
     */
    static String createRepresentative(String password) throws SQLException {
        String username = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database()) {
            update(
                    connection,
                    "INSERT INTO console_user (username, password_hash) VALUES (?, ?)",
                    username,
                    PasswordHashing.hash(password.toCharArray()));
            update(
                    connection,
                    "INSERT INTO jump_group (name, owner_id) SELECT ?, id FROM console_user WHERE username = ?",
                    "user:" + username,
                    username);
        }
        return username;
    }

    /**
     * Creates an installer for a Jump Group, valid for an hour, and room in the license for its clients.
     *
     * @return the installer key
     */
    static String createInstaller(String jumpGroup) throws SQLException {
        String key = InstallerKeys.newKey();
        try (Connection connection = database()) {
            update(
                    connection,
                    "INSERT INTO installer (id, key_hash, jump_group_id, mode, install_mode, valid_until,"
                            + " created_by, created_at) SELECT ?, ?, id, 'ACTIVE', 'USER', now() + interval '1 hour',"
                            + " 'test', now() FROM jump_group WHERE name = ?",
                    UUID.randomUUID(),
                    InstallerKeys.hash(key),
                    jumpGroup);
            update(
                    connection,
                    "UPDATE site_license SET packs = GREATEST(packs, deployed_count / 25 + 4),"
                            + " active_limit = GREATEST(active_limit, active_count + 100)");
        }
        return key;
    }

    /** Forgets every failed login, so a test that provoked a lockout from this machine leaves none behind. */
    static void forgetLoginFailures() throws SQLException {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement("DELETE FROM login_throttle")) {
            statement.executeUpdate();
        }
    }

    /** Runs a counting query against the site's database. */
    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return Statements.count(statement, parameters);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                System.getenv("JUMPDESK_DB_URL"),
                System.getenv().getOrDefault("JUMPDESK_DB_USER", "jumpdesk"),
                System.getenv().getOrDefault("JUMPDESK_DB_PASSWORD", "jumpdesk"));
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (Statements.bind(statement, parameters).executeUpdate() != 1) {
                throw new IllegalStateException("expected one row changed by " + sql);
            }
        }
    }
}

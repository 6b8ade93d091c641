package org.jumpdesk.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.jumpdesk.installers.control.InstallerKeys;
import org.jumpdesk.protocol.CertificateFingerprint;
import org.jumpdesk.shared.Secrets;
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
        return CertificateFingerprint.of("localhost", 8443 + portOffset());
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
        return createUser(password, false);
    }

    /** Creates a console user (an administrator if asked), and their personal Jump Group, as above. */
    static String createUser(String password, boolean administrator) throws SQLException {
        String username = (administrator ? "admin-" : "rep-")
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database()) {
            update(
                    connection,
                    "INSERT INTO console_user (username, password_hash, administrator) VALUES (?, ?, ?)",
                    username,
                    PasswordHashing.hash(password.toCharArray()),
                    administrator);
            update(
                    connection,
                    "INSERT INTO jump_group (name, owner_id) SELECT ?, id FROM console_user WHERE username = ?",
                    "user:" + username,
                    username);
        }
        return username;
    }

    /** Creates an administrator (with their personal Jump Group) and returns the username. */
    static String createAdministrator(String password) throws SQLException {
        String username = createRepresentative(password);
        execute("UPDATE console_user SET administrator = TRUE WHERE username = ?", username);
        return username;
    }

    /**
     * Creates an installer for a Jump Group, valid for an hour, and room in the license for its clients.
     *
     * @return the installer key
     */
    static String createInstaller(String jumpGroup) throws SQLException {
        return createInstaller(jumpGroup, "USER", false).key();
    }

    /** An installer made by a test: its id and its key. */
    record TestInstaller(UUID id, String key) {}

    /**
     * Creates an installer valid for an hour, with the install mode and whether it lets installations
     * change group, tag and comments, and room in the license for its clients.
     */
    static TestInstaller createInstaller(String jumpGroup, String installMode, boolean overrides) throws SQLException {
        TestInstaller installer = new TestInstaller(UUID.randomUUID(), InstallerKeys.newKey());
        try (Connection connection = database()) {
            update(
                    connection,
                    "INSERT INTO installer (id, key_hash, jump_group_id, tag, mode, install_mode, override_jump_group,"
                            + " override_tag, override_comments, valid_until, created_by, created_at)"
                            + " SELECT ?, ?, id, 'installer tag', 'ACTIVE', ?, ?, ?, ?, now() + interval '1 hour',"
                            + " 'test', now() FROM jump_group WHERE name = ?",
                    installer.id(),
                    InstallerKeys.hash(installer.key()),
                    installMode,
                    overrides,
                    overrides,
                    overrides,
                    jumpGroup);
            update(
                    connection,
                    "UPDATE site_license SET packs = GREATEST(packs, deployed_count / 25 + 4),"
                            + " active_limit = GREATEST(active_limit, active_count + 100)");
        }
        return installer;
    }

    /** Creates a shared Jump Group with a unique name starting with the prefix, and returns the name. */
    static String createSharedGroup(String prefix) throws SQLException {
        String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
        execute("INSERT INTO jump_group (name) VALUES (?)", name);
        return name;
    }

    /**
     * Creates a shared Jump Group with one member.
     *
     * @return the group's name
     */
    static String createSharedGroup(String member, String role) throws SQLException {
        String group = "group-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database()) {
            update(connection, "INSERT INTO jump_group (name) VALUES (?)", group);
            update(
                    connection,
                    "INSERT INTO jump_group_member (group_id, user_id, role) SELECT g.id, u.id, ?"
                            + " FROM jump_group g, console_user u WHERE g.name = ? AND u.username = ?",
                    role,
                    group,
                    member);
        }
        return group;
    }

    /** The version of the agent the build made, which the site offers as its release. */
    static String agentVersion() {
        try (JarFile jar = new JarFile(System.getProperty("jumpdesk.agent.jar"))) {
            return jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a Jump Client that has connected once, in a Jump Group, counted in the license as a
     * registration and first connection would count it.
     *
     * @param state {@code ACTIVE} or {@code PASSIVE}
     */
    static UUID createClient(String jumpGroup, String state) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = database()) {
            connection.setAutoCommit(false);
            update(
                    connection,
                    "UPDATE site_license SET packs = GREATEST(packs, deployed_count / 25 + 4),"
                            + " active_limit = GREATEST(active_limit, active_count + 100),"
                            + " deployed_count = deployed_count + 1, active_count = active_count + ?",
                    state.equals("ACTIVE") ? 1 : 0);
            UUID installer = UUID.randomUUID();
            update(
                    connection,
                    "INSERT INTO installer (id, key_hash, jump_group_id, mode, install_mode, valid_until,"
                            + " created_by, created_at) SELECT ?, ?, id, ?, 'SERVICE', now(), 'test', now()"
                            + " FROM jump_group WHERE name = ?",
                    installer,
                    InstallerKeys.hash(InstallerKeys.newKey()),
                    state,
                    jumpGroup);
            update(
                    connection,
                    "INSERT INTO jump_client (id, name, hostname, operating_system, agent_version, state, mode,"
                            + " jump_group_id, installer_id, created_by, created_at, last_contact_at)"
                            + " SELECT ?, ?, ?, 'Linux 6.1', ?, ?, ?, jump_group_id, id, 'test', now(), now()"
                            + " FROM installer WHERE id = ?",
                    id,
                    "host-" + id,
                    "host-" + id,
                    agentVersion(),
                    state,
                    state,
                    installer);
            connection.commit();
        }
        return id;
    }

    /**
     * Creates an API token for a user, as an administrator would in the admin portal.
     *
     * @param scope {@code READ} or {@code WRITE}
     * @return the bearer token
     */
    static String createApiToken(String owner, String scope) throws SQLException {
        String secret = "jdt_test-" + UUID.randomUUID();
        try (Connection connection = database()) {
            update(
                    connection,
                    "INSERT INTO api_token (id, token_hash, name, owner_id, scope, created_by, created_at)"
                            + " SELECT ?, ?, 'test', id, ?, 'test', now() FROM console_user WHERE username = ?",
                    UUID.randomUUID(),
                    Secrets.sha256Hex(secret),
                    scope,
                    owner);
        }
        return secret;
    }

    /** Polls a counting query, as {@link Statements#eventuallyAtLeast} does. */
    static long eventuallyAtLeast(long expected, String sql, Object... parameters)
            throws SQLException, InterruptedException {
        return Statements.eventuallyAtLeast(expected, () -> count(sql, parameters));
    }

    /** Runs a statement as it is; for what no use case may do, like breaking the schema history. */
    static int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return Statements.bind(statement, parameters).executeUpdate();
        }
    }

    /** Runs a query that answers one text, or null. */
    static String text(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = Statements.bind(statement, parameters).executeQuery()) {
            return result.next() ? result.getString(1) : null;
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

package org.jumpdesk.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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

    /**
     * A Jump Client as a console would find it, written straight into the database with the license counts
     * kept in step (black-box tests need many clients in exact states without an agent for each).
     */
    record Client(
            String group,
            String name,
            String state,
            String tag,
            String comments,
            String consoleUser,
            String publicIp,
            String privateIps,
            java.time.Instant lastJumpedAt) {

        static Client in(String group, String name) {
            return new Client(group, name, "ACTIVE", null, null, null, null, null, null);
        }

        Client state(String newState) {
            return new Client(group, name, newState, tag, comments, consoleUser, publicIp, privateIps, lastJumpedAt);
        }

        Client tag(String newTag) {
            return new Client(group, name, state, newTag, comments, consoleUser, publicIp, privateIps, lastJumpedAt);
        }

        Client comments(String newComments) {
            return new Client(group, name, state, tag, newComments, consoleUser, publicIp, privateIps, lastJumpedAt);
        }

        Client machine(String user, String publicAddress, String privateAddresses) {
            return new Client(group, name, state, tag, comments, user, publicAddress, privateAddresses, lastJumpedAt);
        }

        Client lastJumpedAt(java.time.Instant at) {
            return new Client(group, name, state, tag, comments, consoleUser, publicIp, privateIps, at);
        }
    }

    /** Inserts the client and returns its id. */
    static UUID insertClient(Client client) throws SQLException {
        UUID id = UUID.randomUUID();
        UUID installer = UUID.randomUUID();
        try (Connection connection = database()) {
            // Every client an agent registers has its installer.
            update(
                    connection,
                    "INSERT INTO installer (id, key_hash, jump_group_id, mode, install_mode, valid_until, created_by,"
                            + " created_at) SELECT ?, ?, id, 'ACTIVE', 'SERVICE', now(), 'test', now()"
                            + " FROM jump_group WHERE name = ?",
                    installer,
                    InstallerKeys.hash(InstallerKeys.newKey()),
                    client.group());
            update(
                    connection,
                    "INSERT INTO jump_client (id, installer_id, name, hostname, operating_system, agent_version, state, mode,"
                            + " install_mode, jump_group_id, tag, comments, console_user, public_ip, private_ips,"
                            + " uptime_seconds, cpu_load, memory_used_bytes, memory_total_bytes, created_by,"
                            + " created_at, last_contact_at, last_jumped_at, last_jumped_by, uninstalled_at)"
                            + " SELECT ?, ?, ?, ?, 'Linux 6.1', ?, ?, ?, 'SERVICE', id, ?, ?, ?, ?, ?, 93784, 0.5,"
                            + " 2147483648, 8589934592, 'test', now(), now(), ?::timestamptz,"
                            + " CASE WHEN ?::timestamptz IS NULL THEN NULL ELSE 'someone' END,"
                            + " CASE WHEN ? = 'UNINSTALLED' THEN now() END FROM jump_group WHERE name = ?",
                    id,
                    installer,
                    client.name(),
                    client.name(),
                    agentVersion(),
                    client.state(),
                    client.state().equals("PASSIVE") ? "PASSIVE" : "ACTIVE",
                    client.tag(),
                    client.comments(),
                    client.consoleUser(),
                    client.publicIp(),
                    client.privateIps(),
                    client.lastJumpedAt() == null ? null : client.lastJumpedAt().toString(),
                    client.lastJumpedAt() == null ? null : client.lastJumpedAt().toString(),
                    client.state(),
                    client.group());
            update(
                    connection,
                    "UPDATE site_license SET deployed_count = deployed_count + ?, active_count = active_count + ?,"
                            + " packs = GREATEST(packs, (deployed_count + 1) / 25 + 4),"
                            + " active_limit = GREATEST(active_limit, active_count + 100)",
                    client.state().equals("UNINSTALLED") ? 0 : 1,
                    client.state().equals("ACTIVE") ? 1 : 0);
        }
        return id;
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

    /** Does what another console would have done first: removes the client, counts kept in step. */
    static void removeBehindTheConsolesBack(UUID clientId) throws SQLException {
        try (Connection connection = database()) {
            update(
                    connection,
                    "UPDATE site_license SET deployed_count = deployed_count - (SELECT count(*) FROM jump_client"
                            + " WHERE id = ? AND state <> 'UNINSTALLED'), active_count = active_count - (SELECT count(*)"
                            + " FROM jump_client WHERE id = ? AND state = 'ACTIVE')",
                    clientId,
                    clientId);
            update(connection, "UPDATE jump_client SET deleted_at = now(), deleted_by = 'test' WHERE id = ?", clientId);
        }
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

    /** Puts two users in a new team, and lets the first see team mates' personal groups. */
    static void shareTeam(String username, String mate) throws SQLException {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database()) {
            update(connection, "INSERT INTO team (name) VALUES (?)", team);
            for (String member : List.of(username, mate)) {
                update(
                        connection,
                        "INSERT INTO team_member (team_id, user_id) SELECT t.id, u.id FROM team t, console_user u"
                                + " WHERE t.name = ? AND u.username = ?",
                        team,
                        member);
            }
            update(
                    connection,
                    "UPDATE console_user SET personal_group_visibility = 'TEAM' WHERE username = ?",
                    username);
        }
    }

    /** Forgets every failed login, so a test that provoked a lockout from this machine leaves none behind. */
    static void forgetLoginFailures() throws SQLException {
        execute("DELETE FROM login_throttle");
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

    /**
     * Holds a PostgreSQL session-level advisory lock until the returned connection is closed, as a stuck
     * node holding it would.
     */
    static Connection holdAdvisoryLock(long key) throws SQLException {
        Connection connection = database();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            statement.setLong(1, key);
            statement.executeQuery().close();
        }
        return connection;
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

package org.jumpdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.installers.control.InstallerKeys;
import org.jumpdesk.users.control.PasswordHashing;

/**
 * The benchmark's data, written straight into the site's database (there is no admin API yet): a
 * representative who manages the Jump Group the agents join, an installer for it, and a license with room
 * for every agent. Also the database's own counters, which show what a run wrote.
 */
final class SiteData {

    /** The representative whose personal group the agents join, and who jumps to them from the console. */
    static final String REPRESENTATIVE = "bench-rep";

    static final String GROUP = "user:" + REPRESENTATIVE;

    /** The representative's console password, new for every run. */
    static final String PASSWORD = PasswordHashing.randomPassword(20);

    private SiteData() {}

    /** @return the installer key */
    static String prepare(Connection connection, int agents) throws SQLException {
        execute(
                connection,
                "INSERT INTO console_user (username, password_hash) VALUES ('" + REPRESENTATIVE + "', '"
                        + PasswordHashing.hash(PASSWORD.toCharArray()) + "')");
        execute(
                connection,
                "INSERT INTO jump_group (name, owner_id) SELECT '" + GROUP
                        + "', id FROM console_user WHERE username = '" + REPRESENTATIVE + "'");
        execute(
                connection,
                "UPDATE site_license SET packs = " + (agents / 25 + 40) + ", active_limit = " + (agents + 1000));
        String key = InstallerKeys.newKey();
        try (PreparedStatement installer = connection.prepareStatement(
                "INSERT INTO installer (id, key_hash, jump_group_id, mode, install_mode, valid_until, created_by,"
                        + " created_at) SELECT ?, ?, id, 'ACTIVE', 'SERVICE', now() + interval '1 day', 'bench', now()"
                        + " FROM jump_group WHERE name = ?")) {
            installer.setObject(1, UUID.randomUUID());
            installer.setString(2, InstallerKeys.hash(key));
            installer.setString(3, GROUP);
            installer.executeUpdate();
        }
        return key;
    }

    /** Rows inserted, updated and deleted in all tables since the database started. */
    static long rowWrites(Connection connection) throws SQLException {
        return number(
                connection, "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables");
    }

    /**
     * Versions of Jump Client rows written since the database started: all updates, then the heap-only
     * ones among them (the others wrote into each of the table's indexes). Other connections report their
     * counts within about ten seconds of going idle, so read it that long after the writes.
     */
    static long[] clientRowUpdates(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'jump_client'")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    /** Committed transactions in the current database since it started. */
    static long commits(Connection connection) throws SQLException {
        return number(connection, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    }

    static long auditEvents(Connection connection) throws SQLException {
        return number(connection, "SELECT count(*) FROM audit_event");
    }

    /** Audit rows committed but not yet linked into the hash chain by the sealer. */
    static long unsealedAuditEvents(Connection connection) throws SQLException {
        return number(connection, "SELECT count(*) FROM audit_event WHERE chain_seq IS NULL");
    }

    /** Jump Clients registered by the benchmark's installer; twice the same agent would count twice. */
    static long registeredClients(Connection connection) throws SQLException {
        return number(connection, "SELECT count(*) FROM jump_client WHERE deleted_at IS NULL");
    }

    static List<UUID> clientIds(Connection connection) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM jump_client WHERE deleted_at IS NULL")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static long number(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}

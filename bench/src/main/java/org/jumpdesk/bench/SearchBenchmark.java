package org.jumpdesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jumpdesk.jumpclients.boundary.JumpClientQuery;
import org.jumpdesk.jumpclients.boundary.JumpClientSearch;
import org.jumpdesk.jumpclients.boundary.JumpClientSort;
import org.jumpdesk.jumpclients.boundary.SearchField;
import org.jumpdesk.jumpclients.control.ClientSearchSql;
import org.jumpdesk.launcher.Directories;
import org.jumpdesk.launcher.EmbeddedDatabase;

/**
 * The Jump interface's search as the console runs it (the very SQL and bindings of {@code JumpClientSearch}:
 * the first page of 50 read with one row more, then the capped count when that page does not tell it), over generated clients in an embedded PostgreSQL with the
 * real migrations. Prints p50 / p95 / max per query for each size. Sizes are
 * {@code -Djumpdesk.bench.search.sizes} (default {@code 100000,1000000}); the target is p95 ≤ 50 ms for
 * search plus first page at 1,000,000 clients.
 */
public final class SearchBenchmark {

    private static final int GROUPS = 100;
    private static final int VISIBLE_GROUPS = 50;
    private static final int PAGE = 50;
    private static final int WARM_UP = 5;
    private static final int RUNS = 60;
    private static final String NODE = "bench";
    private static final UUID BOOT = UUID.randomUUID();

    private record Case(String name, JumpClientQuery query, JumpClientSort sort, boolean ascending) {}

    private SearchBenchmark() {}

    /** The slowest query's p95 at the largest size: the figure the target is about. */
    record Slowest(String query, double p95Millis) {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("io.zonky").setLevel(java.util.logging.Level.WARNING);
        int[] sizes = Arrays.stream(System.getProperty("jumpdesk.bench.search.sizes", "100000,1000000")
                        .split(","))
                .mapToInt(size -> Integer.parseInt(size.trim()))
                .toArray();
        run(sizes, System.out::println);
    }

    /**
     * Generates each size in turn in a new embedded PostgreSQL, prints the table (and the last-seen flush at
     * each size) line by line to {@code out}, and returns the slowest query at the largest size.
     */
    static Slowest run(int[] sizes, Consumer<String> out) throws Exception {
        Path data = Files.createTempDirectory("jumpdesk-search-bench-");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, freePort())) {
            String url = database.createDatabaseIfMissing("jumpdesk_search");
            Flyway.configure().dataSource(url, EmbeddedDatabase.USER, "").load().migrate();
            try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "")) {
                Map<Long, String> visible = groups(connection);
                out.accept("| clients | query | matches | p50 ms | p95 ms | max ms | buffers count + page |");
                out.accept("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
                int generated = 0;
                List<String> flushes = new ArrayList<>();
                Slowest slowest = null;
                for (int size : sizes) {
                    long start = System.nanoTime();
                    generate(connection, generated, size);
                    generated = size;
                    System.err.printf(
                            Locale.ROOT, "generated %,d clients in %.0f s%n", size, (System.nanoTime() - start) / 1e9);
                    int connected = connect(connection, size);
                    slowest = null;
                    for (Case c : cases(connected)) {
                        double p95 = measure(connection, size, c, visible, out);
                        if (slowest == null || p95 > slowest.p95Millis()) {
                            slowest = new Slowest(c.name(), p95);
                        }
                    }
                    flushes.add(LastSeenFlush.measure(connection, size, NODE, BOOT));
                }
                out.accept("");
                out.accept(LastSeenFlush.HEADER);
                flushes.forEach(out);
                return slowest;
            }
        } finally {
            Directories.deleteRecursively(data);
        }
    }

    /** A hundred shared groups; the representative sees half of them. */
    private static Map<Long, String> groups(Connection connection) throws SQLException {
        Map<Long, String> ids = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO jump_group (name) SELECT 'group-' || g FROM generate_series(1, " + GROUPS + ") g");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT id, name FROM jump_group WHERE name LIKE 'group-%' ORDER BY id LIMIT " + VISIBLE_GROUPS)) {
                while (rows.next()) {
                    ids.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return ids;
    }

    /**
     * Clients {@code from + 1 .. to}: 90 % active, 5 % passive, 3 % pinned, 2 % uninstalled; 37 tags; 5,000
     * console users; addresses in 10/8 and 198.51/16; half jumped to. The indexes are dropped for the bulk
     * insert and built again after it, as a restore would.
     */
    private static void generate(Connection connection, int from, int to) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename"
                    + " = 'jump_client' AND indexname <> 'jump_client_pkey'")) {
                while (rows.next()) {
                    indexes.add(rows.getString(2));
                    statement.getConnection().createStatement().execute("DROP INDEX " + rows.getString(1));
                }
            }
            statement.execute("SET maintenance_work_mem = '512MB'");
            statement.execute(
                    """
                    INSERT INTO jump_client (id, name, hostname, operating_system, agent_version, state, mode,
                        install_mode, jump_group_id, tag, comments, console_user, public_ip, private_ips,
                        created_by, created_at, last_contact_at, last_jumped_at, last_jumped_by)
                    SELECT gen_random_uuid(), n, n, 'Linux 6.1', '1.0.0',
                           CASE WHEN i % 100 < 90 THEN 'ACTIVE' WHEN i % 100 < 95 THEN 'PASSIVE'
                                WHEN i % 100 < 98 THEN 'PINNED' ELSE 'UNINSTALLED' END,
                           CASE WHEN i % 100 BETWEEN 90 AND 94 THEN 'PASSIVE' ELSE 'ACTIVE' END, 'SERVICE',
                           (SELECT min(id) FROM jump_group WHERE name LIKE 'group-%') + i % %GROUPS%,
                           'tag-' || i % 37, 'rack ' || i % 500 || ' ' || substr(md5(i::text), 1, 8),
                           'user' || i % 5000,
                           '198.51.' || i / 256 % 256 || '.' || i % 256,
                           '10.' || i / 65536 % 256 || '.' || i / 256 % 256 || '.' || i % 256,
                           'bench', now(), now() - (i % 10000) * interval '1 minute',
                           CASE WHEN i % 2 = 0 THEN now() - (i % 400) * interval '1 day' END,
                           CASE WHEN i % 2 = 0 THEN 'rep' || i % 50 END
                      FROM generate_series(%FROM%, %TO%) i,
                           LATERAL (SELECT 'host-' || lpad(i::text, 7, '0') || '-' || substr(md5(i::text), 9, 6) AS n) names
                    """
                            .replace("%GROUPS%", Integer.toString(GROUPS))
                            .replace("%FROM%", Integer.toString(from + 1))
                            .replace("%TO%", Integer.toString(to)));
            for (String index : indexes) {
                statement.execute(index);
            }
            statement.execute("VACUUM ANALYZE jump_client");
        }
    }

    /**
     * 1.9 % of the clients connected (19,000 of 1,000,000: one node's file limit), picked at random among the
     * active ones, as rows of the presence table written the way a node writes them.
     */
    private static int connect(Connection connection, int size) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM agent_connection");
            statement.execute("INSERT INTO site_node (node_id, boot_id, started_at, seen_at)" + " VALUES ('" + NODE
                    + "', '" + BOOT + "', now(), now()) ON CONFLICT DO NOTHING");
            int connected = statement.executeUpdate("INSERT INTO agent_connection (client_id, node_id, boot_id,"
                    + " connection_id, connected_at, last_heard_at) SELECT id, '" + NODE + "', '" + BOOT + "',"
                    + " gen_random_uuid(), now(), now() FROM jump_client WHERE state = 'ACTIVE'"
                    + " ORDER BY random() LIMIT " + size * 19 / 1000);
            statement.execute("VACUUM ANALYZE agent_connection");
            statement.execute("VACUUM ANALYZE jump_client");
            return connected;
        }
    }

    private static List<Case> cases(int connected) {
        Set<SearchField> all = EnumSet.allOf(SearchField.class);
        return List.of(
                new Case("everything, by name", query(null, all), JumpClientSort.NAME, true),
                new Case("everything, last accessed first", query(null, all), JumpClientSort.LAST_ACCESSED, false),
                new Case("word in every field (`7f3a`)", query("7f3a", all), JumpClientSort.NAME, true),
                new Case(
                        "name only (`host-00420`)",
                        query("host-00420", EnumSet.of(SearchField.NAME)),
                        JumpClientSort.NAME,
                        true),
                new Case("two words (`rack 42`)", query("rack 42", all), JumpClientSort.NAME, true),
                new Case("group by name (`group-7`)", query("group-7", all), JumpClientSort.NAME, true),
                new Case(
                        "typed `tag:tag-5 status:offline ip:10.1.*`",
                        query("tag:tag-5 status:offline ip:10.1.*", all),
                        JumpClientSort.NAME,
                        true),
                new Case(
                        "typed `status:online` (" + connected + " connected)",
                        query("status:online", all),
                        JumpClientSort.NAME,
                        true),
                new Case("typed `status:offline`", query("status:offline", all), JumpClientSort.NAME, true),
                new Case("word `online` in every field", query("online", all), JumpClientSort.NAME, true));
    }

    private static JumpClientQuery query(String text, Set<SearchField> fields) {
        return new JumpClientQuery(text, fields, null, null);
    }

    /** Runs one query as the console does, prints its line, and returns its p95 in milliseconds. */
    private static double measure(
            Connection connection, int size, Case c, Map<Long, String> visible, Consumer<String> out)
            throws SQLException {
        ClientSearchSql.Where where = ClientSearchSql.where(c.query(), visible);
        List<Object> countParameters = new ArrayList<>(where.parameters());
        countParameters.add(JumpClientSearch.COUNT_LIMIT + 1);
        List<Object> pageParameters = new ArrayList<>(where.parameters());
        pageParameters.add(PAGE + 1);
        pageParameters.add(0);
        String page = ClientSearchSql.page(where, c.sort(), c.ascending());
        long[] nanos = new long[RUNS];
        long matches = 0;
        boolean counted = false;
        for (int run = -WARM_UP; run < RUNS; run++) {
            long start = System.nanoTime();
            int read = 0;
            try (PreparedStatement statement = connection.prepareStatement(page)) {
                ClientSearchSql.bind(connection, statement, pageParameters);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(2);
                        read++;
                    }
                }
            }
            OptionalLong told = ClientSearchSql.matchesToldByPage(0, PAGE, read);
            counted = told.isEmpty();
            matches = counted ? count(connection, where, countParameters) : told.getAsLong();
            if (run >= 0) {
                nanos[run] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double p95 = nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6;
        out.accept(String.format(
                Locale.ROOT,
                "| %,d | %s | %s | %.1f | %.1f | %.1f | %s + %,d |",
                size,
                c.name(),
                matches > JumpClientSearch.COUNT_LIMIT ? "> " + JumpClientSearch.COUNT_LIMIT : Long.toString(matches),
                nanos[RUNS / 2] / 1e6,
                p95,
                nanos[RUNS - 1] / 1e6,
                counted
                        ? String.format(
                                Locale.ROOT, "%,d", buffers(connection, ClientSearchSql.count(where), countParameters))
                        : "no count",
                buffers(connection, page, pageParameters)));
        return p95;
    }

    /** The capped count, as {@code JumpClientSearch} runs it when the first page does not tell it. */
    private static long count(Connection connection, ClientSearchSql.Where where, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(ClientSearchSql.count(where))) {
            ClientSearchSql.bind(connection, count, parameters);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static final Pattern HIT = Pattern.compile("\"Shared Hit Blocks\": (\\d+)");
    private static final Pattern READ = Pattern.compile("\"Shared Read Blocks\": (\\d+)");

    /**
     * The shared buffers a statement touches (hit + read, from {@code EXPLAIN (ANALYZE, BUFFERS)} of its top
     * node): what it costs whatever else the machine is doing.
     */
    private static long buffers(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement explain =
                connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)) {
            ClientSearchSql.bind(connection, explain, parameters);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                String json = plan.getString(1);
                return first(HIT, json) + first(READ, json);
            }
        }
    }

    private static long first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

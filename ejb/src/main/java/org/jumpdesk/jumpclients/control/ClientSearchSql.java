package org.jumpdesk.jumpclients.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jumpdesk.jumpclients.boundary.JumpClientQuery;
import org.jumpdesk.jumpclients.boundary.JumpClientSort;
import org.jumpdesk.jumpclients.boundary.SearchField;

/**
 * Turns a {@link JumpClientQuery} into the SQL of the Jump interface's search over {@code jump_client c}
 * joined with {@code jump_group g}. Every value is a bind parameter; substring matches use {@code ILIKE},
 * which the trigram indexes serve. Arrays ({@code UUID[]}, {@code Long[]}) are bound as PostgreSQL arrays.
 */
public final class ClientSearchSql {

    /** Status words and the condition each stands for. */
    private static final List<String> STATUSES = List.of("online", "offline", "passive", "pinned", "uninstalled");

    /** A WHERE clause and its parameters, in order. */
    public record Where(String sql, List<Object> parameters) {}

    /**
     * The table's columns, in the order {@code JumpClientSearch} reads them, with the client's presence (a
     * row in {@code agent_connection} while its agent is connected to any node).
     */
    public static final String SELECT = "SELECT c.id, c.name, c.state, c.mode, g.name, c.tag, c.comments,"
            + " c.console_user, c.public_ip, c.private_ips, c.operating_system, c.last_jumped_at, c.last_jumped_by,"
            + " greatest(c.last_contact_at, a.last_heard_at), a.client_id IS NOT NULL, coalesce(a.disabled, FALSE)"
            + " FROM jump_client c JOIN jump_group g ON g.id = c.jump_group_id"
            + " LEFT JOIN agent_connection a ON a.client_id = c.id WHERE ";

    /** One page of matches; the last two parameters are the page size and the offset. */
    public static String page(Where where, JumpClientSort sort, boolean ascending) {
        return SELECT + where.sql() + " ORDER BY " + orderBy(sort, ascending) + " LIMIT ? OFFSET ?";
    }

    /**
     * The number of matches that a page read with one row more than it shows already tells: all of them when
     * it came back short (and does not start past the end); else empty, and {@link #count} has to run. Most
     * searches a representative types match fewer than a page, and the count costs as much as the page.
     */
    public static OptionalLong matchesToldByPage(int first, int shown, int read) {
        return read <= shown && (read > 0 || first == 0) ? OptionalLong.of(first + read) : OptionalLong.empty();
    }

    /**
     * The number of matches, counted up to a limit given as the last parameter. No join: the conditions
     * name only the client's columns (a group by its ids).
     */
    public static String count(Where where) {
        return "SELECT count(*) FROM (SELECT 1 FROM jump_client c WHERE " + where.sql() + " LIMIT ?) matches";
    }

    /** Binds the parameters, {@code UUID[]} and {@code Long[]} as PostgreSQL arrays. */
    public static void bind(Connection connection, PreparedStatement statement, List<Object> parameters)
            throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof UUID[] ids) {
                statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
            } else if (value instanceof Long[] ids) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", ids));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private final Map<Long, String> visibleGroups;

    private ClientSearchSql(Map<Long, String> visibleGroups) {
        this.visibleGroups = visibleGroups;
    }

    /**
     * The conditions for the clients of the visible groups that match the query.
     *
     * @param visibleGroups the groups the user can see, id to name: a group searched by name is matched
     *     here, so that the statement names the groups' ids (a condition the planner can estimate and index)
     */
    public static Where where(JumpClientQuery query, Map<Long, String> visibleGroups) {
        ClientSearchSql where = new ClientSearchSql(visibleGroups);
        where.sql.append("c.deleted_at IS NULL AND c.jump_group_id = ANY(?)");
        where.parameters.add(visibleGroups.keySet().toArray(Long[]::new));
        if (query.jumpGroupId() != null) {
            where.sql.append(" AND c.jump_group_id = ?");
            where.parameters.add(query.jumpGroupId());
            if (query.tag() != null) {
                where.sql.append(" AND c.tag = ?");
                where.parameters.add(query.tag());
            }
        }
        SearchTerms terms = SearchTerms.parse(query.text());
        for (String word : terms.words()) {
            where.word(word, query.fields());
        }
        for (SearchTerms.Filter filter : terms.filters()) {
            where.filter(filter);
        }
        return new Where(where.sql.toString(), List.copyOf(where.parameters));
    }

    /** ORDER BY for a column; the client id breaks ties so that pages never overlap. */
    public static String orderBy(JumpClientSort sort, boolean ascending) {
        String direction = ascending ? " ASC" : " DESC";
        String column =
                switch (sort) {
                    case NAME -> "lower(c.name)";
                    case STATUS -> "c.state";
                    case GROUP -> "lower(g.name)";
                    case TAG -> "lower(c.tag)";
                    case COMMENTS -> "lower(c.comments)";
                    case CONSOLE_USER -> "lower(c.console_user)";
                    case PUBLIC_IP -> "c.public_ip";
                    case PRIVATE_IP -> "c.private_ips";
                    case OPERATING_SYSTEM -> "lower(c.operating_system)";
                    case LAST_ACCESSED -> "c.last_jumped_at";
                    case LAST_CONTACT -> "c.last_contact_at";
                };
        return column + direction + (sort == JumpClientSort.NAME ? "" : " NULLS LAST") + ", c.id" + direction;
    }

    /**
     * A word searched in all of these at once is one {@code LIKE} on {@code search_text} (their lower-case
     * text, one field per line, V35) with one trigram index, instead of one {@code ILIKE} per field. A word
     * with a line feed is searched field by field, so that no match spans two fields.
     */
    private static final Set<SearchField> TEXT_FIELDS = Set.of(
            SearchField.COMMENTS,
            SearchField.CONSOLE_USER,
            SearchField.NAME,
            SearchField.PRIVATE_IP,
            SearchField.PUBLIC_IP,
            SearchField.TAG);

    private void word(String word, Set<SearchField> fields) {
        List<String> alternatives = new ArrayList<>();
        boolean together = fields.containsAll(TEXT_FIELDS) && word.indexOf('\n') < 0;
        if (together) {
            alternatives.add(contains(SEARCH_TEXT, word));
        }
        for (SearchField field : fields) {
            if (together && TEXT_FIELDS.contains(field)) {
                continue;
            }
            switch (field) {
                case COMMENTS -> alternatives.add(contains("c.comments", word));
                case CONSOLE_USER -> alternatives.add(contains("c.console_user", word));
                case GROUP -> group(name -> name.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)))
                        .ifPresent(alternatives::add);
                case JUMP_METHOD -> Stream.of("ACTIVE", "PASSIVE")
                        .filter(mode -> mode.contains(word.toUpperCase(Locale.ROOT)))
                        .map(mode -> "c.mode = '" + mode + "'")
                        .forEach(alternatives::add);
                case LAST_ACCESSED -> lastAccessed(word).ifPresent(alternatives::add);
                case NAME -> alternatives.add(contains("c.name", word));
                case PRIVATE_IP -> alternatives.add(contains("c.private_ips", word));
                case PUBLIC_IP -> alternatives.add(contains("c.public_ip", word));
                case STATUS -> STATUSES.stream()
                        .filter(status -> status.startsWith(word.toLowerCase(Locale.ROOT)))
                        .map(this::status)
                        .forEach(alternatives::add);
                case TAG -> alternatives.add(contains("c.tag", word));
            }
        }
        sql.append(" AND (")
                .append(alternatives.isEmpty() ? "FALSE" : String.join(" OR ", alternatives))
                .append(')');
    }

    private static final String LAST_ACCESSED_TEXT =
            "to_char(c.last_jumped_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')";

    private void filter(SearchTerms.Filter filter) {
        String pattern = glob(filter.value());
        String condition =
                switch (filter.key()) {
                    case "tag" -> filter.value().contains("*")
                            ? like("c.tag", pattern)
                            : sameText("c.tag", filter.value());
                    case "name" -> like("c.name", pattern);
                    case "group" -> group(globMatcher(filter.value())).orElse("FALSE");
                    case "comments" -> like("c.comments", pattern);
                    case "user" -> like("c.console_user", pattern);
                    case "os" -> like("c.operating_system", pattern);
                    case "method" -> like("c.mode", pattern);
                    case "accessed" -> lastAccessed(filter.value()).orElse("FALSE");
                    case "ip" -> ip(filter.value());
                    case "status" -> STATUSES.contains(filter.value().toLowerCase(Locale.ROOT))
                            ? status(filter.value().toLowerCase(Locale.ROOT))
                            : "FALSE";
                    default -> throw new IllegalArgumentException("unknown filter " + filter.key());
                };
        sql.append(" AND ").append(condition);
    }

    /**
     * One address of the public IP or of the comma-separated private ones matches the glob. A whole address
     * or a prefix up to a dot or colon ({@code 10.1.*}) is an element of {@code address_globs} (V35), whose
     * GIN index serves it; any other glob is matched with {@code ILIKE} on the addresses' text.
     */
    private String ip(String value) {
        if (ADDRESS_GLOB.matcher(value).matches()) {
            parameters.add(value);
            return "c.address_globs @> ARRAY[lower(?)]";
        }
        return ipLike(glob(value));
    }

    /** An address, or an address's beginning up to a dot or colon followed by {@code *}. */
    private static final Pattern ADDRESS_GLOB = Pattern.compile("[^*,]+|[^*,]*[.:]\\*");

    /**
     * The glob as {@code ILIKE} patterns over the address list. A pattern that ends with {@code %} already
     * covers an address followed by others, so each row is tested fewer times.
     */
    private String ipLike(String pattern) {
        List<String> alternatives =
                new ArrayList<>(List.of(like("c.public_ip", pattern), like("c.private_ips", pattern)));
        boolean open = pattern.endsWith("%");
        if (!open) {
            alternatives.add(like("c.private_ips", pattern + ",%"));
        }
        alternatives.add(like("c.private_ips", "%," + pattern));
        if (!open) {
            alternatives.add(like("c.private_ips", "%," + pattern + ",%"));
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    /** The visible groups whose name matches, by id; none matching leaves the condition out. */
    private Optional<String> group(Predicate<String> nameMatches) {
        Long[] ids = visibleGroups.entrySet().stream()
                .filter(group -> nameMatches.test(group.getValue()))
                .map(Map.Entry::getKey)
                .toArray(Long[]::new);
        if (ids.length == 0) {
            return Optional.empty();
        }
        parameters.add(ids);
        return Optional.of("c.jump_group_id = ANY(?)");
    }

    /** A filter value with {@code *} wildcards as a case-insensitive whole-text match. */
    private static Predicate<String> globMatcher(String value) {
        Pattern glob = Pattern.compile(
                Arrays.stream(value.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return name -> glob.matcher(name).matches();
    }

    /**
     * Last accessed on a day, in a month or a year ({@code 2024-03-05}, {@code 2024-03}, {@code 2024}, UTC):
     * a range over the index on {@code last_jumped_at}. Any other word cannot be a date and matches nothing.
     */
    private Optional<String> lastAccessed(String word) {
        Matcher date = DATE.matcher(word.trim());
        if (!date.matches()) {
            return Optional.empty();
        }
        LocalDate from = LocalDate.of(
                Integer.parseInt(date.group(1)),
                date.group(2) == null ? 1 : Integer.parseInt(date.group(2)),
                date.group(3) == null ? 1 : Integer.parseInt(date.group(3)));
        LocalDate to = date.group(3) != null
                ? from.plusDays(1)
                : date.group(2) != null ? from.plusMonths(1) : from.plusYears(1);
        parameters.add(Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        parameters.add(Timestamp.from(to.atStartOfDay(ZoneOffset.UTC).toInstant()));
        return Optional.of("(c.last_jumped_at >= ? AND c.last_jumped_at < ?)");
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\\d|3[01]))?)?");

    /** Equal ignoring case: an index on {@code lower(column)} serves it. */
    private String sameText(String column, String value) {
        parameters.add(value);
        return "lower(" + column + ") = lower(?)";
    }

    private static final String SEARCH_TEXT = "c.search_text";

    /**
     * The column contains the word, ignoring case. A word with three letters or digits in a row is a
     * {@code LIKE}, which the column's trigram index serves. A shorter one ({@code 42}, {@code 10.1}) gives the
     * index no trigram to look up, yet the planner still costs the index as if it narrowed the rows by the
     * word's frequency: {@code rack 42} over a million clients then read the whole index for {@code rack} (about
     * 150 ms) instead of scanning until the page was full. {@code strpos} keeps such a word out of the index.
     */
    private String contains(String column, String word) {
        // search_text is already lower case; ILIKE is lower(text) LIKE lower(pattern) in PostgreSQL.
        boolean lowerCase = column.equals(SEARCH_TEXT);
        if (TRIGRAM.matcher(word).find()) {
            parameters.add("%" + escape(word) + "%");
            return column + (lowerCase ? " LIKE lower(?)" : " ILIKE ?");
        }
        parameters.add(word);
        return "strpos(" + (lowerCase ? column : "lower(" + column + ")") + ", lower(?)) > 0";
    }

    private static final Pattern TRIGRAM = Pattern.compile("[\\p{L}\\p{N}]{3}");

    private String like(String expression, String pattern) {
        parameters.add(pattern);
        return expression + " ILIKE ?";
    }

    private String status(String status) {
        return switch (status) {
                // c.online mirrors the presence table (a trigger keeps it); partial indexes over the connected
                // clients serve it.
            case "online" -> "(c.state = 'ACTIVE' AND c.online)";
            case "offline" -> "(c.state = 'ACTIVE' AND NOT c.online)";
            default -> "c.state = '" + status.toUpperCase(Locale.ROOT) + "'";
        };
    }

    /** A filter value as a LIKE pattern: the whole value, {@code *} for any text. */
    static String glob(String value) {
        return escape(value).replace("*", "%");
    }

    /** Escapes LIKE's own wildcards (backslash is PostgreSQL's default escape). */
    static String escape(String text) {
        return text.chars()
                .mapToObj(ch -> ch == '\\' || ch == '%' || ch == '_' ? "\\" + (char) ch : String.valueOf((char) ch))
                .collect(Collectors.joining());
    }
}

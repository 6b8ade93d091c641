package org.jumpdesk.jumpclients.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private final UUID[] online;

    private ClientSearchSql(Collection<UUID> online) {
        this.online = online.toArray(UUID[]::new);
    }

    /** The conditions for the clients of the visible groups that match the query. */
    public static Where where(JumpClientQuery query, Collection<Long> visibleGroups) {
        ClientSearchSql where = new ClientSearchSql(query.online());
        where.sql.append("c.deleted_at IS NULL AND c.jump_group_id = ANY(?)");
        where.parameters.add(visibleGroups.toArray(Long[]::new));
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

    private void word(String word, Set<SearchField> fields) {
        String contains = "%" + escape(word) + "%";
        List<String> alternatives = new ArrayList<>();
        for (SearchField field : fields) {
            switch (field) {
                case COMMENTS -> alternatives.add(like("c.comments", contains));
                case CONSOLE_USER -> alternatives.add(like("c.console_user", contains));
                case GROUP -> alternatives.add(like("g.name", contains));
                case JUMP_METHOD -> alternatives.add(like("c.mode", contains));
                case LAST_ACCESSED -> alternatives.add(like(LAST_ACCESSED_TEXT, contains));
                case NAME -> alternatives.add(like("c.name", contains));
                case PRIVATE_IP -> alternatives.add(like("c.private_ips", contains));
                case PUBLIC_IP -> alternatives.add(like("c.public_ip", contains));
                case STATUS -> STATUSES.stream()
                        .filter(status -> status.startsWith(word.toLowerCase(Locale.ROOT)))
                        .map(this::status)
                        .forEach(alternatives::add);
                case TAG -> alternatives.add(like("c.tag", contains));
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
                    case "tag" -> like("c.tag", pattern);
                    case "name" -> like("c.name", pattern);
                    case "group" -> like("g.name", pattern);
                    case "comments" -> like("c.comments", pattern);
                    case "user" -> like("c.console_user", pattern);
                    case "os" -> like("c.operating_system", pattern);
                    case "method" -> like("c.mode", pattern);
                    case "accessed" -> like(LAST_ACCESSED_TEXT, pattern + "%");
                    case "ip" -> "(" + like("c.public_ip", pattern) + " OR "
                            + like("',' || replace(c.private_ips, ' ', '') || ','", "%," + pattern + ",%") + ")";
                    case "status" -> STATUSES.contains(filter.value().toLowerCase(Locale.ROOT))
                            ? status(filter.value().toLowerCase(Locale.ROOT))
                            : "FALSE";
                    default -> throw new IllegalArgumentException("unknown filter " + filter.key());
                };
        sql.append(" AND ").append(condition);
    }

    private String like(String expression, String pattern) {
        parameters.add(pattern);
        return expression + " ILIKE ?";
    }

    private String status(String status) {
        return switch (status) {
            case "online" -> {
                parameters.add(online);
                yield "(c.state = 'ACTIVE' AND c.id = ANY(?))";
            }
            case "offline" -> {
                parameters.add(online);
                yield "(c.state = 'ACTIVE' AND NOT c.id = ANY(?))";
            }
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

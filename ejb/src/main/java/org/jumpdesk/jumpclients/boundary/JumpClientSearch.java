package org.jumpdesk.jumpclients.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jumpdesk.jumpclients.control.ClientSearchSql;
import org.jumpdesk.jumpclients.entity.JumpClient;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.jumpgroups.boundary.JumpGroupView;
import org.jumpdesk.jumpgroups.boundary.JumpGroups;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.platform.DatabaseMigrations;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.Texts;

/**
 * Searching the Jump Clients an actor can see: the Jump interface's search with server-side paging and
 * sorting and the group/tag tree of its left pane, and the REST API's list and search. Reads only; clients
 * in groups the actor cannot see are never counted or returned. The console's search is one SQL statement
 * over the trigram and sort indexes, so it stays fast with a million clients.
 */
@Stateless
@AuditedAs
public class JumpClientSearch {

    /**
     * Counting stops here: the table says "more than" instead of scanning every match. Counting is what a
     * search that matches many clients costs (each match is tested against every condition), so the limit
     * is what a representative pages through, 20 pages of 50.
     */
    public static final int COUNT_LIMIT = 1_000;

    @EJB
    private Permissions permissions;

    @EJB
    private JumpGroups jumpGroups;

    @EJB
    private Settings settings;

    @PersistenceContext
    private EntityManager entityManager;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    /**
     * One page of the clients matching the query, in the order asked for, and how many match (counted up to
     * {@link #COUNT_LIMIT} + 1, as {@link #count}). The page is read first with one row more than it shows;
     * the count runs only when that does not already tell how many match.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code INVALID_INPUT} for a query over its limits
     */
    public JumpClientRows pageAndCount(
            Actor actor,
            @NotNull @Valid JumpClientQuery query,
            @NotNull JumpClientSort sort,
            boolean ascending,
            @Min(0) int first,
            @Min(1) @Max(500) int max) {
        Map<Long, String> groups = visibleGroups(actor);
        if (groups.isEmpty()) {
            return new JumpClientRows(List.of(), 0);
        }
        ClientSearchSql.Where where = ClientSearchSql.where(query, groups);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(max + 1);
        parameters.add(first);
        List<JumpClientRow> rows = rows(ClientSearchSql.page(where, sort, ascending), parameters);
        long matches =
                ClientSearchSql.matchesToldByPage(first, max, rows.size()).orElseGet(() -> count(where));
        return new JumpClientRows(
                rows.size() > max ? List.copyOf(rows.subList(0, max)) : rows, Math.min(matches, COUNT_LIMIT + 1));
    }

    /** One client as the table shows it, if the actor can see it (else empty, as for a deleted one). */
    public Optional<JumpClientRow> row(Actor actor, @NotNull UUID clientId) {
        Map<Long, String> groups = visibleGroups(actor);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        ClientSearchSql.Where where = ClientSearchSql.where(JumpClientQuery.everything(), groups);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(clientId);
        return rows(ClientSearchSql.SELECT + where.sql() + " AND c.id = ?", parameters).stream()
                .findFirst();
    }

    private List<JumpClientRow> rows(String sql, List<Object> parameters) {
        return query(sql, parameters, result -> {
            List<JumpClientRow> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(new JumpClientRow(
                        result.getObject(1, UUID.class),
                        result.getString(2),
                        JumpClientState.valueOf(result.getString(3)),
                        JumpClientMode.valueOf(result.getString(4)),
                        result.getString(5),
                        result.getString(6),
                        result.getString(7),
                        result.getString(8),
                        result.getString(9),
                        result.getString(10),
                        result.getString(11),
                        instant(result.getTimestamp(12)),
                        result.getString(13),
                        instant(result.getTimestamp(14)),
                        result.getBoolean(15),
                        result.getBoolean(16)));
            }
            return rows;
        });
    }

    /**
     * How many clients match, counted up to {@link #COUNT_LIMIT} + 1 (a larger result is "more than
     * {@value #COUNT_LIMIT}").
     */
    public long count(Actor actor, @NotNull @Valid JumpClientQuery query) {
        Map<Long, String> groups = visibleGroups(actor);
        if (groups.isEmpty()) {
            return 0;
        }
        return count(ClientSearchSql.where(query, groups));
    }

    private long count(ClientSearchSql.Where where) {
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(COUNT_LIMIT + 1);
        return query(ClientSearchSql.count(where), parameters, result -> {
            result.next();
            return result.getLong(1);
        });
    }

    /**
     * The left pane: every group the actor can see with the tags in use in it, by name; other users'
     * personal groups name their owner (the team members pane).
     */
    public List<JumpGroupTree> groups(Actor actor) {
        List<JumpGroupView> visible = jumpGroups.visible(actor);
        if (visible.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        visible.forEach(group -> tags.put(group.id(), new ArrayList<>()));
        query(
                "SELECT DISTINCT jump_group_id, tag FROM jump_client WHERE deleted_at IS NULL AND tag IS NOT NULL"
                        + " AND jump_group_id = ANY(?) ORDER BY 1, 2",
                List.of((Object) tags.keySet().toArray(Long[]::new)),
                result -> {
                    while (result.next()) {
                        tags.get(result.getLong(1)).add(result.getString(2));
                    }
                    return null;
                });
        String own = "user:" + actor.name();
        return visible.stream()
                .map(group -> new JumpGroupTree(
                        group,
                        group.personal() && !group.name().equals(own)
                                ? group.name().substring("user:".length())
                                : null,
                        List.copyOf(tags.get(group.id()))))
                .toList();
    }

    private Map<Long, String> visibleGroups(Actor actor) {
        Map<Long, String> groups = new HashMap<>();
        jumpGroups.visible(actor).forEach(group -> groups.put(group.id(), group.name()));
        return groups;
    }

    /** The groups the actor may move clients into ({@code MANAGE}), by name. */
    public List<String> manageableGroups(Actor actor) {
        return jumpGroups.visible(actor).stream()
                .filter(group -> group.role().includes(JumpGroupRole.MANAGE))
                .map(JumpGroupView::name)
                .toList();
    }

    /** The matching clients from {@code offset}, at most {@code limit}, most recently contacted first. */
    @AuditedAs("jump-client.search")
    public JumpClientPage search(
            Actor actor, @NotNull @Valid JumpClientFilter filter, @Min(0) int offset, @Min(1) @Max(1000) int limit) {
        Map<Long, JumpGroupRole> roles = permissions.rolesOf(actor);
        if (roles.isEmpty()) {
            return new JumpClientPage(List.of(), 0);
        }
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        parameters.put("groups", roles.keySet());
        TypedQuery<Long> count =
                entityManager.createQuery("SELECT COUNT(c) FROM JumpClient c WHERE " + where, Long.class);
        TypedQuery<JumpClient> clients = entityManager.createQuery(
                "SELECT c FROM JumpClient c WHERE " + where + " ORDER BY c.lastContactAt DESC, c.id", JumpClient.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            clients.setParameter(name, value);
        });
        return new JumpClientPage(
                JumpClientSummary.of(
                        clients.setFirstResult(offset).setMaxResults(limit).getResultList(),
                        dataSource,
                        settings.current().offlineLimitDays()),
                count.getSingleResult());
    }

    private static String where(JumpClientFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>(List.of("c.deletedAt IS NULL", "c.jumpGroup.id IN :groups"));
        String text = Texts.blankToNull(filter.text());
        if (text != null) {
            parameters.put(
                    "text",
                    "%"
                            + text.toLowerCase()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
            conditions.add("(LOWER(c.name) LIKE :text ESCAPE '\\' OR LOWER(c.hostname) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(c.comments) LIKE :text ESCAPE '\\' OR LOWER(c.tag) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(c.jumpGroup.name) LIKE :text ESCAPE '\\')");
        }
        if (Texts.blankToNull(filter.jumpGroup()) != null) {
            parameters.put("jumpGroup", filter.jumpGroup());
            conditions.add("c.jumpGroup.name = :jumpGroup");
        }
        if (Texts.blankToNull(filter.tag()) != null) {
            parameters.put("tag", filter.tag());
            conditions.add("c.tag = :tag");
        }
        if (filter.state() != null) {
            parameters.put("state", filter.state());
            conditions.add("c.state = :state");
        }
        if (filter.mode() != null) {
            parameters.put("mode", filter.mode());
            conditions.add("c.mode = :mode");
        }
        return String.join(" AND ", conditions);
    }

    private interface Reader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> T query(String sql, List<Object> parameters, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            ClientSearchSql.bind(connection, statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                return reader.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Jump Client search failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

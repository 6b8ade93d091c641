package org.jumpdesk.jumpclients.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jumpdesk.jumpclients.control.ClientSearchSql;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.jumpgroups.boundary.JumpGroupView;
import org.jumpdesk.jumpgroups.boundary.JumpGroups;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.platform.DatabaseMigrations;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;

/**
 * The Jump interface's reads: the search with server-side paging and sorting, and the group/tag tree of
 * the left pane. Only clients in Jump Groups the actor can see are ever read; the search is one SQL
 * statement over the trigram and sort indexes, so it stays fast with a million clients.
 */
@Stateless
@AuditedAs
public class JumpClientSearch {

    /** Counting stops here: the table says "more than" instead of scanning every match. */
    public static final int COUNT_LIMIT = 10_000;

    private static final String FROM = " FROM jump_client c JOIN jump_group g ON g.id = c.jump_group_id WHERE ";

    @EJB
    private Permissions permissions;

    @EJB
    private JumpGroups jumpGroups;

    @Resource(lookup = DatabaseMigrations.DATASOURCE)
    private DataSource dataSource;

    /**
     * One page of the clients matching the query, in the order asked for.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code INVALID_INPUT} for a query over its limits
     */
    public List<JumpClientRow> page(
            Actor actor,
            @NotNull @Valid JumpClientQuery query,
            @NotNull JumpClientSort sort,
            boolean ascending,
            @Min(0) int first,
            @Min(1) @Max(500) int max) {
        Set<Long> groups = permissions.rolesOf(actor).keySet();
        if (groups.isEmpty()) {
            return List.of();
        }
        ClientSearchSql.Where where = ClientSearchSql.where(query, groups);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(max);
        parameters.add(first);
        return rows(
                where.sql() + " ORDER BY " + ClientSearchSql.orderBy(sort, ascending) + " LIMIT ? OFFSET ?",
                parameters);
    }

    /** One client as the table shows it, if the actor can see it (else empty, as for a deleted one). */
    public Optional<JumpClientRow> row(Actor actor, @NotNull UUID clientId) {
        Set<Long> groups = permissions.rolesOf(actor).keySet();
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        ClientSearchSql.Where where = ClientSearchSql.where(JumpClientQuery.everything(List.of()), groups);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(clientId);
        return rows(where.sql() + " AND c.id = ?", parameters).stream().findFirst();
    }

    private List<JumpClientRow> rows(String condition, List<Object> parameters) {
        String sql = "SELECT c.id, c.name, c.state, c.mode, g.name, c.tag, c.comments, c.console_user, c.public_ip,"
                + " c.private_ips, c.operating_system, c.last_jumped_at, c.last_jumped_by, c.last_contact_at" + FROM
                + condition;
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
                        instant(result.getTimestamp(14))));
            }
            return rows;
        });
    }

    /**
     * How many clients match, counted up to {@link #COUNT_LIMIT} + 1 (a larger result is "more than
     * {@value #COUNT_LIMIT}").
     */
    public long count(Actor actor, @NotNull @Valid JumpClientQuery query) {
        Set<Long> groups = permissions.rolesOf(actor).keySet();
        if (groups.isEmpty()) {
            return 0;
        }
        ClientSearchSql.Where where = ClientSearchSql.where(query, groups);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(COUNT_LIMIT + 1);
        return query(
                "SELECT count(*) FROM (SELECT 1" + FROM + where.sql() + " LIMIT ?) matches", parameters, result -> {
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

    /** The groups the actor may move clients into ({@code MANAGE}), by name. */
    public List<String> manageableGroups(Actor actor) {
        return jumpGroups.visible(actor).stream()
                .filter(group -> group.role().includes(JumpGroupRole.MANAGE))
                .map(JumpGroupView::name)
                .toList();
    }

    private interface Reader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> T query(String sql, List<Object> parameters, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
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

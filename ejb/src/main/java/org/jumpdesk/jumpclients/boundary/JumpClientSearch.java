package org.jumpdesk.jumpclients.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jumpdesk.jumpclients.entity.JumpClient;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.Texts;

/**
 * Searching the Jump Clients an actor can see (the REST API's list and search). Reads only; clients in
 * groups the actor cannot see are never counted or returned.
 */
@Stateless
@AuditedAs
public class JumpClientSearch {

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @EJB
    private Settings settings;

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
        int offlineLimitDays = settings.current().offlineLimitDays();
        return new JumpClientPage(
                clients.setFirstResult(offset)
                        .setMaxResults(limit)
                        .getResultStream()
                        .map(c -> JumpClientSummary.of(c, offlineLimitDays))
                        .toList(),
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
}

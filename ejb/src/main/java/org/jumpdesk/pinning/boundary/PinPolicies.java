package org.jumpdesk.pinning.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * The session policy for pinning: the site's (always ask / never ask) and each Jump Group's, which wins
 * when set. Administrators change them; each change is audited. Each public method is one JTA transaction.
 */
@Stateless
@AuditedAs
public class PinPolicies {

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @Inject
    private AuditTrail auditTrail;

    /** The site's policy. */
    public PinPrompt site() {
        return PinPrompt.valueOf((String) entityManager
                .createNativeQuery("SELECT pin_prompt FROM session_policy WHERE id = 1")
                .getSingleResult());
    }

    /** Administrators set the site's policy. */
    @AuditedAs("session-policy.change")
    public void changeSite(Actor actor, @NotNull PinPrompt prompt) {
        permissions.requireAdministrator(actor);
        entityManager
                .createNativeQuery(
                        "UPDATE session_policy SET pin_prompt = ?, row_version = row_version + 1 WHERE id = 1")
                .setParameter(1, prompt.name())
                .executeUpdate();
        auditTrail.record(actor.name(), "session-policy.change", "site", "pin prompt " + prompt);
    }

    /** Each group's own policy by group name; groups that follow the site are absent (administrators). */
    public Map<String, PinPrompt> groups(Actor actor) {
        permissions.requireAdministrator(actor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT name, pin_prompt FROM jump_group WHERE pin_prompt IS NOT NULL ORDER BY name")
                .getResultList();
        Map<String, PinPrompt> policies = new LinkedHashMap<>();
        rows.forEach(row -> policies.put((String) row[0], PinPrompt.valueOf((String) row[1])));
        return policies;
    }

    /**
     * Administrators set a group's policy, or clear it ({@code null}) so the group follows the site's.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code INVALID_INPUT} naming an unknown group
     */
    @AuditedAs("jump-group.set-pin-prompt")
    public void changeGroup(Actor actor, @NotBlank String groupName, PinPrompt prompt) {
        permissions.requireAdministrator(actor);
        int changed = entityManager
                .createNativeQuery("UPDATE jump_group SET pin_prompt = ? WHERE name = ?")
                .setParameter(1, prompt == null ? null : prompt.name())
                .setParameter(2, groupName)
                .executeUpdate();
        if (changed == 0) {
            throw JumpDeskStatus.INVALID_INPUT.exception("group: no Jump Group is named '" + groupName + "'");
        }
        auditTrail.record(
                actor.name(),
                "jump-group.set-pin-prompt",
                groupName,
                "pin prompt " + (prompt == null ? "as the site" : prompt.name()));
    }
}

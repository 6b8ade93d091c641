package org.jumpdesk.jumpgroups.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.users.entity.ConsoleUser;

/**
 * Who may do what: the acting user's role in each Jump Group they can see. Joins the caller's transaction.
 *
 * <p>Roles come from three places: membership of a shared group; ownership of a personal group
 * ({@code MANAGE}); and the permission to see other users' personal groups ({@code JUMP} on those of
 * team mates or of everybody).
 */
@Stateless
public class Permissions {

    private static final String ROLES_OF_USER =
            """
            SELECT m.group_id, m.role FROM jump_group_member m WHERE m.user_id = ?1
            UNION ALL
            SELECT g.id, 'MANAGE' FROM jump_group g WHERE g.owner_id = ?1
            UNION ALL
            SELECT g.id, 'JUMP' FROM jump_group g
             WHERE g.owner_id IS NOT NULL AND g.owner_id <> ?1
               AND (?2 = 'ALL' OR (?2 = 'TEAM' AND EXISTS (
                    SELECT 1 FROM team_member mine JOIN team_member theirs ON theirs.team_id = mine.team_id
                     WHERE mine.user_id = ?1 AND theirs.user_id = g.owner_id)))
            """;

    /**
     * The enabled user and their roles in one group, comma-separated (null for none): {@link #roleIn} is on
     * the path of every audited change, and one statement instead of the user's row and then all their groups
     * is measurably less work per change.
     */
    private static final String ROLES_IN_GROUP =
            """
            SELECT u.id, (SELECT string_agg(r.role, ',') FROM (
                SELECT m.role FROM jump_group_member m WHERE m.user_id = u.id AND m.group_id = ?2
                UNION ALL
                SELECT 'MANAGE' FROM jump_group g WHERE g.id = ?2 AND g.owner_id = u.id
                UNION ALL
                SELECT 'JUMP' FROM jump_group g
                 WHERE g.id = ?2 AND g.owner_id IS NOT NULL AND g.owner_id <> u.id
                   AND (u.personal_group_visibility = 'ALL' OR (u.personal_group_visibility = 'TEAM' AND EXISTS (
                        SELECT 1 FROM team_member mine JOIN team_member theirs ON theirs.team_id = mine.team_id
                         WHERE mine.user_id = u.id AND theirs.user_id = g.owner_id)))) r)
              FROM console_user u WHERE u.username = ?1 AND u.enabled = TRUE
            """;

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * The enabled console user behind the actor.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code PERMISSION_DENIED} for an unknown, disabled or
     *     non-user actor
     */
    public ConsoleUser user(Actor actor) {
        if (!actor.consoleUser()) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " is not a console user");
        }
        return entityManager
                .createQuery(
                        "SELECT u FROM ConsoleUser u WHERE u.username = :name AND u.enabled = TRUE", ConsoleUser.class)
                .setParameter("name", actor.name())
                .getResultStream()
                .findFirst()
                .orElseThrow(
                        () -> JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " is not an enabled user"));
    }

    /** Refuses with {@code PERMISSION_DENIED} unless the actor is an enabled administrator. */
    public ConsoleUser requireAdministrator(Actor actor) {
        ConsoleUser user = user(actor);
        if (!user.administrator()) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " is not an administrator");
        }
        return user;
    }

    /** Every group the actor can see, with their strongest role in it. */
    public Map<Long, JumpGroupRole> rolesOf(Actor actor) {
        ConsoleUser user = user(actor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(ROLES_OF_USER)
                .setParameter(1, user.id())
                .setParameter(2, user.personalGroupVisibility().name())
                .getResultList();
        Map<Long, JumpGroupRole> roles = new HashMap<>();
        for (Object[] row : rows) {
            roles.merge(
                    ((Number) row[0]).longValue(),
                    JumpGroupRole.valueOf((String) row[1]),
                    (a, b) -> a.includes(b) ? a : b);
        }
        return roles;
    }

    /**
     * Whether the actor may pin a Jump Client into the group from a support session: members of a shared
     * group given the pin permission, the owner of a personal group, and administrators.
     */
    public boolean mayPin(Actor actor, long groupId) {
        ConsoleUser user = user(actor);
        return user.administrator()
                || memberWith(user, groupId, "may_pin")
                || !entityManager
                        .createNativeQuery("SELECT 1 FROM jump_group WHERE id = ?1 AND owner_id = ?2")
                        .setParameter(1, groupId)
                        .setParameter(2, user.id())
                        .getResultList()
                        .isEmpty();
    }

    /** The ids of the groups {@link #mayPin} allows the actor, in one query (the pin dropdown lists them). */
    public List<Long> pinGroups(Actor actor) {
        ConsoleUser user = user(actor);
        @SuppressWarnings("unchecked")
        List<Object> ids = entityManager
                .createNativeQuery("SELECT g.id FROM jump_group g WHERE ?1 OR g.owner_id = ?2 OR EXISTS (SELECT 1"
                        + " FROM jump_group_member m WHERE m.group_id = g.id AND m.user_id = ?2 AND m.may_pin)")
                .setParameter(1, user.administrator())
                .setParameter(2, user.id())
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Whether the actor may make installers for the group: administrators, and members of a shared group
     * given the deploy permission.
     */
    public boolean mayDeploy(Actor actor, long groupId) {
        ConsoleUser user = user(actor);
        return user.administrator() || memberWith(user, groupId, "may_deploy");
    }

    /** Refuses with {@code PERMISSION_DENIED} unless {@link #mayDeploy} allows it. */
    public void requireDeploy(Actor actor, long groupId) {
        if (!mayDeploy(actor, groupId)) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " may not deploy to group " + groupId);
        }
    }

    /** The ids of the shared groups where the actor holds the deploy permission. */
    public List<Long> deployGroups(Actor actor) {
        @SuppressWarnings("unchecked")
        List<Object> ids = entityManager
                .createNativeQuery("SELECT group_id FROM jump_group_member WHERE user_id = ?1 AND may_deploy")
                .setParameter(1, user(actor).id())
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** {@code permission} is one of this class's column names, never input. */
    private boolean memberWith(ConsoleUser user, long groupId, String permission) {
        return !entityManager
                .createNativeQuery(
                        "SELECT 1 FROM jump_group_member WHERE group_id = ?1 AND user_id = ?2 AND " + permission)
                .setParameter(1, groupId)
                .setParameter(2, user.id())
                .getResultList()
                .isEmpty();
    }

    /**
     * The actor's role in one group; empty when they may not see it. The same rule as {@link #rolesOf}, for
     * one group, in one statement.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code PERMISSION_DENIED} for an unknown, disabled or
     *     non-user actor
     */
    public Optional<JumpGroupRole> roleIn(Actor actor, long groupId) {
        if (!actor.consoleUser()) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " is not a console user");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(ROLES_IN_GROUP)
                .setParameter(1, actor.name())
                .setParameter(2, groupId)
                .getResultList();
        if (rows.isEmpty()) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " is not an enabled user");
        }
        Object roles = rows.get(0)[1];
        return roles == null
                ? Optional.empty()
                : Arrays.stream(roles.toString().split(","))
                        .map(JumpGroupRole::valueOf)
                        .reduce((a, b) -> a.includes(b) ? a : b);
    }
}

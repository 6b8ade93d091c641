package org.jumpdesk.jumpgroups.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpgroups.control.JumpGroupNames;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroup;
import org.jumpdesk.jumpgroups.entity.JumpGroupMember;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.users.entity.ConsoleUser;

/** Use cases on Jump Groups. Each public method is one JTA transaction. */
@Stateless
@AuditedAs
public class JumpGroups {

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @EJB
    private JumpGroupNames groupNames;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /** Administrators create shared groups. */
    @AuditedAs("jump-group.create")
    public JumpGroupView createShared(
            Actor actor,
            @NotBlank @Size(max = 64) @Pattern(regexp = "^(?!user:).*", message = "must not start with user:")
                    String name) {
        permissions.requireAdministrator(actor);
        if (groupNames.find(name).isPresent()) {
            throw JumpDeskStatus.INVALID_INPUT.exception("a Jump Group named '" + name + "' exists");
        }
        JumpGroup group = JumpGroup.shared(name, clock.instant());
        entityManager.persist(group);
        entityManager.flush();
        auditTrail.record(actor.name(), "jump-group.create", name, null);
        return new JumpGroupView(group.id(), group.name(), false, JumpGroupRole.MANAGE);
    }

    /** Administrators give a user a role in a shared group (replacing any role they had). */
    @AuditedAs("jump-group.set-member")
    public void setMember(
            Actor actor, @NotBlank String groupName, @NotBlank String username, @NotNull JumpGroupRole role) {
        permissions.requireAdministrator(actor);
        JumpGroup group = groupNames.existing(groupName);
        if (group.personal()) {
            throw JumpDeskStatus.INVALID_INPUT.exception("personal group '" + groupName + "' has no members");
        }
        ConsoleUser user = entityManager
                .createQuery("SELECT u FROM ConsoleUser u WHERE u.username = :name", ConsoleUser.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> JumpDeskStatus.INVALID_INPUT.exception("no user named '" + username + "'"));
        JumpGroupMember member =
                entityManager.find(JumpGroupMember.class, new JumpGroupMember.Key(group.id(), user.id()));
        if (member == null) {
            entityManager.persist(new JumpGroupMember(group.id(), user.id(), role));
        } else {
            member.changeRole(role);
        }
        auditTrail.record(actor.name(), "jump-group.set-member", groupName, username + " " + role);
    }

    /**
     * Administrators give a member of a shared group the pin and deploy permissions, or take them away.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code INVALID_INPUT} when the user is not a member
     */
    @AuditedAs("jump-group.set-permissions")
    public void setPermissions(
            Actor actor, @NotBlank String groupName, @NotBlank String username, boolean pin, boolean deploy) {
        permissions.requireAdministrator(actor);
        JumpGroup group = groupNames.existing(groupName);
        JumpGroupMember member = entityManager
                .createQuery(
                        "SELECT m FROM JumpGroupMember m, ConsoleUser u WHERE m.groupId = :group AND m.userId = u.id"
                                + " AND u.username = :name",
                        JumpGroupMember.class)
                .setParameter("group", group.id())
                .setParameter("name", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> JumpDeskStatus.INVALID_INPUT.exception(
                        "username: '" + username + "' is not a member of '" + groupName + "'"));
        member.changePermissions(pin, deploy);
        auditTrail.record(
                actor.name(), "jump-group.set-permissions", groupName, username + " pin=" + pin + " deploy=" + deploy);
    }

    /** Administrators remove a user from a shared group; clients they reached through it vanish for them. */
    @AuditedAs("jump-group.remove-member")
    public void removeMember(Actor actor, @NotBlank String groupName, @NotBlank String username) {
        permissions.requireAdministrator(actor);
        int removed = entityManager
                .createNativeQuery("DELETE FROM jump_group_member m USING jump_group g, console_user u"
                        + " WHERE m.group_id = g.id AND m.user_id = u.id AND g.name = ?1 AND u.username = ?2")
                .setParameter(1, groupName)
                .setParameter(2, username)
                .executeUpdate();
        if (removed == 0) {
            throw JumpDeskStatus.INVALID_INPUT.exception(
                    "username: '" + username + "' is not a member of '" + groupName + "'");
        }
        auditTrail.record(actor.name(), "jump-group.remove-member", groupName, username);
    }

    /** Every shared group with its members, by name (administrators). */
    public List<SharedGroupView> sharedGroups(Actor actor) {
        permissions.requireAdministrator(actor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT g.name, u.username, m.role, m.may_pin, m.may_deploy FROM jump_group g"
                        + " LEFT JOIN jump_group_member m ON m.group_id = g.id LEFT JOIN console_user u ON u.id = m.user_id"
                        + " WHERE g.owner_id IS NULL ORDER BY g.name, u.username")
                .getResultList();
        Map<String, List<SharedGroupView.Member>> members = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<SharedGroupView.Member> list = members.computeIfAbsent((String) row[0], g -> new ArrayList<>());
            if (row[1] != null) {
                list.add(new SharedGroupView.Member(
                        (String) row[1],
                        JumpGroupRole.valueOf((String) row[2]),
                        Boolean.TRUE.equals(row[3]),
                        Boolean.TRUE.equals(row[4])));
            }
        }
        return members.entrySet().stream()
                .map(e -> new SharedGroupView(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** The groups the actor can see, by name. */
    public List<JumpGroupView> visible(Actor actor) {
        Map<Long, JumpGroupRole> roles = permissions.rolesOf(actor);
        if (roles.isEmpty()) {
            return List.of();
        }
        return entityManager
                .createQuery("SELECT g FROM JumpGroup g WHERE g.id IN :ids", JumpGroup.class)
                .setParameter("ids", roles.keySet())
                .getResultStream()
                .map(g -> new JumpGroupView(g.id(), g.name(), g.personal(), roles.get(g.id())))
                .sorted(Comparator.comparing(JumpGroupView::name))
                .toList();
    }
}

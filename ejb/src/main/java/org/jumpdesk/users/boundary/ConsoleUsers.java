package org.jumpdesk.users.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroup;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.users.control.LoginThrottle;
import org.jumpdesk.users.control.PasswordHashing;
import org.jumpdesk.users.entity.ConsoleUser;
import org.jumpdesk.users.entity.PersonalGroupVisibility;
import org.jumpdesk.users.entity.Team;

/** Use cases on console accounts and teams. Each public method is one JTA transaction. */
@Stateless
@AuditedAs
public class ConsoleUsers {

    /** Role of every console user: may use the Jump interface. */
    public static final String REPRESENTATIVE = "representative";

    /** Role of administrators: may use the admin portal. */
    public static final String ADMIN = "admin";

    /** Role of users who must choose a new password before they may use any other page. */
    public static final String MUST_CHANGE_PASSWORD = "password-change-required";

    /** Name of the administrator created when the site first starts. */
    public static final String INITIAL_ADMIN = "admin";

    @PersistenceContext
    private EntityManager entityManager;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    @EJB
    private Permissions permissions;

    @EJB
    private LoginThrottle throttle;

    /**
     * Checks a login from a source address. An account or address with {@value LoginThrottle#MAX_FAILURES}
     * failures within five minutes is locked for five minutes: its logins are refused without looking at
     * the password. Success, failure, lockout and refusal while locked are all audited (failures without
     * saying whether the account exists).
     */
    public LoginResult verify(String username, char[] password, String sourceAddress) {
        Instant now = clock.instant();
        LoginThrottle.Subjects subjects = new LoginThrottle.Subjects(username, sourceAddress);
        String detail = "from " + sourceAddress;
        Optional<Instant> lockedUntil = throttle.lockedUntil(subjects, now);
        if (lockedUntil.isPresent()) {
            auditTrail.record(
                    username, "console.login", null, "LOCKED_OUT", detail + ", locked until " + lockedUntil.get());
            return LoginResult.LOCKED_OUT;
        }
        Optional<ConsoleUser> user = find(username)
                .filter(ConsoleUser::enabled)
                .filter(u -> PasswordHashing.matches(password, u.passwordHash()));
        if (user.isEmpty()) {
            auditTrail.record(username, "console.login", null, "LOGIN_FAILED", detail);
            if (throttle.failed(subjects, now)) {
                auditTrail.record(
                        username,
                        "console.lockout",
                        sourceAddress,
                        AuditTrail.SUCCESS,
                        LoginThrottle.MAX_FAILURES + " failed logins, locked for " + LoginThrottle.LOCKOUT);
            }
            return LoginResult.FAILED;
        }
        throttle.succeeded(subjects);
        auditTrail.record(username, "console.login", null, AuditTrail.SUCCESS, detail);
        ConsoleUser u = user.get();
        return LoginResult.success(new ConsoleIdentity(u.username(), roles(u)));
    }

    private static Set<String> roles(ConsoleUser user) {
        Set<String> roles = new HashSet<>(Set.of(REPRESENTATIVE));
        if (user.administrator()) {
            roles.add(ADMIN);
        }
        if (user.mustChangePassword()) {
            roles.add(MUST_CHANGE_PASSWORD);
        }
        return Set.copyOf(roles);
    }

    /** Every account with its teams, by name (administrators). */
    public List<ConsoleUserView> list(Actor actor) {
        permissions.requireAdministrator(actor);
        Map<String, List<String>> teamsOf = new HashMap<>();
        teams(actor).forEach(team -> team.members()
                .forEach(member ->
                        teamsOf.computeIfAbsent(member, m -> new ArrayList<>()).add(team.name())));
        return entityManager
                .createQuery("SELECT u FROM ConsoleUser u ORDER BY u.username", ConsoleUser.class)
                .getResultStream()
                .map(u -> new ConsoleUserView(
                        u.username(),
                        u.administrator(),
                        u.enabled(),
                        u.mustChangePassword(),
                        u.personalGroupVisibility(),
                        teamsOf.getOrDefault(u.username(), List.of())))
                .toList();
    }

    /** Every team with its members, by name (administrators). */
    public List<TeamView> teams(Actor actor) {
        permissions.requireAdministrator(actor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT t.name, u.username FROM team t LEFT JOIN team_member m ON m.team_id = t.id"
                        + " LEFT JOIN console_user u ON u.id = m.user_id ORDER BY t.name, u.username")
                .getResultList();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<String> names = members.computeIfAbsent((String) row[0], t -> new ArrayList<>());
            if (row[1] != null) {
                names.add((String) row[1]);
            }
        }
        return members.entrySet().stream()
                .map(e -> new TeamView(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /**
     * Administrators disable or enable an account. A disabled user cannot log in, and their API tokens are
     * refused; administrators cannot disable themselves.
     */
    @AuditedAs("console-user.set-enabled")
    public void setEnabled(Actor actor, @NotNull String username, boolean enabled) {
        permissions.requireAdministrator(actor);
        if (!enabled && username.equals(actor.name())) {
            throw JumpDeskStatus.INVALID_INPUT.exception("username: you cannot disable your own account");
        }
        existing(username).enable(enabled);
        auditTrail.record(actor.name(), "console-user.set-enabled", username, enabled ? "enabled" : "disabled");
    }

    /** Administrators set a temporary password; the user must change it at the next login. */
    @AuditedAs("console-user.reset-password")
    public void resetPassword(Actor actor, @NotNull String username, @NotNull @Valid NewPassword password) {
        permissions.requireAdministrator(actor);
        existing(username)
                .resetPassword(PasswordHashing.hash(password.password().toCharArray()));
        auditTrail.record(actor.name(), "console-user.reset-password", username, null);
    }

    /** Administrators make a user choose a new password at the next login. */
    @AuditedAs("console-user.require-password-change")
    public void requirePasswordChange(Actor actor, @NotNull String username) {
        permissions.requireAdministrator(actor);
        existing(username).requirePasswordChange();
        auditTrail.record(actor.name(), "console-user.require-password-change", username, null);
    }

    /** Administrators set whose personal Jump Groups a user may see. */
    @AuditedAs("console-user.visibility")
    public void changeVisibility(Actor actor, @NotNull String username, @NotNull PersonalGroupVisibility visibility) {
        permissions.requireAdministrator(actor);
        existing(username).allowToSeePersonalGroups(visibility);
        auditTrail.record(actor.name(), "console-user.visibility", username, visibility.name());
    }

    /**
     * A user replaces their own password, knowing the current one. Works while they must change it, which
     * it ends.
     */
    @AuditedAs("console-user.change-password")
    public void changeOwnPassword(Actor actor, @NotNull String currentPassword, @NotNull @Valid NewPassword password) {
        ConsoleUser user = find(actor.name())
                .filter(ConsoleUser::enabled)
                .orElseThrow(
                        () -> JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " is not an enabled user"));
        if (!PasswordHashing.matches(currentPassword.toCharArray(), user.passwordHash())) {
            throw JumpDeskStatus.INVALID_INPUT.exception("currentPassword: is not the current password");
        }
        if (currentPassword.equals(password.password())) {
            throw JumpDeskStatus.INVALID_INPUT.exception("password: must differ from the current password");
        }
        user.changePassword(PasswordHashing.hash(password.password().toCharArray()));
        auditTrail.record(actor.name(), "console-user.change-password", actor.name(), null);
    }

    private ConsoleUser existing(String username) {
        return find(username)
                .orElseThrow(
                        () -> JumpDeskStatus.INVALID_INPUT.exception("username: no user named '" + username + "'"));
    }

    /**
     * Creates the first administrator if the site has none.
     *
     * @return true if it was created now
     */
    public boolean createInitialAdministratorIfMissing(char[] password) {
        long administrators = entityManager
                .createQuery("SELECT COUNT(u) FROM ConsoleUser u WHERE u.administrator = TRUE", Long.class)
                .getSingleResult();
        if (administrators > 0) {
            return false;
        }
        persistWithPersonalGroup(new ConsoleUser(INITIAL_ADMIN, PasswordHashing.hash(password), true, clock.instant()));
        auditTrail.record(Actor.SYSTEM.name(), "console-user.create", INITIAL_ADMIN, "initial administrator");
        return true;
    }

    /** Administrators create console accounts; each gets its personal Jump Group {@code user:<name>}. */
    @AuditedAs("console-user.create")
    public void create(Actor actor, @NotNull @Valid NewConsoleUser newUser) {
        permissions.requireAdministrator(actor);
        if (find(newUser.username()).isPresent()) {
            throw JumpDeskStatus.INVALID_INPUT.exception("username: '" + newUser.username() + "' is taken");
        }
        ConsoleUser user = new ConsoleUser(
                newUser.username(),
                PasswordHashing.hash(newUser.password().toCharArray()),
                newUser.administrator(),
                clock.instant());
        user.allowToSeePersonalGroups(newUser.personalGroupVisibility());
        persistWithPersonalGroup(user);
        auditTrail.record(
                actor.name(),
                "console-user.create",
                newUser.username(),
                newUser.personalGroupVisibility().name());
    }

    /** Administrators create teams. */
    @AuditedAs("team.create")
    public void createTeam(Actor actor, @NotNull @Size(min = 1, max = 64) String name) {
        permissions.requireAdministrator(actor);
        entityManager.persist(new Team(name, clock.instant()));
        auditTrail.record(actor.name(), "team.create", name, null);
    }

    /** Administrators put a user in a team. */
    @AuditedAs("team.add-member")
    public void addToTeam(Actor actor, @NotNull String teamName, @NotNull String username) {
        permissions.requireAdministrator(actor);
        Team team = entityManager
                .createQuery("SELECT t FROM Team t WHERE t.name = :name", Team.class)
                .setParameter("name", teamName)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> JumpDeskStatus.INVALID_INPUT.exception("no team named '" + teamName + "'"));
        team.add(existing(username));
        auditTrail.record(actor.name(), "team.add-member", teamName, username);
    }

    private void persistWithPersonalGroup(ConsoleUser user) {
        entityManager.persist(user);
        entityManager.flush();
        entityManager.persist(JumpGroup.personal(user.username(), user.id(), clock.instant()));
    }

    private Optional<ConsoleUser> find(String username) {
        return entityManager
                .createQuery("SELECT u FROM ConsoleUser u WHERE u.username = :username", ConsoleUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }
}

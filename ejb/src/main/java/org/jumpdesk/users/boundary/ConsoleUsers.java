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
import org.jumpdesk.users.entity.Team;

/** Use cases on console accounts and teams. Each public method is one JTA transaction. */
@Stateless
@AuditedAs
public class ConsoleUsers {

    /** Role of every console user: may use the Jump interface. */
    public static final String REPRESENTATIVE = "representative";

    /** Role of administrators: may use the admin portal. */
    public static final String ADMIN = "admin";

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
        return LoginResult.success(new ConsoleIdentity(
                u.username(), u.administrator() ? Set.of(REPRESENTATIVE, ADMIN) : Set.of(REPRESENTATIVE)));
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
        team.add(find(username)
                .orElseThrow(() -> JumpDeskStatus.INVALID_INPUT.exception("no user named '" + username + "'")));
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

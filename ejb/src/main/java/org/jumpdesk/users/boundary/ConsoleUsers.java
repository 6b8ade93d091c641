package org.jumpdesk.users.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.users.control.PasswordHashing;
import org.jumpdesk.users.entity.ConsoleUser;

/** Use cases on console accounts. Each public method is one JTA transaction. */
@Stateless
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

    /**
     * Checks a login. Success and failure are both audited (failures without saying whether the account
     * exists).
     *
     * @return the identity, or empty when the username or password is wrong
     */
    public Optional<ConsoleIdentity> verify(String username, char[] password) {
        Optional<ConsoleUser> user = find(username).filter(u -> PasswordHashing.matches(password, u.passwordHash()));
        auditTrail.record(
                username, "console.login", null, user.isPresent() ? AuditTrail.SUCCESS : "LOGIN_FAILED", null);
        return user.map(u -> new ConsoleIdentity(
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
        entityManager.persist(new ConsoleUser(INITIAL_ADMIN, PasswordHashing.hash(password), true, clock.instant()));
        auditTrail.record("system", "console-user.created", INITIAL_ADMIN, "initial administrator");
        return true;
    }

    private Optional<ConsoleUser> find(String username) {
        return entityManager
                .createQuery("SELECT u FROM ConsoleUser u WHERE u.username = :username", ConsoleUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }
}

package org.jumpdesk.users.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import org.jumpdesk.users.control.PasswordHashing;

/**
 * Makes sure a new site can be logged in to: creates the administrator {@code admin} at the first start.
 * Its password comes from {@code JUMPDESK_INITIAL_ADMIN_PASSWORD} (set by the run command, which prints
 * it), or is generated and written once to the server log.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InitialAdministrator {

    static final String PASSWORD_VARIABLE = "JUMPDESK_INITIAL_ADMIN_PASSWORD";

    private static final Logger LOG = Logger.getLogger(InitialAdministrator.class.getName());

    @EJB
    private ConsoleUsers consoleUsers;

    @PostConstruct
    void ensureAdministrator() {
        String configured = System.getenv(PASSWORD_VARIABLE);
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? PasswordHashing.randomPassword(20) : configured;
        if (!consoleUsers.createInitialAdministratorIfMissing(password.toCharArray())) {
            return;
        }
        if (generated) {
            // Shown once so that a site installed without the run command can be logged in to.
            LOG.warning(() -> "Created the initial administrator '" + ConsoleUsers.INITIAL_ADMIN + "' with password "
                    + password + " - change it after the first login.");
        } else {
            LOG.info(() -> "Created the initial administrator '" + ConsoleUsers.INITIAL_ADMIN
                    + "' with the password from " + PASSWORD_VARIABLE + ".");
        }
    }
}

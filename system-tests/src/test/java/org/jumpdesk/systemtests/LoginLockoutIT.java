package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.users.boundary.ConsoleUsers;
import org.jumpdesk.users.boundary.LoginResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Five failed logins within five minutes lock the account, and separately the source address, for five
 * minutes; the state is in the database, so every node sees it. Source addresses here are documentation
 * addresses (RFC 5737) given to the boundary as text: no traffic goes anywhere.
 */
@ExtendWith(ArquillianExtension.class)
class LoginLockoutIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(LoginLockoutIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private ConsoleUsers consoleUsers;

    @Test
    void fiveFailuresFromAnywhereLockTheAccountEvenForTheRightPassword() throws Exception {
        Actor user = fixtures.user();
        for (int i = 1; i <= 4; i++) {
            assertThat(login(user, "wrong", "192.0.2." + i)).isEqualTo(LoginResult.FAILED);
        }
        assertThat(login(user, PASSWORD, "192.0.2.50").identity())
                .as("four failures lock nothing")
                .isPresent();
        for (int i = 1; i <= 5; i++) {
            assertThat(login(user, "wrong", "192.0.2." + i)).isEqualTo(LoginResult.FAILED);
        }

        assertThat(login(user, PASSWORD, "192.0.2.60")).isEqualTo(LoginResult.LOCKED_OUT);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'console.lockout'", user.name()))
                .isEqualTo(1);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'console.login'"
                                + " AND outcome = 'LOCKED_OUT' AND detail LIKE 'from 192.0.2.60%'",
                        user.name()))
                .isEqualTo(1);

        fixtures.execute(
                "UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE subject = ?", user.name());
        assertThat(login(user, PASSWORD, "192.0.2.60").identity())
                .as("the lockout ends after its time")
                .isPresent();
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForEveryAccount() throws Exception {
        String address = "198.51.100." + (int) (Math.random() * 250 + 1);
        fixtures.execute("DELETE FROM login_throttle WHERE subject = ?", address);
        for (int i = 0; i < 5; i++) {
            assertThat(login(fixtures.user(), "wrong", address)).isEqualTo(LoginResult.FAILED);
        }
        Actor innocent = fixtures.user();

        assertThat(login(innocent, PASSWORD, address)).isEqualTo(LoginResult.LOCKED_OUT);
        assertThat(login(innocent, PASSWORD, "203.0.113.9").identity())
                .as("the same account from another address")
                .isPresent();
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'console.lockout' AND target = ?", address))
                .isEqualTo(1);
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() throws Exception {
        Actor user = fixtures.user();
        for (int i = 0; i < 4; i++) {
            login(user, "wrong", "192.0.2.70");
        }
        fixtures.execute(
                "UPDATE login_throttle SET first_failure_at = now() - interval '6 minutes' WHERE subject = ?",
                user.name());
        login(user, "wrong", "192.0.2.71");

        assertThat(login(user, PASSWORD, "192.0.2.72").identity()).isPresent();
    }

    private LoginResult login(Actor user, String password, String address) {
        return consoleUsers.verify(user.name(), password.toCharArray(), address);
    }
}

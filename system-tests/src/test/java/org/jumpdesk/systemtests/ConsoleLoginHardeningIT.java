package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Login over HTTP as a browser does it: a new session id at login, and the lockout after five failures. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleLoginHardeningIT {

    private static final String PAGE = "console/jump-clients.xhtml";
    private static final String PASSWORD = "correct horse battery";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @Test
    void loggingInGivesTheBrowserANewSessionId() throws Exception {
        String username = TestSite.createRepresentative(PASSWORD);
        ConsoleSession console = new ConsoleSession(TestSite.httpUrl());
        console.get(PAGE);
        String before = console.sessionId().orElseThrow();

        HttpResponse<String> page = console.logIn(PAGE, username, PASSWORD);

        assertThat(page.body()).contains("id=\"signed-in-as\">" + username);
        assertThat(console.sessionId()).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void theSixthLoginAfterFiveFailuresIsRefusedWithTheLockoutMessage() throws Exception {
        String username = TestSite.createRepresentative(PASSWORD);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(new ConsoleSession(TestSite.httpUrl())
                                .logIn(PAGE, username, "wrong")
                                .body())
                        .contains("id=\"login-failed\"");
            }

            HttpResponse<String> refused = new ConsoleSession(TestSite.httpUrl()).logIn(PAGE, username, PASSWORD);

            assertThat(refused.body()).contains("id=\"login-locked\"").doesNotContain("signed-in-as");
            assertThat(TestSite.count(
                            "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'console.login'"
                                    + " AND outcome = 'LOCKED_OUT'",
                            username))
                    .isEqualTo(1);
        } finally {
            TestSite.forgetLoginFailures();
        }
    }
}

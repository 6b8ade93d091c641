package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, as a customer and a representative would see it: the built agent jar connects to the site
 * on WildFly, and the representative finds it on the console page after logging in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentListedOnConsoleIT {

    private static final String PAGE = "console/jump-clients.xhtml";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path workDirectory;

    @Test
    void aConnectedAgentIsListedForALoggedInRepresentative() throws Exception {
        String password = "s3cret-" + UUID.randomUUID();
        String username = TestSite.createRepresentative(password);
        String installerKey = TestSite.createInstaller("user:" + username);

        try (AgentProcess agent = AgentProcess.start(
                TestSite.agentUrl(),
                workDirectory,
                "--installer-key",
                installerKey,
                "--jc-jump-group",
                "user:" + username)) {
            UUID clientId = agent.awaitClientId(Duration.ofSeconds(30));
            assertThat(Files.getPosixFilePermissions(
                            workDirectory.resolve("state").resolve("agent.key")))
                    .as("the private key is readable by the agent's account only")
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            ConsoleSession console = new ConsoleSession(TestSite.httpUrl());
            HttpResponse<String> page = console.logIn(PAGE, username, password);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"signed-in-as\">" + username);

            String rowOfTheAgent = "data-client-id=\"" + clientId + "\"";
            Instant deadline = Instant.now().plusSeconds(60);
            while (!page.body().contains(rowOfTheAgent) && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(250);
                page = console.get(PAGE);
            }
            assertThat(page.body())
                    .as("console page; agent output: %s", agent.output())
                    .contains(rowOfTheAgent);
            assertThat(agent.output()).contains("Connected to " + TestSite.agentUrl() + " as Jump Client " + clientId);
        }
    }

    @Test
    void anAgentWithAnUnknownInstallerKeyExitsWithAClearErrorAndRegistersNothing() throws Exception {
        try (AgentProcess agent =
                AgentProcess.start(TestSite.agentUrl(), workDirectory, "--installer-key", "not-a-key")) {
            assertThat(agent.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(agent.output()).contains("INSTALLER_INVALID");
            assertThat(workDirectory.resolve("state").resolve("client-id")).doesNotExist();
        }
    }

    @Test
    void theConsoleNeedsALoginAndRefusesAWrongPassword() throws Exception {
        String username = TestSite.createRepresentative("right-password");
        ConsoleSession console = new ConsoleSession(TestSite.httpUrl());

        HttpResponse<String> anonymous = console.get(PAGE);
        assertThat(anonymous.body()).contains("j_security_check").doesNotContain("jump-clients_data");

        HttpResponse<String> refused = console.logIn(PAGE, username, "wrong-password");
        assertThat(refused.body()).contains("login-failed").doesNotContain("signed-in-as");
        assertThat(console.get(PAGE).body()).contains("j_security_check");
        assertThat(TestSite.count(
                        "SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'console.login' AND outcome = 'LOGIN_FAILED'",
                        username))
                .isEqualTo(1);
    }
}

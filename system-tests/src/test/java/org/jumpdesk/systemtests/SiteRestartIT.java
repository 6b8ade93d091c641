package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jumpdesk.installers.control.InstallerKeys;
import org.jumpdesk.launcher.WildFlyProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site restart as operators do it: agents lose their connections, come back on their own once the site
 * is up again, and none registers a second time. The site's close at shutdown tells them it restarts, so
 * they try again every 1 to 3 s instead of backing off towards a minute, and are back within seconds. While it
 * boots the site answers 503 at once instead of holding requests until it is deployed. Runs its own WildFly
 * (from the provisioned server, with the built EAR, 100 ports above the test server) so the test can stop
 * and start it.
 */
class SiteRestartIT {

    // Above the shared test server, so several checkouts can run their suites side by side.
    private static final int PORT_OFFSET = TestSite.portOffset() + 100;
    private static final int AGENTS = 3;
    private static final Pattern ONLINE = Pattern.compile("data-online=\"true\"");
    /** What the agent logs before each new attempt while the site restarts. */
    private static final Pattern RETRY_WAIT =
            Pattern.compile("\\(the site is restarting\\); trying again in (\\d+) ms");

    @TempDir
    Path work;

    @Test
    void everyAgentReconnectsAfterARestartAndNoneRegistersTwice() throws Exception {
        URI site = URI.create("http://localhost:" + (8080 + PORT_OFFSET) + "/");
        URI agentEndpoint = URI.create("ws://localhost:" + (8080 + PORT_OFFSET) + "/agent");
        WildFlyProcess wildfly = startSite(new ArrayList<>());
        List<AgentProcess> agents = new ArrayList<>();
        try {
            String representative = TestSite.createRepresentative("s3cret-password");
            String key = TestSite.createInstaller("user:" + representative);
            for (int i = 0; i < AGENTS; i++) {
                agents.add(AgentProcess.start(agentEndpoint, work.resolve("machine-" + i), "--installer-key", key));
            }
            for (AgentProcess agent : agents) {
                agent.awaitClientId(Duration.ofSeconds(60));
            }
            ConsoleSession console = new ConsoleSession(site);
            console.logIn("console/jump-clients.xhtml", representative, "s3cret-password");
            awaitOnline(console, AGENTS, Duration.ofSeconds(60));

            wildfly.stop();
            List<Integer> answersWhileBooting = new ArrayList<>();
            wildfly = startSite(answersWhileBooting);
            Instant answering = Instant.now();
            assertThat(answersWhileBooting)
                    .as("a booting site answers at once: 503 until the application is deployed, then 200")
                    .contains(503)
                    .doesNotContain(WildFlyProcess.HELD)
                    .last()
                    .isEqualTo(200);

            // The restarted node keeps the presence its agents take over, so "online" alone would not show
            // they are back: each connection must belong to the node's new run.
            awaitConnectedToThisRun(key, Duration.ofSeconds(120));
            Duration back = Duration.between(answering, Instant.now());
            ConsoleSession afterRestart = new ConsoleSession(site);
            afterRestart.logIn("console/jump-clients.xhtml", representative, "s3cret-password");
            awaitOnline(afterRestart, AGENTS, Duration.ofSeconds(30));
            for (AgentProcess agent : agents) {
                List<Long> waits = RETRY_WAIT
                        .matcher(agent.output())
                        .results()
                        .map(m -> Long.valueOf(m.group(1)))
                        .toList();
                assertThat(agent.output())
                        .as("the agent took the site's close at shutdown for a restart")
                        .contains("(the site is restarting); trying again in");
                assertThat(waits)
                        .as("while the site was down the agent tried again every 1 to 3 s, not backing off")
                        .isNotEmpty()
                        .allSatisfy(wait -> assertThat(wait).isBetween(1000L, 3000L));
            }
            // The agents' waits are at most 3 s; the rest is the console's polling and the machine's load.
            assertThat(back).as("agents back after the site answered again").isLessThan(Duration.ofSeconds(30));
            assertThat(TestSite.count(
                            "SELECT COUNT(*) FROM jump_client WHERE installer_id = (SELECT id FROM installer WHERE key_hash = ?)",
                            InstallerKeys.hash(key)))
                    .as("no client registered twice")
                    .isEqualTo(AGENTS);
        } finally {
            for (AgentProcess agent : agents) {
                agent.close();
            }
            wildfly.stop();
        }
    }

    /**
     * Starts the site and waits until it answers 200.
     *
     * @param answers the status of each answer to the probe, {@link WildFlyProcess#HELD} for a held request
     */
    private WildFlyProcess startSite(List<Integer> answers) throws Exception {
        WildFlyProcess wildfly = WildFlyProcess.start(
                Path.of(System.getProperty("jboss.home")),
                Path.of(System.getProperty("jumpdesk.ear")),
                work.resolve("wildfly"),
                Map.of("JUMPDESK_NODE_ID", "restart-test"),
                List.of("-Djboss.socket.binding.port-offset=" + PORT_OFFSET));
        URI probe = URI.create("http://localhost:" + (8080 + PORT_OFFSET) + "/login.xhtml");
        assertThat(wildfly.awaitReady(probe, Duration.ofMinutes(3), answers::add))
                .as("site up (answers " + answers + "); log in " + wildfly.log())
                .isTrue();
        return wildfly;
    }

    /** Waits until every agent of the installer holds a connection of the node's current run. */
    private static void awaitConnectedToThisRun(String installerKey, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long connected = 0;
        while (Instant.now().isBefore(deadline)) {
            connected = TestSite.count(
                    "SELECT COUNT(*) FROM agent_connection a JOIN site_node n ON n.node_id = a.node_id"
                            + " AND n.boot_id = a.boot_id JOIN jump_client c ON c.id = a.client_id"
                            + " WHERE c.installer_id = (SELECT id FROM installer WHERE key_hash = ?)",
                    InstallerKeys.hash(installerKey));
            if (connected == AGENTS) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        assertThat(connected)
                .as("agents connected to the restarted node after " + timeout)
                .isEqualTo(AGENTS);
    }

    private static void awaitOnline(ConsoleSession console, int expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long online = 0;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> page = console.get("console/jump-clients.xhtml");
            online = ONLINE.matcher(page.body()).results().count();
            if (online == expected) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        assertThat(online).as("agents online after " + timeout).isEqualTo(expected);
    }
}

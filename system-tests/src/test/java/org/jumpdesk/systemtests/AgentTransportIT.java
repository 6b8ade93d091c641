package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's transport as shipped: TLS to the site with the certificate pinned by its fingerprint, and
 * several site addresses tried in order. Real agent processes against the site's HTTPS listener.
 */
@ExtendWith(ArquillianExtension.class)
class AgentTransportIT {

    private static final String WRONG_FINGERPRINT =
            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:" + "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @TempDir
    Path machine;

    @Test
    void anAgentConnectsOverTlsToTheSiteWhoseCertificateItPins() throws Exception {
        String representative = TestSite.createRepresentative("s3cret-password");
        String key = TestSite.createInstaller("user:" + representative);

        try (AgentProcess agent = AgentProcess.start(
                TestSite.secureAgentUrl(),
                machine,
                "--site-fingerprint",
                TestSite.certificateFingerprint(),
                "--installer-key",
                key)) {
            agent.awaitClientId(Duration.ofSeconds(30));
            agent.awaitOutput("Connected to " + TestSite.secureAgentUrl(), Duration.ofSeconds(30));
        }
    }

    @Test
    void anAgentRefusesASiteWithAnotherCertificateAndRegistersNothing() throws Exception {
        String representative = TestSite.createRepresentative("s3cret-password");
        String key = TestSite.createInstaller("user:" + representative);

        try (AgentProcess agent = AgentProcess.start(
                TestSite.secureAgentUrl(), machine, "--site-fingerprint", WRONG_FINGERPRINT, "--installer-key", key)) {
            agent.awaitOutput("does not match the pinned certificate", Duration.ofSeconds(30));

            assertThat(machine.resolve("state").resolve("client-id")).doesNotExist();
            assertThat(TestSite.count(
                            "SELECT COUNT(*) FROM jump_client WHERE installer_id = (SELECT id FROM installer WHERE key_hash = ?)",
                            org.jumpdesk.installers.control.InstallerKeys.hash(key)))
                    .isZero();
        }
    }

    @Test
    void anAgentTriesTheSitesAddressesInOrder() throws Exception {
        String representative = TestSite.createRepresentative("s3cret-password");
        String key = TestSite.createInstaller("user:" + representative);

        try (AgentProcess agent = AgentProcess.start(
                java.net.URI.create("wss://localhost:1/agent"),
                machine,
                "--site",
                TestSite.secureAgentUrl().toString(),
                "--site-fingerprint",
                TestSite.certificateFingerprint(),
                "--connect-timeout",
                "2",
                "--installer-key",
                key)) {
            agent.awaitOutput("Connected to " + TestSite.secureAgentUrl(), Duration.ofSeconds(30));
        }
    }
}

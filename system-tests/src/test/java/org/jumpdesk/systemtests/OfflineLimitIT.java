package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The offline limit (default 180 days), judged at a time the test chooses instead of waiting for it: the
 * sweep takes "now" as an argument and the timer passes the clock's.
 */
@ExtendWith(ArquillianExtension.class)
class OfflineLimitIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(OfflineLimitIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private JumpClients jumpClients;

    private Actor manager;
    private String key;

    @BeforeEach
    void aManagedGroup() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        manager = managed.manager();
        key = fixtures.installer(managed.group(), JumpClientMode.ACTIVE);
    }

    @Test
    void aClientOfflineForLongerThan180DaysIsUninstalledAndRemoved() throws Exception {
        UUID id = fixtures.connected(key);
        JumpClientSummary client = jumpClients.details(manager, id);
        Instant lastContact = client.lastContactAt();
        assertThat(client.removalDue()).isEqualTo(lastContact.plus(Duration.ofDays(180)));

        jumpClients.removeOfflineBeyondLimit(lastContact.plus(Duration.ofDays(179)));
        assertThat(jumpClients.details(manager, id).id())
                .as("still there after 179 days")
                .isEqualTo(id);

        jumpClients.removeOfflineBeyondLimit(lastContact.plus(Duration.ofDays(181)));

        assertThat(jumpClients.list(manager, 0, 1000))
                .extracting(JumpClientSummary::id)
                .doesNotContain(id);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM jump_client WHERE id = ? AND state = 'UNINSTALLED' AND deleted_at IS NOT NULL",
                        id))
                .isEqualTo(1);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM audit_event WHERE target = ? AND action = 'jump-client.offline-limit-reached'",
                        id.toString()))
                .isEqualTo(1);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    @Test
    void aClientsOwnLimitOverridesTheSites() {
        UUID shortLived = fixtures.connected(key);
        UUID longLived = fixtures.connected(key);
        jumpClients.overrideOfflineLimit(manager, shortLived, 7);
        jumpClients.overrideOfflineLimit(manager, longLived, 400);
        Instant lastContact = jumpClients.details(manager, longLived).lastContactAt();

        jumpClients.removeOfflineBeyondLimit(lastContact.plus(Duration.ofDays(200)));

        assertThat(jumpClients.list(manager, 0, 1000))
                .extracting(JumpClientSummary::id)
                .contains(longLived)
                .doesNotContain(shortLived);
        assertThat(jumpClients.details(manager, longLived).removalDue())
                .isEqualTo(
                        jumpClients.details(manager, longLived).lastContactAt().plus(Duration.ofDays(400)));

        jumpClients.removeOfflineBeyondLimit(lastContact.plus(Duration.ofDays(401)));
        assertThat(jumpClients.list(manager, 0, 1000))
                .extracting(JumpClientSummary::id)
                .doesNotContain(longLived);
    }
}

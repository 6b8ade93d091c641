package org.jumpdesk.jumpclients.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.jumpgroups.entity.JumpGroup;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole state machine of SPEC §2: every state (and removed) against every event. */
class JumpClientTest {

    private static final AgentDescription LAPTOP = new AgentDescription("laptop-7", "Linux 6.1", "0.1.0");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    /** Expected: the resulting state, the state plus "removed", or the catalogue code of the refusal. */
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "PINNED,      CONNECTED_ACTIVE,      ACTIVE",
        "PINNED,      CHECKED_IN_PASSIVE,    PASSIVE",
        "PINNED,      SWITCHED_TO_ACTIVE,    INVALID_INPUT",
        "PINNED,      SWITCHED_TO_PASSIVE,   INVALID_INPUT",
        "PINNED,      UNINSTALLED_BY_USER,   UNINSTALLED",
        "PINNED,      DELETED,               PINNED removed",
        "PINNED,      OFFLINE_LIMIT_REACHED, UNINSTALLED removed",
        "ACTIVE,      CONNECTED_ACTIVE,      INVALID_INPUT",
        "ACTIVE,      CHECKED_IN_PASSIVE,    INVALID_INPUT",
        "ACTIVE,      SWITCHED_TO_ACTIVE,    INVALID_INPUT",
        "ACTIVE,      SWITCHED_TO_PASSIVE,   PASSIVE",
        "ACTIVE,      UNINSTALLED_BY_USER,   UNINSTALLED",
        "ACTIVE,      DELETED,               ACTIVE removed",
        "ACTIVE,      OFFLINE_LIMIT_REACHED, UNINSTALLED removed",
        "PASSIVE,     CONNECTED_ACTIVE,      INVALID_INPUT",
        "PASSIVE,     CHECKED_IN_PASSIVE,    INVALID_INPUT",
        "PASSIVE,     SWITCHED_TO_ACTIVE,    ACTIVE",
        "PASSIVE,     SWITCHED_TO_PASSIVE,   INVALID_INPUT",
        "PASSIVE,     UNINSTALLED_BY_USER,   UNINSTALLED",
        "PASSIVE,     DELETED,               PASSIVE removed",
        "PASSIVE,     OFFLINE_LIMIT_REACHED, UNINSTALLED removed",
        "UNINSTALLED, CONNECTED_ACTIVE,      JC_UNINSTALLED",
        "UNINSTALLED, CHECKED_IN_PASSIVE,    JC_UNINSTALLED",
        "UNINSTALLED, SWITCHED_TO_ACTIVE,    JC_UNINSTALLED",
        "UNINSTALLED, SWITCHED_TO_PASSIVE,   JC_UNINSTALLED",
        "UNINSTALLED, UNINSTALLED_BY_USER,   JC_UNINSTALLED",
        "UNINSTALLED, DELETED,               UNINSTALLED removed",
        "UNINSTALLED, OFFLINE_LIMIT_REACHED, UNINSTALLED removed",
        "REMOVED,     CONNECTED_ACTIVE,      JC_NOT_FOUND",
        "REMOVED,     CHECKED_IN_PASSIVE,    JC_NOT_FOUND",
        "REMOVED,     SWITCHED_TO_ACTIVE,    JC_NOT_FOUND",
        "REMOVED,     SWITCHED_TO_PASSIVE,   JC_NOT_FOUND",
        "REMOVED,     UNINSTALLED_BY_USER,   JC_NOT_FOUND",
        "REMOVED,     DELETED,               JC_NOT_FOUND",
        "REMOVED,     OFFLINE_LIMIT_REACHED, JC_NOT_FOUND",
    })
    void everyEventInEveryState(String from, JumpClientEvent event, String expected) {
        JumpClient client = clientIn(from);
        JumpClientState before = client.state();
        boolean removedBefore = client.removed();

        JumpDeskException refusal =
                catchThrowableOfType(JumpDeskException.class, () -> client.apply(event, "rep", T0.plusSeconds(60)));

        if (isStatus(expected)) {
            assertThat(refusal).as("refusal").isNotNull();
            assertThat(refusal.status()).isEqualTo(JumpDeskStatus.valueOf(expected));
            assertThat(client.state()).as("unchanged state").isEqualTo(before);
            assertThat(client.removed()).as("unchanged removal").isEqualTo(removedBefore);
        } else {
            assertThat(refusal).as("refusal").isNull();
            String[] parts = expected.split(" ");
            assertThat(client.state()).isEqualTo(JumpClientState.valueOf(parts[0]));
            assertThat(client.removed()).isEqualTo(parts.length > 1);
        }
    }

    @Test
    void uninstallingRecordsWhenAndActivatingSetsTheMode() {
        JumpClient client = clientIn("PINNED");
        client.apply(JumpClientEvent.CONNECTED_ACTIVE, "agent", T0);
        client.apply(JumpClientEvent.SWITCHED_TO_PASSIVE, "rep", T0);
        assertThat(client.mode()).isEqualTo(JumpClientMode.PASSIVE);

        client.apply(JumpClientEvent.UNINSTALLED_BY_USER, "agent", T0.plusSeconds(5));

        assertThat(client.uninstalledAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(client.hostname()).as("last details kept").isEqualTo("laptop-7");
    }

    @Test
    void removalIsDueAfterTheSiteLimitOrTheClientsOwn() {
        JumpClient client = clientIn("ACTIVE");

        assertThat(client.offlineLimit(180)).isEqualTo(Duration.ofDays(180));
        client.overrideOfflineLimit(7);
        assertThat(client.offlineLimit(180)).isEqualTo(Duration.ofDays(7));
    }

    private static boolean isStatus(String value) {
        try {
            JumpDeskStatus.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JumpClient clientIn(String state) {
        JumpClient client = JumpClient.pinned(
                UUID.randomUUID(),
                LAPTOP,
                new JumpClient.Placement(
                        JumpGroup.shared("Servers", T0),
                        "rack-1",
                        "front desk",
                        JumpClientMode.ACTIVE,
                        InstallMode.SERVICE),
                "public-key",
                null,
                "installer:x",
                T0);
        switch (state) {
            case "ACTIVE" -> client.apply(JumpClientEvent.CONNECTED_ACTIVE, "agent", T0);
            case "PASSIVE" -> client.apply(JumpClientEvent.CHECKED_IN_PASSIVE, "agent", T0);
            case "UNINSTALLED" -> client.apply(JumpClientEvent.UNINSTALLED_BY_USER, "agent", T0);
            case "REMOVED" -> client.apply(JumpClientEvent.DELETED, "rep", T0);
            default -> assertThat(state).isEqualTo("PINNED");
        }
        return client;
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.jumpclients.boundary.AgentConnections;
import org.jumpdesk.jumpclients.boundary.JumpClientProperties;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Quotas and row locks under real concurrency: many threads, each its own transaction, against one
 * PostgreSQL. The outcome counts and the database afterwards must both be exact.
 */
@ExtendWith(ArquillianExtension.class)
class QuotaRaceIT {

    private static final int RACERS = 50;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(QuotaRaceIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private AgentConnections agentConnections;

    private final ExecutorService threads = Executors.newFixedThreadPool(RACERS);
    private String group;
    private Actor manager;

    @BeforeEach
    void groupWithAManager() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        group = managed.group();
        manager = managed.manager();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
        fixtures.generousLicense();
    }

    @Test
    void fiftyRegistrationsForOneFreeSlotGiveExactlyOneClient() throws Exception {
        String key = fixtures.installer(group, JumpClientMode.ACTIVE);
        fixtures.deployedSlotsLeft(1, key);
        String batch = Fixtures.unique("race");

        Map<String, Long> outcomes = race(i -> () -> jumpClients
                .register(
                        key,
                        fixtures.registration(new AgentDescription(batch + "-" + i, "Linux", "1"), null, null, null),
                        fixtures.registrationProof())
                .clientId());

        assertThat(outcomes).containsEntry("OK", 1L).containsEntry("JC_LIMIT_DEPLOYED", (long) RACERS - 1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM jump_client WHERE hostname LIKE ?", batch + "-%"))
                .isEqualTo(1);
        assertThat(fixtures.license().deployedCount())
                .isEqualTo(fixtures.license().deployedLimit());
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
        assertThat(fixtures.eventuallyAtLeast(
                        RACERS - 1,
                        "SELECT COUNT(*) FROM audit_event WHERE outcome = 'JC_LIMIT_DEPLOYED' AND detail LIKE ?"
                                + " AND occurred_at > now() - interval '2 minutes'",
                        "%deployed%"))
                .as("every refusal audited")
                .isGreaterThanOrEqualTo(RACERS - 1);
    }

    @Test
    void fiftyMachinesRegisteringWithOneInstallerAtOnceAllGetAClient() throws Exception {
        String key = fixtures.installer(group, JumpClientMode.ACTIVE);
        String batch = Fixtures.unique("rollout");

        Map<String, Long> outcomes = race(i -> () -> jumpClients
                .register(
                        key,
                        fixtures.registration(new AgentDescription(batch + "-" + i, "Linux", "1"), null, null, null),
                        fixtures.registrationProof())
                .clientId());

        assertThat(outcomes).containsEntry("OK", (long) RACERS);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM installer WHERE key_hash = ? AND uses = ?",
                        org.jumpdesk.installers.control.InstallerKeys.hash(key),
                        RACERS))
                .as("every use counted")
                .isEqualTo(1);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    /**
     * A roll-out: machines register with the installer while those registered just before connect for the
     * first time (PINNED → ACTIVE). Registering locks the installer's row; a first connection holds the
     * license row and checks its client's installer key; neither may wait for the other in a circle.
     */
    @Test
    void registrationsAndFirstConnectionsOfOneInstallerAtOnceAllSucceed() throws Exception {
        String key = fixtures.installer(group, JumpClientMode.ACTIVE);
        List<UUID> pinned = new ArrayList<>();
        for (int i = 0; i < RACERS / 2; i++) {
            pinned.add(fixtures.register(key));
        }
        String batch = Fixtures.unique("rollout");

        Map<String, Long> outcomes = race(i -> i % 2 == 0
                ? () -> jumpClients.register(
                        key,
                        fixtures.registration(new AgentDescription(batch + "-" + i, "Linux", "1"), null, null, null),
                        fixtures.registrationProof())
                : () -> agentConnections.connect(
                        UUID.randomUUID(),
                        pinned.get(i / 2),
                        fixtures.proofFor(pinned.get(i / 2)),
                        new AgentDescription(batch + "-connected-" + i, "Linux", fixtures.releaseVersion())));

        assertThat(outcomes).containsEntry("OK", (long) RACERS);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM jump_client WHERE id = ANY(?::uuid[]) AND state = 'ACTIVE'",
                        (Object) pinned.stream().map(UUID::toString).toArray(String[]::new)))
                .isEqualTo(RACERS / 2);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    @Test
    void fiftySwitchesToActiveForOneFreeSlotGiveExactlyOneActiveClient() throws Exception {
        String key = fixtures.installer(group, JumpClientMode.PASSIVE);
        List<UUID> passive = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            passive.add(fixtures.connected(key));
        }
        fixtures.activeSlotsLeft(1);

        Map<String, Long> outcomes =
                race(i -> () -> jumpClients.switchMode(manager, passive.get(i), JumpClientMode.ACTIVE));

        assertThat(outcomes).containsEntry("OK", 1L).containsEntry("JC_ACTIVE_LIMIT_ON_SWITCH", (long) RACERS - 1);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM jump_client WHERE jump_group_id = (SELECT id FROM jump_group WHERE name = ?)"
                                + " AND state = 'ACTIVE'",
                        group))
                .isEqualTo(1);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    @Test
    void aDeleteRacingPropertyChangesWinsOnceAndLaterChangesFindNothing() throws Exception {
        UUID id = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));

        Map<String, Long> outcomes = race(i -> i == RACERS / 2
                ? () -> {
                    jumpClients.delete(manager, id);
                    return "deleted";
                }
                : () -> jumpClients.changeProperties(
                        manager, id, new JumpClientProperties(group, "t" + i, "c" + i, JumpClientMode.ACTIVE)));

        assertThat(outcomes.getOrDefault("OK", 0L) + outcomes.getOrDefault("JC_NOT_FOUND", 0L))
                .as("every property change either ran before the delete or found nothing")
                .isEqualTo(RACERS);
        assertThat(outcomes).doesNotContainKeys("OptimisticLockException", "EJBException");
        JumpDeskException late = org.assertj.core.api.Assertions.catchThrowableOfType(
                JumpDeskException.class,
                () -> jumpClients.changeProperties(
                        manager, id, new JumpClientProperties(group, "late", null, JumpClientMode.ACTIVE)));
        assertThat(late.status().name()).isEqualTo("JC_NOT_FOUND");
        assertThat(fixtures.count("SELECT COUNT(*) FROM jump_client WHERE id = ? AND deleted_at IS NOT NULL", id))
                .isEqualTo(1);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM audit_event WHERE target = ? AND action = 'jump-client.properties' AND outcome = 'SUCCESS'",
                        id.toString()))
                .isEqualTo(outcomes.getOrDefault("OK", 0L) - 1);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    /**
     * Starts all racers at once and counts outcomes: "OK" for a success, the catalogue code for a refusal,
     * the exception's class otherwise.
     */
    private Map<String, Long> race(Function<Integer, Callable<?>> racer) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Callable<?> work = racer.apply(i);
            results.add(threads.submit(() -> {
                start.await();
                try {
                    work.call();
                    return "OK";
                } catch (JumpDeskException refusal) {
                    return refusal.status().name();
                } catch (Exception other) {
                    return other.getClass().getSimpleName();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(2, TimeUnit.MINUTES));
        }
        return outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }
}

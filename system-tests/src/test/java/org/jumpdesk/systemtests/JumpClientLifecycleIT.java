package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jumpdesk.systemtests.Fixtures.statusOf;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.installers.boundary.InstallerRequest;
import org.jumpdesk.installers.boundary.Installers;
import org.jumpdesk.jumpclients.boundary.AgentProof;
import org.jumpdesk.jumpclients.boundary.JumpClientProperties;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.JumpClientState;
import org.jumpdesk.jumpclients.entity.MachineStatistics;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every transition of SPEC §2 through the real use cases on WildFly and PostgreSQL, each guard, and each
 * catalogue code the lifecycle can raise. State, license counts and audit rows are read back from the
 * database.
 */
@ExtendWith(ArquillianExtension.class)
class JumpClientLifecycleIT {

    private static final AgentDescription DESK = new AgentDescription("recepción-01", "Windows 11 24H2", "0.1.0");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(JumpClientLifecycleIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @Inject
    private RecordedChanges changes;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private Installers installers;

    @Resource
    private UserTransaction transaction;

    private String group;
    private Actor manager;

    @BeforeEach
    void groupWithAManager() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        group = managed.group();
        manager = managed.manager();
    }

    @Test
    void registrationPinsTheClientWithTheInstallersPlacementAndAuditsIt() throws SQLException {
        int deployedBefore = fixtures.license().deployedCount();

        UUID id = jumpClients
                .register(
                        fixtures.installer(group, JumpClientMode.PASSIVE),
                        fixtures.registration(DESK, null, null, null),
                        fixtures.registrationProof())
                .clientId();

        JumpClientSummary client = jumpClients.details(manager, id);
        assertThat(client.state()).isEqualTo(JumpClientState.PINNED);
        assertThat(client.jumpGroup()).isEqualTo(group);
        assertThat(client.tag()).isEqualTo("tag-1");
        assertThat(client.mode()).isEqualTo(JumpClientMode.PASSIVE);
        assertThat(client.name()).isEqualTo("recepción-01");
        assertThat(fixtures.license().deployedCount()).isEqualTo(deployedBefore + 1);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM audit_event WHERE target = ? AND action = 'jump-client.register' AND outcome = 'SUCCESS'",
                        id.toString()))
                .isEqualTo(1);
        assertThat(changes.of(id)).containsExactly("jump-client.register");
    }

    @Test
    void theFirstConnectionActivatesAnActiveClientAndTheFirstCheckInAPassiveOne() throws SQLException {
        int activeBefore = fixtures.license().activeCount();

        UUID active = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));
        UUID passive = fixtures.connected(fixtures.installer(group, JumpClientMode.PASSIVE));

        assertThat(jumpClients.details(manager, active).state()).isEqualTo(JumpClientState.ACTIVE);
        assertThat(jumpClients.details(manager, passive).state()).isEqualTo(JumpClientState.PASSIVE);
        assertThat(fixtures.license().activeCount()).isEqualTo(activeBefore + 1);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM audit_event WHERE target = ? AND detail = 'PINNED -> ACTIVE'",
                        active.toString()))
                .isEqualTo(1);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    @Test
    void aFirstConnectionBeyondTheActiveLimitIsRefusedAndTheClientStaysPinned() throws Exception {
        UUID id = fixtures.register(fixtures.installer(group, JumpClientMode.ACTIVE));
        fixtures.activeSlotsLeft(0);

        JumpDeskException refusal = catchThrowableOfType(
                JumpDeskException.class, () -> jumpClients.agentConnected(id, fixtures.proofFor(id), DESK));

        assertThat(refusal.status()).isEqualTo(JumpDeskStatus.JC_LIMIT_ACTIVE);
        fixtures.generousLicense();
        assertThat(jumpClients.details(manager, id).state()).isEqualTo(JumpClientState.PINNED);
        assertThat(fixtures.eventuallyAtLeast(
                        1,
                        "SELECT COUNT(*) FROM audit_event WHERE target = ? AND outcome = 'JC_LIMIT_ACTIVE'",
                        id.toString()))
                .isEqualTo(1);
    }

    @Test
    void registrationBeyondTheDeployedLimitIsRefusedAndLeavesOnlyItsAuditRow() throws Exception {
        String key = fixtures.installer(group, JumpClientMode.ACTIVE);
        fixtures.deployedSlotsLeft(0, key);
        String hostname = Fixtures.unique("refused");

        JumpDeskException refusal = catchThrowableOfType(
                JumpDeskException.class,
                () -> jumpClients.register(
                        key,
                        fixtures.registration(new AgentDescription(hostname, "Linux", "0.1.0"), null, null, null),
                        fixtures.registrationProof()));

        assertThat(refusal.status()).isEqualTo(JumpDeskStatus.JC_LIMIT_DEPLOYED);
        assertThat(fixtures.count("SELECT COUNT(*) FROM jump_client WHERE hostname = ?", hostname))
                .isZero();
        assertThat(fixtures.eventuallyAtLeast(
                        1,
                        "SELECT COUNT(*) FROM audit_event WHERE action = 'jump-client.register' AND outcome = 'JC_LIMIT_DEPLOYED'"
                                + " AND detail LIKE ?",
                        "%deployed%"))
                .isPositive();
        JumpDeskException installerRefusal = catchThrowableOfType(
                JumpDeskException.class,
                () -> installers.create(
                        Fixtures.ADMIN,
                        new InstallerRequest(
                                group, null, null, JumpClientMode.ACTIVE, InstallMode.USER, 60, false, false, false)));
        assertThat(installerRefusal.status()).isEqualTo(JumpDeskStatus.JC_LIMIT_DEPLOYED);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    @Test
    void switchingModesMovesTheActiveCountAndRefusesBeyondTheActiveLimit() throws SQLException {
        UUID id = fixtures.connected(fixtures.installer(group, JumpClientMode.PASSIVE));
        fixtures.activeSlotsLeft(0);

        JumpDeskException refusal = catchThrowableOfType(
                JumpDeskException.class, () -> jumpClients.switchMode(manager, id, JumpClientMode.ACTIVE));
        assertThat(refusal.status()).isEqualTo(JumpDeskStatus.JC_ACTIVE_LIMIT_ON_SWITCH);
        assertThat(jumpClients.details(manager, id).state()).isEqualTo(JumpClientState.PASSIVE);

        fixtures.activeSlotsLeft(1);
        assertThat(jumpClients.switchMode(manager, id, JumpClientMode.ACTIVE).state())
                .isEqualTo(JumpClientState.ACTIVE);
        assertThat(fixtures.license().activeCount())
                .isEqualTo(fixtures.license().activeLimit());
        assertThat(jumpClients.switchMode(manager, id, JumpClientMode.PASSIVE).state())
                .isEqualTo(JumpClientState.PASSIVE);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    @Test
    void anUninstalledClientStaysListedWithItsLastStatisticsButCannotBeJumpedToOrReconnect() throws SQLException {
        UUID id = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));
        jumpClients.statisticsReported(
                id,
                new MachineStatistics("ana", "10.0.0.7", "203.0.113.9", 3600L, 0.25, 1L, 2L, 3L, 4L, Instant.now()));
        int deployedBefore = fixtures.license().deployedCount();

        jumpClients.uninstalledByAgent(id);

        JumpClientSummary client = jumpClients.details(manager, id);
        assertThat(client.state()).isEqualTo(JumpClientState.UNINSTALLED);
        assertThat(client.operatingSystem()).as("last details kept").isEqualTo("Linux 6.1");
        assertThat(client.statistics().consoleUser()).isEqualTo("ana");
        assertThat(client.statistics().diskTotalBytes()).isEqualTo(4L);
        assertThat(fixtures.license().deployedCount()).isEqualTo(deployedBefore - 1);
        assertThat(statusOf(() -> jumpClients.startJump(manager, id))).isEqualTo(JumpDeskStatus.JC_UNINSTALLED);
        assertThat(statusOf(() -> jumpClients.agentConnected(id, fixtures.proofFor(id), DESK)))
                .isEqualTo(JumpDeskStatus.JC_UNINSTALLED);
        assertThat(statusOf(() -> jumpClients.switchMode(manager, id, JumpClientMode.PASSIVE)))
                .isEqualTo(JumpDeskStatus.JC_UNINSTALLED);
        jumpClients.delete(manager, id);
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    @Test
    void aNodesStatisticsReportsAreWrittenTogetherAndTheGoneClientsAreRefusedOneByOne() throws SQLException {
        UUID listed = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));
        UUID uninstalled = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));
        jumpClients.uninstalledByAgent(uninstalled);
        UUID unknown = UUID.randomUUID();
        Instant reportedAt = Instant.parse("2026-11-30T23:40:00.123Z");
        MachineStatistics report =
                new MachineStatistics("ana", "10.0.0.7", "203.0.113.9", 60L, 0.5, 1L, 2L, 3L, 4L, reportedAt);
        MachineStatistics sparse = new MachineStatistics(null, null, null, null, null, null, null, null, null, null);

        Set<UUID> unwritten =
                jumpClients.statisticsReported(Map.of(listed, report, uninstalled, report, unknown, sparse));

        assertThat(unwritten).containsExactlyInAnyOrder(uninstalled, unknown);
        MachineStatistics written = jumpClients.details(manager, listed).statistics();
        assertThat(written.consoleUser()).isEqualTo("ana");
        assertThat(written.publicIp()).isEqualTo("203.0.113.9");
        assertThat(written.cpuLoad()).isEqualTo(0.5);
        assertThat(written.diskTotalBytes()).isEqualTo(4L);
        assertThat(written.reportedAt()).isEqualTo(reportedAt);
        assertThat(jumpClients.details(manager, uninstalled).statistics().consoleUser())
                .isNull();
        assertThat(statusOf(() -> jumpClients.statisticsReported(uninstalled, report)))
                .isEqualTo(JumpDeskStatus.JC_UNINSTALLED);
        assertThat(statusOf(() -> jumpClients.statisticsReported(unknown, report)))
                .isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(jumpClients.statisticsReported(Map.of(listed, sparse))).isEmpty();
        assertThat(jumpClients.details(manager, listed).statistics().consoleUser())
                .as("a newer report replaces the whole value")
                .isNull();
    }

    @Test
    void aDeletedClientIsGoneFromTheConsoleButItsRowStaysForTheAudit() throws SQLException {
        UUID id = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));

        jumpClients.delete(manager, id);

        assertThat(statusOf(() -> jumpClients.details(manager, id))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> jumpClients.delete(manager, id))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> jumpClients.agentConnected(id, fixtures.proofFor(id), DESK)))
                .isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(jumpClients.list(manager, 0, 1000))
                .extracting(JumpClientSummary::id)
                .doesNotContain(id);
        assertThat(fixtures.count(
                        "SELECT COUNT(*) FROM jump_client WHERE id = ? AND deleted_by = ?", id, manager.name()))
                .isEqualTo(1);
        assertThat(changes.of(id)).endsWith("jump-client.delete");
        assertThat(fixtures.licenseCountsMatchClients()).isTrue();
    }

    @Test
    void expiredRevokedAndUnknownInstallersRegisterNothing() throws SQLException {
        String expired = fixtures.installer(group, JumpClientMode.ACTIVE);
        fixtures.execute(
                "UPDATE installer SET valid_until = now() - interval '1 minute' WHERE key_hash = ?",
                org.jumpdesk.installers.control.InstallerKeys.hash(expired));
        String revoked = fixtures.installer(group, JumpClientMode.ACTIVE);
        UUID revokedId = installers.list(Fixtures.ADMIN).get(0).id();
        installers.revoke(Fixtures.ADMIN, revokedId);
        long clientsBefore = fixtures.count("SELECT COUNT(*) FROM jump_client");

        for (String key : new String[] {expired, revoked, "no-such-key"}) {
            assertThat(statusOf(() -> jumpClients.register(
                            key, fixtures.registration(DESK, null, null, null), fixtures.registrationProof())))
                    .isEqualTo(JumpDeskStatus.INSTALLER_INVALID);
        }
        assertThat(fixtures.count("SELECT COUNT(*) FROM jump_client")).isEqualTo(clientsBefore);
    }

    @Test
    void installTimeOverridesApplyOnlyWhereTheInstallerAllowsThem() {
        String strict = fixtures.installer(group, JumpClientMode.ACTIVE);
        String lenient = installers
                .create(
                        Fixtures.ADMIN,
                        new InstallerRequest(
                                group, "tag-1", null, JumpClientMode.ACTIVE, InstallMode.USER, 60, false, true, true))
                .key();

        JumpDeskException refusal = catchThrowableOfType(
                JumpDeskException.class,
                () -> jumpClients.register(
                        strict, fixtures.registration(DESK, null, "servers", null), fixtures.registrationProof()));
        assertThat(refusal.status()).isEqualTo(JumpDeskStatus.OVERRIDE_NOT_ALLOWED);
        assertThat(refusal.getMessage()).contains("--jc-tag");

        UUID id = jumpClients
                .register(
                        lenient,
                        fixtures.registration(DESK, null, "servers", "sala 3 · 服务器 🖥"),
                        fixtures.registrationProof())
                .clientId();
        JumpClientSummary client = jumpClients.details(manager, id);
        assertThat(client.tag()).isEqualTo("servers");
        assertThat(client.comments()).isEqualTo("sala 3 · 服务器 🖥");
        assertThat(statusOf(() -> jumpClients.register(
                        lenient,
                        fixtures.registration(DESK, "user:somebody", null, null),
                        fixtures.registrationProof())))
                .isEqualTo(JumpDeskStatus.OVERRIDE_NOT_ALLOWED);
    }

    @Test
    void propertiesChangeInOneTransactionAndAnInvalidChangeLeavesEverythingAsItWas() {
        UUID id = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));
        String otherGroup = fixtures.sharedGroup();
        fixtures.member(otherGroup, manager, JumpGroupRole.MANAGE);

        JumpClientSummary moved = jumpClients.changeProperties(
                manager, id, new JumpClientProperties(otherGroup, "línea-2", "ñandú 🐦", JumpClientMode.PASSIVE));

        assertThat(moved.jumpGroup()).isEqualTo(otherGroup);
        assertThat(moved.comments()).isEqualTo("ñandú 🐦");
        assertThat(moved.state()).isEqualTo(JumpClientState.PASSIVE);

        Exception invalid = catchThrowableOfType(
                Exception.class,
                () -> jumpClients.changeProperties(
                        manager, id, new JumpClientProperties(group, "x".repeat(65), "c", JumpClientMode.ACTIVE)));
        assertThat(org.jumpdesk.shared.InputViolations.refusal(org.jumpdesk.shared.InputViolations.find(invalid))
                        .getMessage())
                .contains("tag: ");
        JumpClientSummary after = jumpClients.details(manager, id);
        assertThat(after.jumpGroup()).isEqualTo(otherGroup);
        assertThat(after.tag()).isEqualTo("línea-2");
        assertThat(after.state()).isEqualTo(JumpClientState.PASSIVE);
    }

    @Test
    void aRolledBackTransactionLeavesNeitherTheChangeNorItsAuditRowsNorAnyEvent() throws Exception {
        String key = fixtures.installer(group, JumpClientMode.ACTIVE);
        String hostname = Fixtures.unique("rolled-back");

        transaction.begin();
        UUID id = jumpClients
                .register(
                        key,
                        fixtures.registration(new AgentDescription(hostname, "Linux", "1"), null, null, null),
                        fixtures.registrationProof())
                .clientId();
        transaction.rollback();

        assertThat(fixtures.count("SELECT COUNT(*) FROM jump_client WHERE hostname = ?", hostname))
                .isZero();
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_event WHERE target = ?", id.toString()))
                .isZero();
        assertThat(changes.of(id)).isEmpty();
    }

    @Test
    void anAgentThatCannotSignForItsClientIsRefusedAndTheAttemptAudited() throws Exception {
        String key = fixtures.installer(group, JumpClientMode.ACTIVE);
        UUID id = fixtures.register(key);
        Fixtures impostor = new Fixtures();
        AgentProof forged = impostor.proofFor(id);
        AgentProof otherClients = fixtures.proofFor(UUID.randomUUID());

        assertThat(statusOf(() -> jumpClients.agentConnected(id, forged, DESK)))
                .isEqualTo(JumpDeskStatus.AGENT_AUTHENTICATION_FAILED);
        assertThat(statusOf(() -> jumpClients.agentConnected(id, otherClients, DESK)))
                .isEqualTo(JumpDeskStatus.AGENT_AUTHENTICATION_FAILED);
        assertThat(statusOf(() -> jumpClients.register(
                        key, impostor.registration(DESK, null, null, null), fixtures.registrationProof())))
                .as("a registration signed by another key than the one it registers")
                .isEqualTo(JumpDeskStatus.AGENT_AUTHENTICATION_FAILED);
        assertThat(jumpClients.details(manager, id).state()).isEqualTo(JumpClientState.PINNED);
        assertThat(fixtures.eventuallyAtLeast(
                        2,
                        "SELECT COUNT(*) FROM audit_event WHERE target = ? AND outcome = 'AGENT_AUTHENTICATION_FAILED'",
                        id.toString()))
                .isEqualTo(2);
        assertThat(jumpClients.agentConnected(id, fixtures.proofFor(id), DESK).state())
                .isEqualTo(JumpClientState.ACTIVE);
    }

    @Test
    void everyRefusalIsAuditedWithItsCodeAlthoughItsTransactionRolledBack() throws Exception {
        UUID id = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));
        Actor outsider = fixtures.user();

        assertThat(statusOf(() -> jumpClients.startJump(outsider, id))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);

        assertThat(fixtures.eventuallyAtLeast(
                        1,
                        "SELECT COUNT(*) FROM audit_event WHERE target = ? AND actor = ? AND action = 'jump-client.jump'"
                                + " AND outcome = 'JC_NOT_FOUND'",
                        id.toString(),
                        outsider.name()))
                .isEqualTo(1);
    }
}

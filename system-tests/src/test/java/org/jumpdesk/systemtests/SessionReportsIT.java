package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.Fixtures.statusOf;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.dashboard.boundary.Dashboard;
import org.jumpdesk.dashboard.boundary.DashboardCharts;
import org.jumpdesk.installers.boundary.InstallerRequest;
import org.jumpdesk.installers.boundary.Installers;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpgroups.boundary.JumpGroupView;
import org.jumpdesk.jumpgroups.boundary.JumpGroups;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.sessions.boundary.RecordedEvent;
import org.jumpdesk.sessions.boundary.SessionDetail;
import org.jumpdesk.sessions.boundary.SessionReportQuery;
import org.jumpdesk.sessions.boundary.SessionReports;
import org.jumpdesk.sessions.boundary.SessionTicket;
import org.jumpdesk.sessions.boundary.SupportSessions;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may read session reports and replay recordings, jumps started outside the console, the pin and deploy
 * permissions, and the dashboard's samples.
 */
@ExtendWith(ArquillianExtension.class)
class SessionReportsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(SessionReportsIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private SupportSessions supportSessions;

    @EJB
    private SessionReports sessionReports;

    @EJB
    private Permissions permissions;

    @EJB
    private JumpGroups jumpGroups;

    @EJB
    private Installers installers;

    @EJB
    private Dashboard dashboard;

    private Fixtures.ManagedGroup managed;
    private UUID client;
    private Actor jumper;

    @BeforeEach
    void aClientItsManagerAndARepresentativeWhoMayJump() {
        managed = fixtures.managedGroup();
        client = fixtures.connected(fixtures.installer(managed.group(), JumpClientMode.ACTIVE));
        jumper = fixtures.user();
        fixtures.member(managed.group(), jumper, JumpGroupRole.JUMP);
    }

    @Test
    void aRecordingIsForItsRepresentativeAdministratorsAndTheGroupsManagersOnly() {
        UUID session = recordedSession();
        Actor otherJumper = fixtures.user();
        fixtures.member(managed.group(), otherJumper, JumpGroupRole.JUMP);
        Actor outsider = fixtures.user();

        assertThat(supportSessions.recording(jumper, session))
                .extracting(RecordedEvent::data)
                .containsExactly("hello");
        assertThat(supportSessions.recording(Fixtures.ADMIN, session)).hasSize(1);
        assertThat(supportSessions.recording(managed.manager(), session)).hasSize(1);
        assertThat(supportSessions.recording(otherJumper, session))
                .as("JUMP is not MANAGE")
                .isEmpty();
        assertThat(supportSessions.recording(outsider, session)).isEmpty();
    }

    @Test
    void reportsShowWhoJumpedWhereForHowLongAndTheAuditRows() {
        UUID session = recordedSession();

        SessionDetail detail = sessionReports.detail(managed.manager(), session);
        assertThat(detail.session().representative()).isEqualTo(jumper.name());
        assertThat(detail.session().clientId()).isEqualTo(client);
        assertThat(detail.session().jumpGroup()).isEqualTo(managed.group());
        assertThat(detail.session().outcome()).isEqualTo("ENDED_BY_REPRESENTATIVE");
        assertThat(detail.session().bytesToAgent()).isEqualTo(12);
        assertThat(detail.session().bytesFromAgent()).isEqualTo(34);
        assertThat(detail.session().durationSeconds()).isNotNull().isNotNegative();
        assertThat(detail.recordingPath()).isEqualTo("console/recording.xhtml?session=" + session);
        assertThat(detail.audit())
                .extracting(e -> e.action())
                .containsSubsequence("session.requested", "session.started", "session.ended");

        assertThat(sessionReports
                        .search(jumper, query(null, client.toString(), null))
                        .items())
                .extracting(r -> r.id())
                .containsExactly(session);
        assertThat(sessionReports
                        .search(Fixtures.ADMIN, query(jumper.name(), null, "ENDED_BY_REPRESENTATIVE"))
                        .total())
                .isEqualTo(1);
        assertThat(sessionReports
                        .search(Fixtures.ADMIN, query(jumper.name(), null, "CONNECT_TIMEOUT"))
                        .total())
                .isZero();
    }

    @Test
    void othersFindNoSessionExactlyAsIfItDidNotExistAndTheAttemptIsAudited() throws Exception {
        UUID session = recordedSession();
        Actor outsider = fixtures.user();

        assertThat(statusOf(() -> sessionReports.detail(outsider, session))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> sessionReports.detail(outsider, UUID.randomUUID())))
                .isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(sessionReports.search(outsider, query(null, null, null)).total())
                .isZero();
        assertThat(fixtures.eventuallyAtLeast(
                        1,
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'session.report' AND target = ?"
                                + " AND outcome = 'JC_NOT_FOUND'",
                        outsider.name(),
                        session.toString()))
                .isEqualTo(1);
    }

    @Test
    void aJumpStartedOutsideTheConsoleWaitsForItsRepresentativeOnly() throws Exception {
        UUID session = supportSessions.requestForConsole(jumper, client);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM support_session WHERE id = ?::uuid AND state = 'WAITING'", session))
                .isEqualTo(1);

        assertThat(statusOf(() -> supportSessions.open(managed.manager(), session)))
                .isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        SessionTicket ticket = supportSessions.open(jumper, session);
        try {
            assertThat(ticket.sessionId()).isEqualTo(session);
            assertThat(ticket.clientId()).isEqualTo(client);
            assertThat(ticket.passive()).isFalse();
            assertThat(statusOf(() -> supportSessions.open(jumper, session)))
                    .as("opened once")
                    .isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
            supportSessions.attach(session, ticket.token());
        } finally {
            supportSessions.end(session, "ENDED_BY_REPRESENTATIVE", 0, 0);
        }
        assertThat(fixtures.count(
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'session.opened' AND target = ?",
                        jumper.name(),
                        session.toString()))
                .isEqualTo(1);

        UUID stale = supportSessions.requestForConsole(jumper, client);
        fixtures.execute(
                "UPDATE support_session SET requested_at = now() - interval '11 minutes' WHERE id = ?::uuid", stale);
        assertThat(statusOf(() -> supportSessions.open(jumper, stale))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        supportSessions.endUnopened(); // the minute's timer may have done it first: the rows tell
        supportSessions.endUnopened();
        assertThat(fixtures.count(
                        "SELECT count(*) FROM support_session WHERE id = ?::uuid AND state = 'ENDED'"
                                + " AND outcome = 'NOT_OPENED'",
                        stale))
                .isEqualTo(1);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'session.ended' AND target = ?"
                                + " AND detail LIKE 'NOT_OPENED;%'",
                        stale.toString()))
                .as("ended once, audited once")
                .isEqualTo(1);

        Actor viewer = fixtures.user();
        fixtures.member(managed.group(), viewer, JumpGroupRole.VIEW);
        assertThat(statusOf(() -> supportSessions.requestForConsole(viewer, client)))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(fixtures.eventuallyAtLeast(
                        1,
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND target = ? AND outcome = 'PERMISSION_DENIED'",
                        viewer.name(),
                        client.toString()))
                .as("one refusal, one audit row")
                .isEqualTo(1);
    }

    @Test
    void pinAndDeployAreGivenPerMemberAndDeployLetsAMemberMakeInstallers() throws Exception {
        JumpGroupView group = jumpGroups.visible(jumper).stream()
                .filter(g -> g.name().equals(managed.group()))
                .findFirst()
                .orElseThrow();
        String otherGroup = fixtures.sharedGroup();
        assertThat(permissions.mayPin(jumper, group.id())).isFalse();
        assertThat(permissions.mayDeploy(jumper, group.id())).isFalse();
        assertThat(statusOf(() -> installers.create(jumper, installerFor(managed.group()))))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);

        jumpGroups.setPermissions(Fixtures.ADMIN, managed.group(), jumper.name(), true, false);
        assertThat(permissions.mayPin(jumper, group.id())).isTrue();
        assertThat(permissions.mayDeploy(jumper, group.id())).isFalse();

        jumpGroups.setPermissions(Fixtures.ADMIN, managed.group(), jumper.name(), false, true);
        assertThat(permissions.mayPin(jumper, group.id())).isFalse();
        assertThat(permissions.mayDeploy(jumper, group.id())).isTrue();
        assertThat(installers.jumpGroupNames(jumper)).containsExactly(managed.group());
        assertThat(installers.create(jumper, installerFor(managed.group())).key())
                .isNotBlank();
        assertThat(statusOf(() -> installers.create(jumper, installerFor(otherGroup))))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);

        long personal = jumpGroups.visible(jumper).stream()
                .filter(JumpGroupView::personal)
                .filter(g -> g.name().equals("user:" + jumper.name()))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(permissions.mayPin(jumper, personal))
                .as("into one's own personal group")
                .isTrue();
        assertThat(permissions.mayPin(Fixtures.ADMIN, group.id())).isTrue();
        assertThat(permissions.mayPin(fixtures.user(), group.id())).isFalse();
        assertThat(statusOf(() -> jumpGroups.setPermissions(Fixtures.ADMIN, otherGroup, jumper.name(), true, true)))
                .isEqualTo(JumpDeskStatus.INVALID_INPUT);
        assertThat(statusOf(() -> jumpGroups.setPermissions(jumper, managed.group(), jumper.name(), true, true)))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'jump-group.set-permissions' AND target = ?"
                                + " AND outcome = 'SUCCESS'",
                        managed.group()))
                .isEqualTo(2);
    }

    @Test
    void everyNodeSamplesOncePerBucketAndTheChartsAddTheNodesUp() throws Exception {
        recordedSession();
        // A bucket of its own, far enough back that the nodes' own timers never write it.
        Instant at = Dashboard.bucketOf(Instant.now().minusSeconds(6 * 3600 + (long) (Math.random() * 3600)));
        String nodeA = Fixtures.unique("node");
        String nodeB = Fixtures.unique("node");
        fixtures.execute("DELETE FROM connected_clients_sample WHERE bucket = ?", java.sql.Timestamp.from(at));

        dashboard.sample(at, nodeA, 3);
        dashboard.sample(at.plusSeconds(60), nodeA, 7);
        dashboard.sample(at, nodeB, 4);

        assertThat(fixtures.count(
                        "SELECT count(*) FROM connected_clients_sample WHERE bucket = ?", java.sql.Timestamp.from(at)))
                .isEqualTo(2);
        DashboardCharts charts = dashboard.charts(Fixtures.ADMIN);
        assertThat(charts.connected())
                .filteredOn(c -> c.at().equals(at))
                .extracting(DashboardCharts.Connected::clients)
                .containsExactly(7L);
        assertThat(charts.states()).filteredOn(s -> s.at().equals(at)).hasSize(1);
        assertThat(charts.sessionsPerDay()).hasSize(Dashboard.SESSION_DAYS);
        assertThat(charts.sessionsPerDay().get(Dashboard.SESSION_DAYS - 1).sessions())
                .isPositive();
        assertThat(statusOf(() -> dashboard.charts(jumper))).isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
    }

    /** A session of the jumper on the client, with one recorded event, ended. */
    private UUID recordedSession() {
        SessionTicket ticket = supportSessions.request(jumper, client);
        supportSessions.attach(ticket.sessionId(), ticket.token());
        supportSessions.record(ticket.sessionId(), List.of(new RecordedEvent(0.5, "o", "hello")));
        supportSessions.end(ticket.sessionId(), "ENDED_BY_REPRESENTATIVE", 12, 34);
        return ticket.sessionId();
    }

    private static SessionReportQuery query(String representative, String client, String outcome) {
        return new SessionReportQuery(Instant.now().minusSeconds(3600), null, representative, client, outcome, 0, 50);
    }

    private static InstallerRequest installerFor(String group) {
        return new InstallerRequest(
                group, null, null, JumpClientMode.ACTIVE, InstallMode.SERVICE, 60, false, false, false);
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.Fixtures.statusOf;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.sessions.boundary.SessionTicket;
import org.jumpdesk.sessions.boundary.SupportSessions;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rules of a jump that do not need a browser: who may, how many at once, and the one-time token. */
@ExtendWith(ArquillianExtension.class)
class SupportSessionRulesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(SupportSessionRulesIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private SupportSessions supportSessions;

    @EJB
    private Settings settings;

    @Test
    void beyondTheSitesLimitOfJumpsBeingSetUpTheNextIsServerBusy() throws Exception {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        UUID client = fixtures.connected(fixtures.installer(managed.group(), JumpClientMode.ACTIVE));
        int limit = settings.current().maxConcurrentJumps();
        long alreadySettingUp = fixtures.count("SELECT count(*) FROM support_session WHERE state = 'REQUESTED'"
                + " AND requested_at > now() - interval '2 minutes'");
        List<SessionTicket> settingUp = new ArrayList<>();
        try {
            for (long i = alreadySettingUp; i < limit; i++) {
                settingUp.add(supportSessions.request(managed.manager(), client));
            }

            assertThat(statusOf(() -> supportSessions.request(managed.manager(), client)))
                    .isEqualTo(JumpDeskStatus.SERVER_BUSY);
            assertThat(fixtures.eventuallyAtLeast(
                            1,
                            "SELECT count(*) FROM audit_event WHERE actor = ? AND outcome = 'SERVER_BUSY'",
                            managed.manager().name()))
                    .isEqualTo(1);

            supportSessions.end(settingUp.get(0).sessionId(), "ENDED_BY_REPRESENTATIVE", 0, 0);
            settingUp.add(supportSessions.request(managed.manager(), client));
        } finally {
            settingUp.forEach(ticket -> supportSessions.end(ticket.sessionId(), "ENDED_BY_REPRESENTATIVE", 0, 0));
        }
    }

    @Test
    void onlyThoseWhoMayJumpGetASessionAndOutsidersLearnNothing() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        UUID client = fixtures.connected(fixtures.installer(managed.group(), JumpClientMode.ACTIVE));
        Actor outsider = fixtures.user();

        assertThat(statusOf(() -> supportSessions.request(outsider, client))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> supportSessions.request(managed.manager(), UUID.randomUUID())))
                .isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
    }

    @Test
    void theAgentsTokenWorksOnceAndOnlyForItsSession() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        UUID client = fixtures.connected(fixtures.installer(managed.group(), JumpClientMode.ACTIVE));
        SessionTicket ticket = supportSessions.request(managed.manager(), client);
        SessionTicket other = supportSessions.request(managed.manager(), client);
        try {
            assertThat(statusOf(() -> supportSessions.attach(other.sessionId(), ticket.token())))
                    .isEqualTo(JumpDeskStatus.AGENT_AUTHENTICATION_FAILED);

            supportSessions.attach(ticket.sessionId(), ticket.token());

            assertThat(statusOf(() -> supportSessions.attach(ticket.sessionId(), ticket.token())))
                    .as("a token works once")
                    .isEqualTo(JumpDeskStatus.AGENT_AUTHENTICATION_FAILED);
        } finally {
            supportSessions.end(ticket.sessionId(), "ENDED_BY_REPRESENTATIVE", 0, 0);
            supportSessions.end(other.sessionId(), "ENDED_BY_REPRESENTATIVE", 0, 0);
        }
    }
}

package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.attended.boundary.AttendedSessions;
import org.jumpdesk.attended.boundary.CustomerMachine;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.AgentDescription;
import org.jumpdesk.jumpgroups.boundary.JumpGroups;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.pinning.boundary.PinChoice;
import org.jumpdesk.pinning.boundary.PinPolicies;
import org.jumpdesk.pinning.boundary.PinPrompt;
import org.jumpdesk.pinning.boundary.PinTicket;
import org.jumpdesk.pinning.boundary.SessionPins;
import org.jumpdesk.sessions.boundary.SupportSessions;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskException;
import org.jumpdesk.shared.JumpDeskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pin use case where a browser adds nothing: consoles pinning the same customer at once, the pin's
 * one-time installer going through the ordinary registration, the session policy, and the permission.
 */
@ExtendWith(ArquillianExtension.class)
class SessionPinRaceIT {

    private static final int CONSOLES = 20;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(SessionPinRaceIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private SessionPins sessionPins;

    @EJB
    private PinPolicies policies;

    @EJB
    private AttendedSessions attendedSessions;

    @EJB
    private SupportSessions supportSessions;

    @EJB
    private JumpGroups jumpGroups;

    @EJB
    private JumpClients jumpClients;

    private final ExecutorService threads = Executors.newFixedThreadPool(CONSOLES);
    private String group;
    private long groupId;
    private Actor representative;

    @BeforeEach
    void aRepresentativeWhoMayPin() throws Exception {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        group = managed.group();
        representative = managed.manager();
        jumpGroups.setPermissions(Fixtures.ADMIN, group, representative.name(), true, false);
        groupId = fixtures.count("SELECT id FROM jump_group WHERE name = ?", group);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
        policies.changeSite(Fixtures.ADMIN, PinPrompt.ALWAYS);
    }

    @Test
    void twentyConsolesPinningOneCustomerAtOnceGiveExactlyOnePin() throws Exception {
        UUID customer = acceptedCustomer();
        PinChoice choice = new PinChoice(groupId, "raced", "twenty consoles");

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < CONSOLES; i++) {
            results.add(threads.submit(() -> {
                start.await();
                try {
                    return sessionPins.request(representative, customer, choice);
                } catch (JumpDeskException refusal) {
                    return refusal.status().name();
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get(2, TimeUnit.MINUTES));
        }

        Map<Object, Long> counted = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o instanceof PinTicket ? "OK" : o, Collectors.counting()));
        assertThat(counted).containsEntry("OK", 1L).containsEntry("PIN_PENDING", (long) CONSOLES - 1);
        assertThat(fixtures.count("SELECT count(*) FROM session_pin WHERE customer_id = ?::uuid", customer))
                .isEqualTo(1);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM installer i JOIN session_pin p ON p.installer_id = i.id"
                                + " WHERE p.customer_id = ?::uuid",
                        customer))
                .as("the refused requests' installers rolled back")
                .isEqualTo(1);
        assertThat(fixtures.eventuallyAtLeast(
                        CONSOLES - 1,
                        "SELECT count(*) FROM audit_event WHERE action = 'session-pin.request' AND outcome = 'PIN_PENDING'"
                                + " AND actor = ?",
                        representative.name()))
                .isEqualTo(CONSOLES - 1);
    }

    @Test
    void thePinsInstallerRegistersOneMachineThroughTheOrdinaryRegistrationAndThenTheCustomerIsPinned()
            throws Exception {
        UUID customer = acceptedCustomer();
        PinTicket ticket = sessionPins.request(representative, customer, new PinChoice(groupId, "desk", "pinned"));
        assertThat(ticket.ask()).isTrue();
        assertThat(ticket.serviceMode()).isFalse();
        sessionPins.answer(customer, ticket.pinId(), true);

        UUID client = fixtures.register(ticket.installerKey());

        assertThat(fixtures.count(
                        "SELECT count(*) FROM session_pin p JOIN jump_client c ON c.id = p.client_id"
                                + " WHERE p.id = ?::uuid AND p.state = 'PINNED' AND c.id = ?::uuid AND c.tag = 'desk'"
                                + " AND c.comments = 'pinned' AND c.state = 'PINNED'",
                        ticket.pinId(),
                        client))
                .isEqualTo(1);
        assertThat(Fixtures.statusOf(() -> fixtures.register(ticket.installerKey())))
                .as("a pin's installer registers one machine")
                .isEqualTo(JumpDeskStatus.INSTALLER_INVALID);
        assertThat(Fixtures.statusOf(
                        () -> sessionPins.request(representative, customer, new PinChoice(groupId, null, null))))
                .isEqualTo(JumpDeskStatus.PIN_ALREADY_PINNED);
        jumpClients.agentConnected(
                client,
                fixtures.proofFor(client),
                new AgentDescription("host-" + client, "Linux 6.1", fixtures.releaseVersion()));
        assertThat(fixtures.count("SELECT count(*) FROM jump_client WHERE id = ?::uuid AND state = 'ACTIVE'", client))
                .isEqualTo(1);
    }

    @Test
    void theGroupsPolicyWinsOverTheSitesAndEveryChangeIsAudited() throws Exception {
        policies.changeSite(Fixtures.ADMIN, PinPrompt.NEVER);
        UUID first = acceptedCustomer();
        assertThat(sessionPins
                        .request(representative, first, new PinChoice(groupId, null, null))
                        .ask())
                .isFalse();

        policies.changeGroup(Fixtures.ADMIN, group, PinPrompt.ALWAYS);
        UUID second = acceptedCustomer();
        assertThat(sessionPins
                        .request(representative, second, new PinChoice(groupId, null, null))
                        .ask())
                .isTrue();
        assertThat(policies.groups(Fixtures.ADMIN)).containsEntry(group, PinPrompt.ALWAYS);

        policies.changeGroup(Fixtures.ADMIN, group, null);
        assertThat(policies.groups(Fixtures.ADMIN)).doesNotContainKey(group);
        assertThat(Fixtures.statusOf(() -> policies.changeSite(representative, PinPrompt.ALWAYS)))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'jump-group.set-pin-prompt' AND target = ?",
                        group))
                .isEqualTo(2);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'session-policy.change' AND detail = 'pin prompt NEVER'"
                                + " AND occurred_at > now() - interval '5 minutes'"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void withoutThePinPermissionOnTheGroupThePinIsRefused() throws Exception {
        UUID customer = acceptedCustomer();
        Actor jumper = fixtures.user();
        fixtures.member(group, jumper, JumpGroupRole.JUMP);

        assertThat(sessionPins.groupsForPinning(jumper)).noneMatch(g -> g.id() == groupId);
        assertThat(Fixtures.statusOf(() -> sessionPins.request(jumper, customer, new PinChoice(groupId, null, null))))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(sessionPins.groupsForPinning(representative)).anyMatch(g -> g.id() == groupId);
    }

    /** A customer of the representative, accepted into a session, connected to this node. */
    private UUID acceptedCustomer() {
        String code = attendedSessions.generateKey(representative).code();
        UUID customer = attendedSessions
                .arrive(code, new CustomerMachine(Fixtures.unique("kiosk"), "Linux 6.1", "ana"))
                .customerId();
        supportSessions.acceptCustomer(representative, customer);
        return customer;
    }
}

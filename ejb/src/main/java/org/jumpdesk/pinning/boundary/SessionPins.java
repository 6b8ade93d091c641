package org.jumpdesk.pinning.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.installers.control.InstallerKeys;
import org.jumpdesk.installers.entity.Installer;
import org.jumpdesk.jumpclients.control.ThisNode;
import org.jumpdesk.jumpclients.entity.InstallMode;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.jumpgroups.entity.JumpGroup;
import org.jumpdesk.licensing.control.LicenseGuard;
import org.jumpdesk.pinning.control.PinLedger;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * "Pin as Jump Client": the representative's request, the customer's answer, a failure the client reports,
 * and what the representative's page reads. Each public method is one JTA transaction. The request makes
 * a one-time installer (active mode, the chosen group, tag and comments), so the pinned client registers
 * through {@code JumpClients.register} like any other, and {@link PinLedger#registered} links it.
 */
@Stateless
@AuditedAs
public class SessionPins {

    /** The audit action of a request (refusals are recorded under it too). */
    public static final String REQUEST = "session-pin.request";

    /** The audit action of the customer's answer. */
    public static final String ANSWER = "session-pin.answer";

    /** How long a pin's installer is valid: the customer's answer and the installation must fit in it. */
    static final Duration INSTALLER_VALIDITY = Duration.ofMinutes(30);

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @EJB
    private LicenseGuard licenseGuard;

    @EJB
    private PinLedger ledger;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /**
     * The representative asks to pin the customer of their attended session. Checked in this order:
     * permission to pin into the group, a customer in the representative's session, its client connected,
     * no pending pin (a partial unique index decides between two consoles at once), not pinned already, a
     * free deployed and a free active slot (nothing is taken: the registration takes them).
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code PERMISSION_DENIED}, {@code PIN_NO_CLIENT},
     *     {@code PIN_CLIENT_OFFLINE}, {@code PIN_PENDING}, {@code PIN_ALREADY_PINNED},
     *     {@code JC_LIMIT_DEPLOYED}, {@code JC_LIMIT_ACTIVE}
     */
    @AuditedAs(REQUEST)
    public PinTicket request(Actor actor, @NotNull UUID customerId, @NotNull @Valid PinChoice choice) {
        JumpGroup group = entityManager.find(JumpGroup.class, choice.jumpGroupId());
        if (group == null || !actor.consoleUser() || !permissions.mayPin(actor, group.id())) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(
                    actor.name() + " may not pin into group " + choice.jumpGroupId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> customers = entityManager
                .createNativeQuery("SELECT c.state, c.os_user, (SELECT s.id::text FROM support_session s"
                        + " WHERE s.customer_id = c.id ORDER BY s.requested_at DESC LIMIT 1),"
                        + " EXISTS (SELECT 1 FROM site_node n WHERE n.node_id = c.node_id AND n.boot_id = c.boot_id"
                        + " AND n.seen_at > now() - make_interval(secs => ?))"
                        + " FROM attended_customer c WHERE c.id = ?::uuid AND c.representative = ?")
                .setParameter(1, ThisNode.SILENCE_BOUND.toSeconds())
                .setParameter(2, customerId.toString())
                .setParameter(3, actor.name())
                .getResultList();
        String state = customers.isEmpty() ? "LEFT" : (String) customers.get(0)[0];
        if (state.equals("LEFT") || state.equals("WAITING")) {
            throw JumpDeskStatus.PIN_NO_CLIENT.exception(
                    "customer " + customerId + " is not in a session with " + actor.name() + " (" + state + ")");
        }
        Object[] customer = customers.get(0);
        if (state.equals("DISCONNECTED") || !Boolean.TRUE.equals(customer[3])) {
            throw JumpDeskStatus.PIN_CLIENT_OFFLINE.exception("customer " + customerId + "'s client is not connected");
        }
        Instant now = clock.instant();
        boolean serviceMode = "root".equals(customer[1]);
        String key = InstallerKeys.newKey();
        Installer installer = new Installer(
                        UUID.randomUUID(),
                        InstallerKeys.hash(key),
                        new Installer.Template(
                                group,
                                choice.tag(),
                                choice.comments(),
                                JumpClientMode.ACTIVE,
                                serviceMode ? InstallMode.SERVICE : InstallMode.USER,
                                false,
                                false,
                                false),
                        now.plus(INSTALLER_VALIDITY),
                        actor.name(),
                        now)
                .limitedTo(1);
        entityManager.persist(installer);
        entityManager.flush();
        boolean ask = ask(group.id());
        UUID pinId = UUID.randomUUID();
        int inserted = entityManager
                .createNativeQuery(
                        "INSERT INTO session_pin (id, customer_id, session_id, representative, jump_group_id,"
                                + " tag, comments, installer_id, asked, state, requested_at) VALUES (?::uuid, ?::uuid, ?::uuid,"
                                + " ?, ?, ?, ?, ?::uuid, ?, 'REQUESTED', ?)"
                                + " ON CONFLICT (customer_id) WHERE state IN ('REQUESTED', 'INSTALLING') DO NOTHING")
                .setParameter(1, pinId.toString())
                .setParameter(2, customerId.toString())
                .setParameter(3, customer[2])
                .setParameter(4, actor.name())
                .setParameter(5, group.id())
                .setParameter(6, choice.tag())
                .setParameter(7, choice.comments())
                .setParameter(8, installer.id().toString())
                .setParameter(9, ask)
                .setParameter(10, Timestamp.from(now))
                .executeUpdate();
        if (inserted == 0) {
            throw JumpDeskStatus.PIN_PENDING.exception("customer " + customerId + " already has a pending pin");
        }
        if (!entityManager
                .createNativeQuery("SELECT 1 FROM session_pin WHERE customer_id = ?::uuid AND state = 'PINNED'")
                .setParameter(1, customerId.toString())
                .getResultList()
                .isEmpty()) {
            throw JumpDeskStatus.PIN_ALREADY_PINNED.exception("customer " + customerId + " is pinned already");
        }
        licenseGuard.requireFreeDeployedSlot();
        licenseGuard.requireFreeActiveSlot();
        auditTrail.record(
                actor.name(),
                REQUEST,
                pinId.toString(),
                "customer " + customerId + " into " + group.name()
                        + (choice.tag() == null ? "" : " tag " + choice.tag())
                        + (ask ? ", customer asked" : ", customer not asked (session policy)"));
        return new PinTicket(
                pinId,
                customerId,
                actor.name(),
                installer.id(),
                key,
                installer.validUntil(),
                serviceMode,
                group.name(),
                choice.tag(),
                choice.comments(),
                ask);
    }

    /**
     * The customer's client answers: allowed (it installs itself now; also what a client that was not to ask
     * sends) or denied (the installer is revoked). An answer for a pin that is no longer waiting changes
     * nothing.
     */
    @AuditedAs(ANSWER)
    public void answer(@NotNull UUID customerId, @NotNull UUID pinId, boolean allowed) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object> asked = entityManager
                .createNativeQuery("UPDATE session_pin SET state = ?1, answered_at = ?2,"
                        + " finished_at = CASE WHEN ?1 = 'DENIED' THEN CAST(?2 AS TIMESTAMPTZ) END"
                        + " WHERE id = ?3::uuid AND customer_id = ?4::uuid AND state = 'REQUESTED' RETURNING asked")
                .setParameter(1, allowed ? "INSTALLING" : "DENIED")
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, pinId.toString())
                .setParameter(4, customerId.toString())
                .getResultList();
        if (asked.isEmpty()) {
            return;
        }
        String customer = Actor.customer(customerId).name();
        boolean prompted = Boolean.TRUE.equals(asked.get(0));
        auditTrail.record(
                customer,
                ANSWER,
                pinId.toString(),
                allowed ? (prompted ? "allowed" : "not asked (session policy): installing") : "denied");
        if (!allowed) {
            ledger.revokeInstallerOf(pinId);
            auditTrail.record(customer, PinLedger.RESULT, pinId.toString(), "DENIED", "the customer denied the pin");
        }
    }

    /**
     * The pin did not happen: the client could not install or start, or could not be told. {@code failure}
     * is a catalogue code or the installer's words.
     */
    @AuditedAs(PinLedger.RESULT)
    public void failed(@NotNull UUID customerId, @NotNull UUID pinId, @NotNull String failure) {
        int mine = ((Number) entityManager
                        .createNativeQuery(
                                "SELECT count(*) FROM session_pin WHERE id = ?::uuid AND customer_id = ?::uuid")
                        .setParameter(1, pinId.toString())
                        .setParameter(2, customerId.toString())
                        .getSingleResult())
                .intValue();
        if (mine == 1) {
            ledger.fail(pinId, Actor.customer(customerId).name(), failure);
        }
    }

    /** The representative's newest pin request for the customer, if any. */
    public Optional<PinView> latest(Actor actor, @NotNull UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT p.id::text, p.state, p.asked, g.name, p.tag, p.comments, p.failure,"
                                + " p.client_id::text, c.name, p.requested_at FROM session_pin p"
                                + " JOIN jump_group g ON g.id = p.jump_group_id LEFT JOIN jump_client c ON c.id = p.client_id"
                                + " WHERE p.customer_id = ?::uuid AND p.representative = ? ORDER BY p.requested_at DESC LIMIT 1")
                .setParameter(1, customerId.toString())
                .setParameter(2, actor.name())
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new PinView(
                        UUID.fromString((String) row[0]),
                        (String) row[1],
                        Boolean.TRUE.equals(row[2]),
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        (String) row[6],
                        row[7] == null ? null : UUID.fromString((String) row[7]),
                        (String) row[8],
                        ((Timestamp) row[9]).toInstant()));
    }

    /** The Jump Groups the actor may pin into, by name: the dropdown's choices (empty: no pin button). */
    public List<PinGroup> groupsForPinning(Actor actor) {
        if (!actor.consoleUser()) {
            return List.of();
        }
        List<Long> ids = permissions.pinGroups(actor);
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager
                .createQuery("SELECT g FROM JumpGroup g WHERE g.id IN :ids", JumpGroup.class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(group -> new PinGroup(group.id(), group.name()))
                .sorted(Comparator.comparing(PinGroup::name))
                .toList();
    }

    /** The tags in use in a group the actor may pin into, for completing the tag field. */
    public List<String> tags(Actor actor, long groupId, String prefix) {
        if (!permissions.mayPin(actor, groupId)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<String> tags = entityManager
                .createNativeQuery("SELECT DISTINCT tag FROM jump_client WHERE jump_group_id = ? AND deleted_at IS NULL"
                        + " AND tag IS NOT NULL AND lower(tag) LIKE ? ORDER BY tag LIMIT 20")
                .setParameter(1, groupId)
                .setParameter(2, (prefix == null ? "" : prefix.toLowerCase().replace("%", "")) + "%")
                .getResultList();
        return tags;
    }

    /** The group's own policy, else the site's. */
    private boolean ask(long groupId) {
        Object prompt = entityManager
                .createNativeQuery("SELECT COALESCE(g.pin_prompt, p.pin_prompt) FROM jump_group g, session_policy p"
                        + " WHERE g.id = ? AND p.id = 1")
                .setParameter(1, groupId)
                .getSingleResult();
        return PinPrompt.valueOf((String) prompt) == PinPrompt.ALWAYS;
    }
}

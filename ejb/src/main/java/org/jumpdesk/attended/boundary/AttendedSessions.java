package org.jumpdesk.attended.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpclients.control.ThisNode;
import org.jumpdesk.pinning.control.PinLedger;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.shared.Secrets;

/**
 * Session keys and the queue they lead to. A key works once, for the session policy's validity; the
 * customer who presents it waits in the queue of the representative who made it.
 */
@Stateless
@AuditedAs
public class AttendedSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Twelve digits, read out in groups of four: easy to say on the phone, 10^12 to guess from. */
    private static final int CODE_DIGITS = 12;

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private AuditTrail auditTrail;

    @EJB
    private PinLedger pinLedger;

    @EJB
    private ThisNode thisNode;

    @Inject
    private Clock clock;

    /** A representative makes a key to give a customer. */
    @AuditedAs("session-key.generate")
    public SessionKey generateKey(Actor actor) {
        if (!actor.consoleUser()) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(actor.name() + " is not a representative");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofMinutes(validityMinutes()));
        String code = newCode();
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery("INSERT INTO session_key (id, code_hash, representative, created_at, expires_at)"
                        + " VALUES (?::uuid, ?, ?, ?, ?)")
                .setParameter(1, id.toString())
                .setParameter(2, Secrets.sha256Hex(normalised(code)))
                .setParameter(3, actor.name())
                .setParameter(4, Timestamp.from(now))
                .setParameter(5, Timestamp.from(expiresAt))
                .executeUpdate();
        auditTrail.record(actor.name(), "session-key.generate", id.toString(), "valid until " + expiresAt);
        return new SessionKey(code, expiresAt);
    }

    /**
     * A customer's temporary client presents a key: it joins the queue of the key's representative, and
     * the key is spent.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code SESSION_KEY_INVALID} for an unknown, used or
     *     expired key
     */
    @AuditedAs("attended.arrive")
    public ArrivedCustomer arrive(String code, @Valid CustomerMachine machine) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> spent = entityManager
                .createNativeQuery("UPDATE session_key SET used_at = ? WHERE code_hash = ? AND used_at IS NULL"
                        + " AND expires_at > ? RETURNING id::text, representative")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Secrets.sha256Hex(normalised(code == null ? "" : code)))
                .setParameter(3, Timestamp.from(now))
                .getResultList();
        if (spent.isEmpty()) {
            throw JumpDeskStatus.SESSION_KEY_INVALID.exception("no usable session key for what was presented");
        }
        String representative = (String) spent.get(0)[1];
        UUID customerId = UUID.randomUUID();
        entityManager
                .createNativeQuery("INSERT INTO attended_customer (id, session_key_id, representative, hostname,"
                        + " operating_system, os_user, state, arrived_at, node_id, boot_id) VALUES (?::uuid, ?::uuid,"
                        + " ?, ?, ?, ?, 'WAITING', ?, ?, ?::uuid)")
                .setParameter(1, customerId.toString())
                .setParameter(2, spent.get(0)[0])
                .setParameter(3, representative)
                .setParameter(4, machine.hostname())
                .setParameter(5, machine.operatingSystem())
                .setParameter(6, machine.user())
                .setParameter(7, Timestamp.from(now))
                .setParameter(8, thisNode.id())
                .setParameter(9, thisNode.bootId().toString())
                .executeUpdate();
        auditTrail.record(
                Actor.customer(customerId).name(),
                "attended.arrive",
                customerId.toString(),
                machine.user() + "@" + machine.hostname() + " waits for " + representative);
        return new ArrivedCustomer(customerId, representative);
    }

    /**
     * Whether a key can still be presented (the public support page checks it before handing out the
     * customer's package; only presenting it spends it).
     */
    public boolean usable(String code) {
        return !entityManager
                .createNativeQuery(
                        "SELECT 1 FROM session_key WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")
                .setParameter(1, Secrets.sha256Hex(normalised(code == null ? "" : code)))
                .setParameter(2, Timestamp.from(clock.instant()))
                .getResultList()
                .isEmpty();
    }

    /** The customers waiting for (or in a session with) the representative, oldest first. */
    public List<WaitingCustomer> queue(Actor actor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT id::text, hostname, operating_system, os_user, state, arrived_at"
                        + " FROM attended_customer WHERE representative = ? AND state IN ('WAITING', 'ACCEPTED')"
                        + " ORDER BY arrived_at")
                .setParameter(1, actor.name())
                .getResultList();
        return rows.stream()
                .map(row -> new WaitingCustomer(
                        UUID.fromString((String) row[0]),
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        ((Timestamp) row[5]).toInstant()))
                .toList();
    }

    /**
     * The customer ended, or their temporary client closed its connection normally: they leave the queue
     * (or the session) for good, and a pin still waiting for their answer fails with {@code PIN_NO_CLIENT}.
     */
    @AuditedAs("attended.leave")
    public void left(UUID customerId) {
        int changed = entityManager
                .createNativeQuery("UPDATE attended_customer SET state = 'LEFT', left_at = ?, node_id = NULL,"
                        + " boot_id = NULL WHERE id = ?::uuid AND state <> 'LEFT'")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, customerId.toString())
                .executeUpdate();
        if (changed > 0) {
            auditTrail.record(Actor.customer(customerId).name(), "attended.leave", customerId.toString(), null);
            pinLedger.customerGone(customerId, JumpDeskStatus.PIN_NO_CLIENT.name());
        }
    }

    /**
     * The customer's connection broke (client killed, network gone). Waiting in the queue, they leave it;
     * in a session, they stay in its conference as {@code DISCONNECTED}, with no connection: a pin is then
     * {@code PIN_CLIENT_OFFLINE}, and a pin waiting for their answer fails so.
     */
    @AuditedAs("attended.disconnect")
    public void disconnected(UUID customerId) {
        int changed = entityManager
                .createNativeQuery("UPDATE attended_customer SET state = CASE state WHEN 'WAITING' THEN 'LEFT'"
                        + " ELSE 'DISCONNECTED' END, left_at = ?, node_id = NULL, boot_id = NULL"
                        + " WHERE id = ?::uuid AND state IN ('WAITING', 'ACCEPTED')")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, customerId.toString())
                .executeUpdate();
        if (changed > 0) {
            auditTrail.record(Actor.customer(customerId).name(), "attended.disconnect", customerId.toString(), null);
            pinLedger.customerGone(customerId, JumpDeskStatus.PIN_CLIENT_OFFLINE.name());
        }
    }

    private int validityMinutes() {
        return ((Number) entityManager
                        .createNativeQuery("SELECT session_key_validity_minutes FROM session_policy WHERE id = 1")
                        .getSingleResult())
                .intValue();
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_DIGITS; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    /** Customers type keys with or without the dashes, and with spaces. */
    static String normalised(String code) {
        return code.replaceAll("[\\s-]", "");
    }
}

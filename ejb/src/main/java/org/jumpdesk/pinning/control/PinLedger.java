package org.jumpdesk.pinning.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.shared.Actor;

/**
 * Moves pins to their result inside the transaction of what caused it (a registration, a customer leaving,
 * a failure the client reports), with the result's audit row. {@link TransactionAttributeType#MANDATORY}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PinLedger {

    /** The audit action of every pin's result (pinned, denied, failed). */
    public static final String RESULT = "session-pin.result";

    /** The outcome recorded for a pin that did not end in a pinned client. */
    public static final String FAILED = "FAILED";

    @PersistenceContext
    private EntityManager entityManager;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /**
     * A machine registered with a pin's one-time installer: the pin is done, linked to the new client. Does
     * nothing for installers that are not a pin's.
     */
    public void registered(UUID installerId, UUID clientId, String clientName) {
        @SuppressWarnings("unchecked")
        List<Object> pins = entityManager
                .createNativeQuery("UPDATE session_pin SET state = 'PINNED', client_id = ?::uuid, finished_at = ?"
                        + " WHERE installer_id = ?::uuid AND state IN ('REQUESTED', 'INSTALLING') RETURNING id::text")
                .setParameter(1, clientId.toString())
                .setParameter(2, Timestamp.from(clock.instant()))
                .setParameter(3, installerId.toString())
                .getResultList();
        for (Object pin : pins) {
            auditTrail.record(
                    Actor.installer(installerId).name(),
                    RESULT,
                    (String) pin,
                    "pinned as " + clientName + " (" + clientId + ")");
        }
    }

    /**
     * The pin failed: a catalogue code or the client's words. Its installer is revoked, so nothing registers
     * with it later.
     *
     * @return whether the pin was still pending
     */
    public boolean fail(UUID pinId, String actor, String failure) {
        int changed = entityManager
                .createNativeQuery("UPDATE session_pin SET state = 'FAILED', failure = ?, finished_at = ?"
                        + " WHERE id = ?::uuid AND state IN ('REQUESTED', 'INSTALLING')")
                .setParameter(1, failure.length() > 1024 ? failure.substring(0, 1024) : failure)
                .setParameter(2, Timestamp.from(clock.instant()))
                .setParameter(3, pinId.toString())
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        revokeInstallerOf(pinId);
        auditTrail.record(actor, RESULT, pinId.toString(), FAILED, failure);
        return true;
    }

    /**
     * The customer left (or lost the connection) before answering: the pins still waiting for an answer
     * fail with {@code PIN_NO_CLIENT}. A pin already installing goes on: the installed client registers by
     * itself.
     */
    public void customerGone(UUID customerId, String failure) {
        @SuppressWarnings("unchecked")
        List<Object> waiting = entityManager
                .createNativeQuery(
                        "SELECT id::text FROM session_pin WHERE customer_id = ?::uuid AND state = 'REQUESTED'")
                .setParameter(1, customerId.toString())
                .getResultList();
        for (Object pin : waiting) {
            fail(UUID.fromString((String) pin), Actor.customer(customerId).name(), failure);
        }
    }

    /** Revokes the pin's one-time installer. */
    public void revokeInstallerOf(UUID pinId) {
        entityManager
                .createNativeQuery("UPDATE installer SET revoked_at = ? WHERE revoked_at IS NULL"
                        + " AND id = (SELECT installer_id FROM session_pin WHERE id = ?::uuid)")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, pinId.toString())
                .executeUpdate();
    }
}

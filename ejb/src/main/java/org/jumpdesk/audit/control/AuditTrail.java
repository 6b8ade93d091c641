package org.jumpdesk.audit.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.jumpdesk.audit.entity.AuditEvent;

/**
 * Writes audit rows. {@link TransactionAttributeType#MANDATORY}: a row is always part of the transaction
 * of the change it records, so both commit or neither does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    private static final String INSERT =
            "INSERT INTO audit_event (occurred_at, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)";

    /** Outcome of an action that took effect. */
    public static final String SUCCESS = "SUCCESS";

    @PersistenceContext
    private EntityManager entityManager;

    @Inject
    private Clock clock;

    /** Records an action that took effect. */
    public void record(String actor, String action, String target, String detail) {
        record(actor, action, target, SUCCESS, detail);
    }

    /**
     * Records an action with the given outcome (a catalogue code for a refusal). One plain insert: an
     * entity with a database-generated id would cost a second round trip to read the id back, which no
     * caller needs, on every audited change.
     */
    public void record(String actor, String action, String target, String outcome, String detail) {
        entityManager
                .createNativeQuery(INSERT)
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, actor)
                .setParameter(3, action)
                .setParameter(4, target)
                .setParameter(5, outcome)
                .setParameter(6, detail)
                .executeUpdate();
    }

    /**
     * Records a refused attempt in a new transaction on another thread, so that it stays when the attempt's
     * own transaction rolls back, and never waits for that transaction's locks from inside it.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(
            Instant refusedAt, String actor, String action, String target, String code, String detail) {
        entityManager.persist(new AuditEvent(refusedAt, actor, action, target, code, detail));
    }
}

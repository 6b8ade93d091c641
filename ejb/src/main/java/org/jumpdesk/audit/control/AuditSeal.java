package org.jumpdesk.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Links committed audit rows into the hash chain, in a transaction of its own: the database function
 * {@code audit_event_seal} does the work under the chain's advisory lock, so one node seals at a time and
 * the others return at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditSeal {

    /** Rows sealed in one transaction: keeps each seal short however far behind it is. */
    public static final int BATCH = 5000;

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * Seals one batch of the rows committed so far.
     *
     * @param waitForOtherSealer wait while another transaction seals (else return 0 at once)
     * @return how many rows it sealed: 0 when nothing was waiting, or another node holds the chain and
     *     {@code waitForOtherSealer} is false
     */
    public int sealBatch(boolean waitForOtherSealer) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT audit_event_seal(?1, ?2)")
                        .setParameter(1, BATCH)
                        .setParameter(2, waitForOtherSealer)
                        .getSingleResult())
                .intValue();
    }
}

package org.jumpdesk.audit.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;

/** Reading the audit trail and checking that nobody changed it. */
@Stateless
@AuditedAs
public class AuditLog {

    /**
     * Walks the chain in order and reports the first row that does not fit: its hash recomputed from its
     * content, its stored predecessor hash against the row before it, and gaps in the chain sequence. The
     * digest is the database function the insert trigger uses, so both hash exactly the same text.
     */
    private static final String FIRST_BROKEN_LINK =
            """
            WITH chain AS (
                SELECT id, chain_seq, hash, previous_hash,
                       audit_event_digest(previous_hash, id, occurred_at, actor, action, target, outcome, detail) AS recomputed,
                       lag(hash) OVER (ORDER BY chain_seq) AS predecessor_hash,
                       lag(chain_seq, 1, 0::bigint) OVER (ORDER BY chain_seq) AS predecessor_seq
                  FROM audit_event)
            SELECT id,
                   CASE WHEN recomputed <> hash THEN 'altered'
                        WHEN chain_seq <> predecessor_seq + 1 THEN 'predecessor missing'
                        ELSE 'predecessor altered' END
              FROM chain
             WHERE recomputed <> hash OR chain_seq <> predecessor_seq + 1
                OR previous_hash IS DISTINCT FROM predecessor_hash
             ORDER BY chain_seq
             LIMIT 1
            """;

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @Inject
    private AuditTrail auditTrail;

    /** Administrators check the whole chain; the check itself is audited with its result. */
    @AuditedAs("audit.verify")
    public ChainVerification verifyChain(Actor actor) {
        permissions.requireAdministrator(actor);
        long rows = ((Number) entityManager
                        .createNativeQuery("SELECT COUNT(*) FROM audit_event")
                        .getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> broken =
                entityManager.createNativeQuery(FIRST_BROKEN_LINK).getResultList();
        ChainVerification result = broken.isEmpty()
                ? new ChainVerification(rows, null, null)
                : new ChainVerification(rows, ((Number) broken.get(0)[0]).longValue(), (String) broken.get(0)[1]);
        auditTrail.record(
                actor.name(),
                "audit.verify",
                null,
                result.intact() ? AuditTrail.SUCCESS : "CHAIN_BROKEN",
                result.intact() ? rows + " rows intact" : "row " + result.brokenAtId() + ": " + result.reason());
        return result;
    }
}

package org.jumpdesk.audit.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.jumpdesk.audit.control.AuditSealing;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.Texts;

/** Reading the audit trail and checking that nobody changed it. */
@Stateless
@AuditedAs
public class AuditLog {

    /**
     * Walks the chain in order and reports the first row that does not fit: its hash recomputed from its
     * content, its stored predecessor hash against the row before it, and gaps in the chain sequence. The
     * digest is the database function the sealer uses, so both hash exactly the same text. Rows not yet
     * sealed are not part of the chain yet.
     */
    private static final String FIRST_BROKEN_LINK =
            """
            WITH chain AS (
                SELECT id, chain_seq, hash, previous_hash,
                       audit_event_digest(previous_hash, id, occurred_at, actor, action, target, outcome, detail) AS recomputed,
                       lag(hash) OVER (ORDER BY chain_seq) AS predecessor_hash,
                       lag(chain_seq, 1, 0::bigint) OVER (ORDER BY chain_seq) AS predecessor_seq
                  FROM audit_event WHERE chain_seq IS NOT NULL)
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

    @EJB
    private AuditSealing sealing;

    /**
     * Administrators read the audit trail, filtered, one page at a time (keyset paging on the id, newest
     * first). Reading is not itself audited.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code PERMISSION_DENIED} for non-administrators
     */
    @AuditedAs("audit.search")
    public AuditPage search(Actor actor, @NotNull @Valid AuditQuery query) {
        permissions.requireAdministrator(actor);
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        condition(
                conditions, parameters, "occurred_at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        condition(conditions, parameters, "occurred_at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        condition(conditions, parameters, "actor = ?", Texts.blankToNull(query.actor()));
        condition(conditions, parameters, "target = ?", Texts.blankToNull(query.target()));
        condition(conditions, parameters, "action = ?", Texts.blankToNull(query.action()));
        condition(conditions, parameters, "outcome = ?", Texts.blankToNull(query.outcome()));
        condition(conditions, parameters, "id < ?", query.before());
        Query select = entityManager.createNativeQuery(
                "SELECT id, occurred_at, actor, action, target, outcome, detail FROM audit_event"
                        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                        + " ORDER BY id DESC LIMIT " + (query.limit() + 1));
        for (int i = 0; i < parameters.size(); i++) {
            select.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<AuditEventView> events =
                rows.stream().limit(query.limit()).map(AuditEventView::ofRow).toList();
        return new AuditPage(
                events,
                rows.size() > query.limit() ? events.get(events.size() - 1).id() : null);
    }

    private static void condition(List<String> conditions, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            conditions.add(sql.replace("?", "?" + (parameters.size() + 1)));
            parameters.add(value);
        }
    }

    /**
     * Administrators check the whole chain, after sealing every row committed so far; the check itself is
     * audited with its result.
     */
    @AuditedAs("audit.verify")
    public ChainVerification verifyChain(Actor actor) {
        permissions.requireAdministrator(actor);
        sealing.sealCommitted(true);
        long rows = ((Number) entityManager
                        .createNativeQuery("SELECT COUNT(*) FROM audit_event WHERE chain_seq IS NOT NULL")
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

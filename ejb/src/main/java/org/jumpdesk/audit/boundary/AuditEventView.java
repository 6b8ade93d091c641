package org.jumpdesk.audit.boundary;

import java.sql.Timestamp;
import java.time.Instant;

/** One audit event as the viewer and the API show it. */
public record AuditEventView(
        long id, Instant occurredAt, String actor, String action, String target, String outcome, String detail) {

    /** A row selected as {@code id, occurred_at, actor, action, target, outcome, detail}. */
    public static AuditEventView ofRow(Object[] row) {
        return new AuditEventView(
                ((Number) row[0]).longValue(),
                ((Timestamp) row[1]).toInstant(),
                (String) row[2],
                (String) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6]);
    }
}

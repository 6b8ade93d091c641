package org.jumpdesk.sessions.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;

/**
 * The files and system information of a session in progress: only its own representative may use them,
 * and every file moved is kept in the session's record and the audit trail, in one transaction.
 */
@Stateless
@AuditedAs
public class SessionFileTransfers {

    /** Which way a file went. */
    public enum Direction {
        DOWNLOAD("session.file-downloaded"),
        UPLOAD("session.file-uploaded");

        private final String auditAction;

        Direction(String auditAction) {
            this.auditAction = auditAction;
        }
    }

    @PersistenceContext
    private EntityManager entityManager;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /**
     * Checks that the session is in progress and the actor is its representative.
     *
     * @throws org.jumpdesk.shared.JumpDeskException {@code PERMISSION_DENIED} for another user's session, an
     *     ended one, or none
     */
    @AuditedAs("session.files")
    public void requireRepresentative(Actor actor, UUID sessionId) {
        long own = ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM support_session WHERE id = ?::uuid"
                                + " AND representative = ? AND state = 'ACTIVE'")
                        .setParameter(1, sessionId.toString())
                        .setParameter(2, actor.name())
                        .getSingleResult())
                .longValue();
        if (own == 0) {
            throw JumpDeskStatus.PERMISSION_DENIED.exception(
                    actor.name() + " is not the representative of a session " + sessionId + " in progress");
        }
    }

    /** A file was moved (or stopped, with its outcome): a row in the session's record and its audit row. */
    public void transferred(Actor actor, UUID sessionId, Direction direction, String path, long bytes, String outcome) {
        Instant now = clock.instant();
        entityManager
                .createNativeQuery("INSERT INTO session_file_transfer (session_id, direction, path, bytes, outcome,"
                        + " transferred_at) VALUES (?::uuid, ?, ?, ?, ?, ?)")
                .setParameter(1, sessionId.toString())
                .setParameter(2, direction.name())
                .setParameter(3, path)
                .setParameter(4, bytes)
                .setParameter(5, outcome)
                .setParameter(6, Timestamp.from(now))
                .executeUpdate();
        auditTrail.record(
                actor.name(),
                direction.auditAction,
                sessionId.toString(),
                outcome.equals("OK") ? AuditTrail.SUCCESS : outcome,
                path + "; " + bytes + " bytes");
    }

    /** The files moved in a session, for its representative (nothing for anyone else). */
    public List<FileTransfer> transfers(Actor actor, UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT t.transferred_at, t.direction, t.path, t.bytes, t.outcome"
                        + " FROM session_file_transfer t JOIN support_session s ON s.id = t.session_id"
                        + " WHERE t.session_id = ?::uuid AND s.representative = ? ORDER BY t.id")
                .setParameter(1, sessionId.toString())
                .setParameter(2, actor.name())
                .getResultList();
        return rows.stream()
                .map(row -> new FileTransfer(
                        ((Timestamp) row[0]).toInstant(),
                        (String) row[1],
                        (String) row[2],
                        ((Number) row[3]).longValue(),
                        (String) row[4]))
                .toList();
    }
}

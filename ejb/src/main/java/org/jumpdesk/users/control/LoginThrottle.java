package org.jumpdesk.users.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Locks out an account and a source address after {@link #MAX_FAILURES} failed logins within
 * {@link #WINDOW}, for {@link #LOCKOUT}. The counts are rows in {@code login_throttle}, so every node of a
 * site sees the same ones; each failure is one {@code INSERT ... ON CONFLICT} statement, so logins racing on
 * several nodes are all counted. Joins the caller's transaction.
 */
@Stateless
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    /** What a failure or a lockout is counted against. */
    public record Subjects(String account, String address) {}

    @PersistenceContext
    private EntityManager entityManager;

    /** Until when the account or the address is locked, if either is now. */
    public Optional<Instant> lockedUntil(Subjects subjects, Instant now) {
        List<?> until = entityManager
                .createNativeQuery(
                        "SELECT max(locked_until) FROM login_throttle WHERE locked_until > ?1"
                                + " AND ((subject_kind = 'ACCOUNT' AND subject = ?2) OR (subject_kind = 'ADDRESS' AND subject = ?3))")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, subjects.account())
                .setParameter(3, subjects.address())
                .getResultList();
        return until.isEmpty() || until.get(0) == null
                ? Optional.empty()
                : Optional.of(((Timestamp) until.get(0)).toInstant());
    }

    /**
     * Counts a failed login against the account and the address.
     *
     * @return whether this failure locked either of them
     */
    public boolean failed(Subjects subjects, Instant now) {
        return count("ACCOUNT", subjects.account(), now) | count("ADDRESS", subjects.address(), now);
    }

    /** A successful login forgets the failures of its account and its address. */
    public void succeeded(Subjects subjects) {
        entityManager
                .createNativeQuery("DELETE FROM login_throttle WHERE (subject_kind = 'ACCOUNT' AND subject = ?1)"
                        + " OR (subject_kind = 'ADDRESS' AND subject = ?2)")
                .setParameter(1, subjects.account())
                .setParameter(2, subjects.address())
                .executeUpdate();
    }

    private boolean count(String kind, String subject, Instant now) {
        Timestamp at = Timestamp.from(now);
        Object lockedNow = entityManager
                .createNativeQuery(
                        """
                        INSERT INTO login_throttle AS t (subject_kind, subject, failures, first_failure_at)
                        VALUES (?1, ?2, 1, ?3)
                        ON CONFLICT (subject_kind, subject) DO UPDATE SET
                            failures = CASE WHEN t.first_failure_at < ?4 THEN 1 ELSE t.failures + 1 END,
                            first_failure_at = CASE WHEN t.first_failure_at < ?4 THEN ?3 ELSE t.first_failure_at END
                        RETURNING failures >= ?5
                        """)
                .setParameter(1, kind)
                .setParameter(2, subject)
                .setParameter(3, at)
                .setParameter(4, Timestamp.from(now.minus(WINDOW)))
                .setParameter(5, MAX_FAILURES)
                .getSingleResult();
        if (!Boolean.TRUE.equals(lockedNow)) {
            return false;
        }
        entityManager
                .createNativeQuery("UPDATE login_throttle SET locked_until = ?1, failures = 0, first_failure_at = ?2"
                        + " WHERE subject_kind = ?3 AND subject = ?4")
                .setParameter(1, Timestamp.from(now.plus(LOCKOUT)))
                .setParameter(2, at)
                .setParameter(3, kind)
                .setParameter(4, subject)
                .executeUpdate();
        return true;
    }
}

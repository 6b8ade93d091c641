package org.jumpdesk.apitokens.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jumpdesk.apitokens.entity.ApiToken;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.shared.Secrets;

/**
 * Authenticates REST API requests by their bearer token. One short transaction per request, before the
 * request's use case runs in its own.
 *
 * <p>The token's last use is written at most once a minute per token, by a guarded update that changes
 * nothing (and locks nothing for long) when another request already wrote it: a busy token costs one
 * indexed read per request, not a row lock.
 */
@Stateless
public class ApiTokenAuthentication {

    /** How stale the recorded last use may get before a request writes it again. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** Audit actor of a request whose token is unknown. */
    static final String UNKNOWN_CALLER = "anonymous";

    @PersistenceContext
    private EntityManager entityManager;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /**
     * The caller a token stands for. Refusals are audited (in their own transaction) with the request.
     *
     * @param secret the bearer token, or null when the request carried none
     * @param writing whether the request changes something (needs scope {@code WRITE})
     * @param request the method and path, for the audit trail
     * @throws org.jumpdesk.shared.JumpDeskException {@code API_TOKEN_INVALID} for a missing, unknown or
     *     revoked token or a disabled owner (one answer for all, so nothing is learnt by guessing);
     *     {@code API_TOKEN_READ_ONLY} when a read-only token tries to write
     */
    public ApiCaller authenticate(String secret, boolean writing, String request) {
        Instant now = clock.instant();
        ApiToken token = secret == null
                ? null
                : entityManager
                        .createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                        .setParameter("hash", Secrets.sha256Hex(secret))
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (token == null || !token.usable()) {
            throw refused(
                    now,
                    token == null ? UNKNOWN_CALLER : token.owner().username(),
                    token,
                    JumpDeskStatus.API_TOKEN_INVALID,
                    request);
        }
        if (writing && !token.scope().allowsWriting()) {
            throw refused(now, token.owner().username(), token, JumpDeskStatus.API_TOKEN_READ_ONLY, request);
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            entityManager
                    .createNativeQuery("UPDATE api_token SET last_used_at = ?1 WHERE id = ?2"
                            + " AND (last_used_at IS NULL OR last_used_at < ?3)")
                    .setParameter(1, Timestamp.from(now))
                    .setParameter(2, token.id())
                    .setParameter(3, Timestamp.from(now.minus(LAST_USED_PRECISION)))
                    .executeUpdate();
        }
        return new ApiCaller(token.id(), token.owner().username(), token.scope());
    }

    private RuntimeException refused(Instant now, String actor, ApiToken token, JumpDeskStatus status, String request) {
        auditTrail.recordRefusal(
                now,
                actor,
                "api.authenticate",
                token == null ? null : token.id().toString(),
                status.name(),
                request);
        return status.exception(request);
    }
}

package org.jumpdesk.apitokens.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jumpdesk.apitokens.entity.ApiToken;
import org.jumpdesk.audit.control.AuditTrail;
import org.jumpdesk.jumpgroups.control.Permissions;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.AuditedAs;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.shared.Secrets;
import org.jumpdesk.users.entity.ConsoleUser;

/** Administrators create, list and revoke API tokens. Each public method is one JTA transaction. */
@Stateless
@AuditedAs
public class ApiTokens {

    /** Prefix of every secret, so that a leaked token is recognisable (e.g. by secret scanners). */
    public static final String SECRET_PREFIX = "jdt_";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager entityManager;

    @EJB
    private Permissions permissions;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private Clock clock;

    /**
     * Makes a token acting as an enabled console user.
     *
     * @return the token with its secret, which is not shown again
     * @throws org.jumpdesk.shared.JumpDeskException {@code PERMISSION_DENIED} for non-administrators,
     *     {@code INVALID_INPUT} for an unknown or disabled owner
     */
    @AuditedAs("api-token.create")
    public CreatedApiToken create(Actor actor, @NotNull @Valid NewApiToken request) {
        permissions.requireAdministrator(actor);
        ConsoleUser owner = entityManager
                .createQuery(
                        "SELECT u FROM ConsoleUser u WHERE u.username = :name AND u.enabled = TRUE", ConsoleUser.class)
                .setParameter("name", request.owner())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> JumpDeskStatus.INVALID_INPUT.exception(
                        "owner: no enabled user named '" + request.owner() + "'"));
        String secret = newSecret();
        ApiToken token = new ApiToken(
                UUID.randomUUID(),
                Secrets.sha256Hex(secret),
                request.name(),
                owner,
                request.scope(),
                actor.name(),
                clock.instant());
        entityManager.persist(token);
        auditTrail.record(
                actor.name(),
                "api-token.create",
                token.id().toString(),
                request.name() + ", acting as " + owner.username() + ", " + request.scope());
        return new CreatedApiToken(ApiTokenView.of(token), secret);
    }

    /** Revokes a token: requests with it are refused from now on. */
    @AuditedAs("api-token.revoke")
    public ApiTokenView revoke(Actor actor, UUID tokenId) {
        permissions.requireAdministrator(actor);
        ApiToken token = entityManager.find(ApiToken.class, tokenId);
        if (token == null) {
            throw JumpDeskStatus.INVALID_INPUT.exception("no API token " + tokenId);
        }
        token.revoke(actor.name(), clock.instant());
        auditTrail.record(actor.name(), "api-token.revoke", tokenId.toString(), token.name());
        return ApiTokenView.of(token);
    }

    /** Every token, newest first, without secrets. */
    public List<ApiTokenView> list(Actor actor) {
        permissions.requireAdministrator(actor);
        return entityManager
                .createQuery("SELECT t FROM ApiToken t ORDER BY t.createdAt DESC", ApiToken.class)
                .getResultStream()
                .map(ApiTokenView::of)
                .toList();
    }

    /** 256 random bits, URL-safe Base64, behind the recognisable prefix. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

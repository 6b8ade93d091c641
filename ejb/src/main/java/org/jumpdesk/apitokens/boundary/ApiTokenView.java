package org.jumpdesk.apitokens.boundary;

import java.time.Instant;
import java.util.UUID;
import org.jumpdesk.apitokens.entity.ApiToken;
import org.jumpdesk.apitokens.entity.ApiTokenScope;

/** An API token as lists show it, without its secret. */
public record ApiTokenView(
        UUID id,
        String name,
        String owner,
        ApiTokenScope scope,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    static ApiTokenView of(ApiToken token) {
        return new ApiTokenView(
                token.id(),
                token.name(),
                token.owner().username(),
                token.scope(),
                token.createdBy(),
                token.createdAt(),
                token.lastUsedAt(),
                token.revokedAt());
    }
}

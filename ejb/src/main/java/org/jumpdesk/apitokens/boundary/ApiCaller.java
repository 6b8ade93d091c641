package org.jumpdesk.apitokens.boundary;

import java.util.UUID;
import org.jumpdesk.apitokens.entity.ApiTokenScope;
import org.jumpdesk.shared.Actor;

/** Who an authenticated API request acts as: the token's owner, within the token's scope. */
public record ApiCaller(UUID tokenId, String username, ApiTokenScope scope) {

    public Actor actor() {
        return Actor.user(username);
    }
}

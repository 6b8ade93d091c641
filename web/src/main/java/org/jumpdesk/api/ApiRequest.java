package org.jumpdesk.api;

import jakarta.enterprise.context.RequestScoped;
import org.jumpdesk.apitokens.boundary.ApiCaller;
import org.jumpdesk.shared.Actor;

/** The caller of the current API request, set by {@link BearerAuthentication} before any resource runs. */
@RequestScoped
public class ApiRequest {

    private ApiCaller caller;

    void authenticated(ApiCaller caller) {
        this.caller = caller;
    }

    /** The token's owner, whom the request acts as. */
    public Actor actor() {
        if (caller == null) {
            throw new IllegalStateException("the request was not authenticated");
        }
        return caller.actor();
    }
}

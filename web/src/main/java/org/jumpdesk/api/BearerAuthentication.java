package org.jumpdesk.api;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Set;
import org.jumpdesk.apitokens.boundary.ApiTokenAuthentication;

/**
 * Every API request needs {@code Authorization: Bearer <token>}: a missing, unknown or revoked token is
 * refused with 401, a read-only token on anything but GET/HEAD with 403 (both audited).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";
    private static final Set<String> READING = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @EJB
    private ApiTokenAuthentication authentication;

    @Inject
    private ApiRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? header.substring(SCHEME.length()).trim()
                : null;
        String method = context.getMethod();
        URI uri = context.getUriInfo().getRequestUri();
        request.authenticated(authentication.authenticate(
                secret,
                !READING.contains(method),
                method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
    }
}

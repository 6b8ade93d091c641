package org.jumpdesk.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Every failure of an API request answers problem details, in the request's language. */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(E failure) {
        return Problems.of(failure, headers);
    }
}

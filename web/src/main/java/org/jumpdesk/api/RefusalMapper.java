package org.jumpdesk.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jumpdesk.shared.JumpDeskException;

/** A use case's refusal becomes problem details with its catalogue code and HTTP status. */
@Provider
public class RefusalMapper implements ExceptionMapper<JumpDeskException> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(JumpDeskException refusal) {
        return Problems.of(refusal, headers);
    }
}

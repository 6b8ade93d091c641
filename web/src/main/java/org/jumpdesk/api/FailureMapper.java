package org.jumpdesk.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jumpdesk.shared.InputViolations;
import org.jumpdesk.shared.JumpDeskException;

/**
 * Everything else as problem details: invalid input found by Bean Validation (wrapped by the EJB
 * container) or by the JSON binding names the field; Jakarta REST's own failures keep their status; any
 * other failure is a 500 whose cause stays in the log.
 */
@Provider
public class FailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FailureMapper.class.getName());

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        var violations = InputViolations.find(failure);
        if (violations != null) {
            return Problems.of(violations, headers);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JumpDeskException refusal) {
                return Problems.of(refusal, headers);
            }
            if (cause instanceof JsonbException || cause instanceof ProcessingException) {
                return Problems.invalidInput(
                        "body", "is not the JSON this operation expects: " + innermost(cause), headers);
            }
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Problems.uncatalogued(status.getStatusCode(), status.getReasonPhrase());
        }
        LOG.log(Level.SEVERE, "API request failed", failure);
        return Problems.uncatalogued(500, "Internal Server Error");
    }

    private static String innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}

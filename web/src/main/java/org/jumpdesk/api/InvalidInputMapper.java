package org.jumpdesk.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bean Validation failures of the boundaries' parameters as {@code INVALID_INPUT} naming each field (this
 * mapper replaces RESTEasy's own, which answers plain text).
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<ValidationException> {

    private static final Logger LOG = Logger.getLogger(InvalidInputMapper.class.getName());

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ValidationException failure) {
        if (failure instanceof ConstraintViolationException violations) {
            return Problems.of(violations, headers);
        }
        LOG.log(Level.SEVERE, "constraints that cannot be checked", failure);
        return Problems.uncatalogued(500, "Internal Server Error");
    }
}
